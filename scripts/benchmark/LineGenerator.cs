using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

/// <summary>Deterministic random claim lines over the release's payable codes, its localities and common POS codes.</summary>
internal static class LineGenerator
{
    private static readonly string[] PlacesOfService = ["11", "11", "11", "22", "21", "19", "23", "12"];

    public static PfsLine[] Generate(BenchmarkData data, int count, int seed)
    {
        var random = new Random(seed);
        var rows = data.Release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status)).ToArray();
        var localities = data.Release.Gpcis.Select(g => g.Locality).ToArray();
        var places = PlacesOfService.Select(PlaceOfService.Parse).ToArray();
        var start = data.Release.EffectiveFrom;
        var lines = new PfsLine[count];
        for (var i = 0; i < count; i++)
        {
            var row = rows[random.Next(rows.Length)];
            var modifiers = row.Modifier.IsNone ? default : new ModifierList(row.Modifier);
            lines[i] = new PfsLine(row.Code, modifiers, localities[random.Next(localities.Length)], places[random.Next(places.Length)],
                start.PlusDays(random.Next(60)), random.Next(10) == 0 ? 2 : 1);
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
                $"C{i / 4:D7},{(i % 4) + 1},{l.DateOfService:yyyy-MM-dd},{l.Code},{l.Modifiers},{l.Units},{l.PlaceOfService},,{l.Locality},150.00\n"));
        }
    }
}
