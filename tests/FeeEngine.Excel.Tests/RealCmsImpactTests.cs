using System.Globalization;
using FeeEngine.Cli.Tests;
using FeeEngine.Schedules.Tests;
using static FeeEngine.Excel.Tests.SampleExports;

namespace FeeEngine.Excel.Tests;

/// <summary>
/// <c>feeengine export impact</c> across a year end on CMS's own files: October 2025 (RVU25D, CF 32.3465) against
/// April 2026 (RVU26B, CF 33.4009). Each date's amount must be the one <c>feeengine price</c> gives for that date.
/// </summary>
public sealed class RealCmsImpactTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [CmsDataFact]
    public void The_2025_to_2026_change_of_each_code_is_the_difference_of_the_two_dates_prices()
    {
        var cms = CmsData.Folder!;
        Must(_cli.Run("import", "cms", Path.Combine(cms, "2025", "rvu25d"), Path.Combine(cms, "2026", "rvu26b")));
        var volumes = _cli.WriteFile("volumes.csv", "code,modifier,count\n99213,,1000\n71046,26,250\n");
        var output = Path.Combine(_cli.Folder, "impact.csv");

        Must(_cli.Run("export", "impact", "--from", "2025-11-03", "--to", "2026-04-15", "--locality", "10112-00", "--volumes", volumes, "--out", output));

        var rows = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Select(r => $"{r[0]}-{r[1]}").Should().Equal("99213-", "71046-26");
        foreach (var r in rows)
        {
            var from = Price(r[0], r[1], "2025-11-03");
            var to = Price(r[0], r[1], "2026-04-15");
            D(r[2]).Should().Be(from);
            D(r[3]).Should().Be(to);
            D(r[4]).Should().Be(to - from);
            D(r[9]).Should().Be((to - from) * D(r[6]), "revenue impact = volume x change");
        }
        D(rows[0][2]).Should().Be(81.86m, "99213 in Alabama, October 2025 (as in the sample, which holds CMS's values)");
    }

    private decimal Price(string code, string modifier, string date)
    {
        string[] args = ["price", "--hcpcs", code, "--locality", "10112-00", "--pos", "11", "--date", date, "--json"];
        if (modifier.Length > 0) args = [.. args, "--modifier", modifier];
        using var json = System.Text.Json.JsonDocument.Parse(Must(_cli.Run(args)).Out);
        return FindAllowed(json.RootElement) ?? throw new InvalidOperationException($"no allowed amount in {json.RootElement}");
    }

    private static decimal? FindAllowed(System.Text.Json.JsonElement e)
    {
        if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name is "allowed" && p.Value.ValueKind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String)
                    return decimal.Parse(p.Value.ToString(), CultureInfo.InvariantCulture);
                if (FindAllowed(p.Value) is { } found) return found;
            }
        if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
            foreach (var item in e.EnumerateArray())
                if (FindAllowed(item) is { } found) return found;
        return null;
    }

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}
