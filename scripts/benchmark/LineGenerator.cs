using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

/// <summary>
/// Deterministic random claim lines: claims of four lines that share a date, locality and place of service (one
/// encounter), each line a code drawn uniformly from every payable row of the release (uniform is the pessimistic
/// case: real claims concentrate on a few hundred codes, which caches far better).
/// </summary>
internal static class LineGenerator
{
    private static readonly string[] PlacesOfService = ["11", "11", "11", "22", "21", "19", "23", "12"];

    /// <summary>
    /// A physician-practice claim mix (weights per 1,000 lines, the project's own estimate, not CMS utilisation
    /// data): office and hospital visits dominate, then tests and their interpretations, therapy and a few procedures.
    /// </summary>
    private static readonly (string Code, int Weight)[] ClinicMix =
    [
        ("99213", 200), ("99214", 180), ("99215", 40), ("99212", 30), ("99203", 30), ("99204", 30), ("99232", 40), ("99233", 20),
        ("99223", 10), ("99283", 20), ("99284", 20), ("99285", 10), ("93000", 30), ("71046", 30), ("71046-26", 20), ("73721-26", 10),
        ("71250-26", 10), ("74177-26", 10), ("70450-26", 10), ("93306-26", 10), ("88305-26", 20), ("97110", 30), ("97140", 20),
        ("97530", 10), ("97112", 10), ("20610", 10), ("11042", 5), ("17000", 10), ("17110", 5), ("96372", 20), ("36415", 20),
        ("45378", 5), ("43239", 5), ("66984", 3), ("27447", 2), ("29881", 3), ("64483", 3), ("G0439", 10),
    ];

    public static PfsLine[] Generate(BenchmarkData data, int count, int seed, string mix = "uniform")
    {
        var random = new Random(seed);
        var rows = mix == "clinic"
            ? ClinicMix.SelectMany(m => Enumerable.Repeat(m.Code, m.Weight))
                .Select(c => data.Release.FindRvuOrNull(new RvuKey(HcpcsCode.Parse(c[..5]), c.Length > 5 ? Modifier.Parse(c[6..]) : Modifier.None)))
                .OfType<RvuRecord>().ToArray()
            : data.Release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status)).OrderBy(r => r.Key.Packed).ToArray();
        var localities = data.Release.Gpcis.Select(g => g.Locality).OrderBy(l => l.Packed).ToArray();
        var places = PlacesOfService.Select(PlaceOfService.Parse).ToArray();
        var start = data.Release.EffectiveFrom;
        var lines = new PfsLine[count];
        // Half the claims give a ZIP (from the ZIP file) rather than a locality, so the price-file run looks ZIPs up.
        var gpciLocalities = localities.ToHashSet();
        var zips = data.Zips.Where(z => gpciLocalities.Contains(z.Locality)).OrderBy(z => z.Zip, StringComparer.Ordinal).ToArray();
        LocalityId locality = default;
        PlaceOfService place = default;
        var date = start;
        ZipLookup? source = null;
        for (var i = 0; i < count; i++)
        {
            if (i % 4 == 0)
            {
                ZipLookup? zipSource = null;
                if (zips.Length > 0 && random.Next(2) == 0)
                {
                    var zip = zips[random.Next(zips.Length)];
                    locality = zip.Locality;
                    zipSource = new ZipLookup(zip, null!, null);
                }
                else
                {
                    locality = localities[random.Next(localities.Length)];
                }
                source = zipSource;
                place = places[random.Next(places.Length)];
                date = start.PlusDays(random.Next(60));
            }
            var row = rows[random.Next(rows.Length)];
            var modifiers = row.Modifier.IsNone ? default : new ModifierList(row.Modifier);
            lines[i] = new PfsLine(row.Code, modifiers, locality, place, date, random.Next(10) == 0 ? 2 : 1, LocalitySource: source);
        }
        return lines;
    }

    public static void WriteCsv(PfsLine[] lines, string path)
    {
        using var w = new StreamWriter(path) { NewLine = "\n" };
        w.WriteLine("claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge");
        for (var i = 0; i < lines.Length; i++)
        {
            var l = lines[i];
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"C{i / 4:D7},{(i % 4) + 1},{l.DateOfService:yyyy-MM-dd},{l.Code},{l.Modifiers},{l.Units},{l.PlaceOfService},{l.LocalitySource?.Record.Zip},{(l.LocalitySource is null ? l.Locality : "")},150.00\n"));
        }
    }
}
