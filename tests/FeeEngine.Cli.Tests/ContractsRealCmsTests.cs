using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// A frozen-year contract base against the current-year base, on the real CMS files (RVU24A and RVU25D).
/// 99213 Alabama 10112-00 non-facility:
///   2024-01-01 (PPRRVU24_JAN: work 1.30, NF PE 1.33, MP 0.10; GPCI2024 1.000 / 0.869 / 0.575; CF 32.7442):
///     (1.30 + 1.33 x 0.869 + 0.10 x 0.575) x 32.7442 = 2.51327 x 32.7442 = 82.2950 -> 82.30; 120% = 98.76.
///   2025-11-03 (RVU25D: NF PE 1.35; CF 32.3465): 2.53065 x 32.3465 = 81.8576 -> 81.86; 120% = 98.232 -> 98.23.
/// </summary>
public sealed class ContractsRealCmsTests(RealCmsDatabase db) : IClassFixture<RealCmsDatabase>
{
    [CmsDataFact]
    public void A_frozen_2024_base_prices_a_2025_line_from_the_2024_schedule_and_a_current_base_from_2025()
    {
        var frozen = db.Cli.WriteFile("frozen.json", """
            {"payer": "Frozen Payer", "contract": "2024 rates", "versions": [
              {"version": "2025", "effective_from": "2025-01-01", "effective_to": "2025-12-31",
               "terms": [{"name": "120% of 2024 Medicare", "percent_of_medicare": 120, "medicare_year": 2024}]}]}
            """);
        var current = db.Cli.WriteFile("current.json", """
            {"payer": "Current Payer", "contract": "current rates", "versions": [
              {"version": "2025", "effective_from": "2025-01-01", "terms": [{"percent_of_medicare": 120}]}]}
            """);
        db.Cli.Run("contracts", "load", frozen, current).ExitCode.Should().Be(0);
        string[] line = ["price", "--hcpcs", "99213", "--locality", "10112-00", "--pos", "11", "--date", "2025-11-03", "--json"];

        using var f = System.Text.Json.JsonDocument.Parse(db.Cli.Run([.. line, "--payer", "Frozen Payer"]).Out);
        using var c = System.Text.Json.JsonDocument.Parse(db.Cli.Run([.. line, "--payer", "Current Payer"]).Out);

        f.RootElement.GetProperty("allowed").GetDecimal().Should().Be(81.86m);
        f.RootElement.GetProperty("contract").GetProperty("expected").GetDecimal().Should().Be(98.76m);
        string.Join("\n", f.RootElement.GetProperty("contract").GetProperty("steps").EnumerateArray().Select(s => s.GetString()))
            .Should().Contain("Medicare as of 2024-01-01").And.Contain("RVU24A").And.Contain("32.7442").And.Contain("120% of 82.30 = 98.76.");
        c.RootElement.GetProperty("contract").GetProperty("expected").GetDecimal().Should().Be(98.23m);
    }
}
