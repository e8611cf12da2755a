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

    public static PfsLine[] Generate(BenchmarkData data, int count, int seed)
    {
        var random = new Random(seed);
        var rows = data.Release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status)).OrderBy(r => r.Key.Packed).ToArray();
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
