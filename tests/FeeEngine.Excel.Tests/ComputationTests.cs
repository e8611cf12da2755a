using FeeEngine.Core.Codes;
using FeeEngine.Data.Stores;
using FeeEngine.Excel.Codes;
using FeeEngine.Excel.Comparison;
using FeeEngine.Excel.Impact;
using FeeEngine.Excel.Underpayments;

namespace FeeEngine.Excel.Tests;

/// <summary>The plain computations behind the workbooks, with exact decimals.</summary>
public sealed class ComputationTests
{
    private static CodeRequest Code(string text) => CodeRequest.TryParse(text, out _)!.Value;

    [Fact]
    public void Highest_and_lowest_skip_unpriced_payers_and_the_first_payer_wins_a_tie()
    {
        PayerAmount[] payers = [new(100.00m, 1.0m, null), new(null, null, "unpriced"), new(120.50m, 1.205m, null), new(100.00m, 1m, null), new(120.50m, 1.205m, null)];

        var (high, low) = PayerComparer.HighestAndLowest(payers);

        high.Should().Be(2);
        low.Should().Be(0);
    }

    [Fact]
    public void When_no_payer_prices_a_row_there_is_no_highest_or_lowest()
    {
        PayerComparer.HighestAndLowest([new(null, null, "x"), new(null, null, "y")]).Should().Be(((int?)null, (int?)null));
    }

    [Theory]
    [InlineData("96.59", "81.86", "1.1799")]     // 1.17994...
    [InlineData("1.00", "3.00", "0.3333")]
    [InlineData("0.00005", "1", "0.0001")]       // half away from zero, not to even
    [InlineData("-14.73", "81.86", "-0.1799")]
    public void A_percentage_of_Medicare_is_a_ratio_rounded_half_away_from_zero_to_four_decimals(string part, string whole, string expected)
    {
        Ratio.Of(decimal.Parse(part, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(whole, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_ratio_of_zero_or_of_nothing_is_empty()
    {
        Ratio.Of(5m, 0m).Should().BeNull();
        Ratio.Of(null, 5m).Should().BeNull();
        Ratio.Of(5m, null).Should().BeNull();
    }

    [Fact]
    public void A_comparison_spread_as_a_percentage_is_of_the_Medicare_basis()
    {
        var row = new ComparisonRow(Code("99213"), 81.86m, 59.93m, 81.86m, [new(96.59m, 1.1799m, null), new(81.86m, 1m, null)], 0, 1, 14.73m, null);

        row.SpreadPercentOfMedicare.Should().Be(0.1799m);
    }

    [Fact]
    public void An_impact_row_gives_changes_and_revenue_from_the_payer_when_a_payer_is_compared()
    {
        var row = new ImpactRow(Code("99213"), MedicareFrom: 81.86m, MedicareTo: 84.21m, PayerFrom: 96.59m, PayerTo: 101.05m, Volume: 1200, ByPayer: true, Note: null);

        row.MedicareChange.Should().Be(2.35m);
        row.MedicareChangePercent.Should().Be(0.0287m);      // 2.35 / 81.86 = 0.028707...
        row.PayerChange.Should().Be(4.46m);
        row.PayerChangePercent.Should().Be(0.0462m);         // 4.46 / 96.59 = 0.046174...
        row.RevenueFrom.Should().Be(115_908.00m);
        row.RevenueTo.Should().Be(121_260.00m);
        row.RevenueImpact.Should().Be(5_352.00m);
    }

    [Fact]
    public void An_impact_row_without_a_payer_takes_revenue_from_Medicare_and_has_none_when_a_date_is_unpriced()
    {
        new ImpactRow(Code("99214"), 115.49m, 110.00m, null, null, 10, ByPayer: false, null).RevenueImpact.Should().Be(-54.90m);
        var unpriced = new ImpactRow(Code("99214"), 115.49m, null, null, null, 10, ByPayer: false, "gone");
        unpriced.RevenueFrom.Should().BeNull();
        unpriced.RevenueImpact.Should().BeNull();
        unpriced.MedicareChange.Should().BeNull();
    }

    [Fact]
    public void Impact_totals_add_only_the_rows_with_revenue_so_to_minus_from_is_the_impact()
    {
        var request = new ImpactRequest(null, LocalityId.Parse("10112-00"), new NodaTime.LocalDate(2025, 12, 31), new NodaTime.LocalDate(2026, 1, 1), PlaceOfService.Parse("11"), null, []);
        var impact = new ScheduleImpact(request, [
            new ImpactRow(Code("99213"), 81.86m, 84.21m, null, null, 1200, false, null),
            new ImpactRow(Code("99214"), 115.49m, 110.00m, null, null, 10, false, null),
            new ImpactRow(Code("99215"), 160.00m, null, null, null, 99, false, "not priced"),
        ], [], []);

        impact.RevenueFromTotal.Should().Be(99_386.90m);      // 1200 x 81.86 + 10 x 115.49
        impact.RevenueToTotal.Should().Be(102_152.00m);       // 1200 x 84.21 + 10 x 110.00
        impact.RevenueImpactTotal.Should().Be(2_765.10m);
        impact.RevenueImpactPercent.Should().Be(0.0278m);
    }

    [Fact]
    public void Underpayment_totals_by_payer_put_the_largest_shortfall_first_and_count_a_denial_as_its_whole_expected_amount()
    {
        var run = new ReconciliationRun("R1", "2025-11-01T00:00:00Z", "paid.csv", null, null, 1m, 2m, 10, "complete");
        static StoredReconciliationLine Line(string payer, string code, string category, decimal expected, decimal? paid, decimal? actual) =>
            new(1, "C", "1", "2025-10-01", code, null, 1, payer, category, null, expected, paid, actual, null, actual, actual - expected, null, null, null, null, null, null);
        var report = new UnderpaymentReport(run, [
            Line("Acme", "99213", "underpaid", 96.59m, 70.00m, 90.00m),
            Line("Acme", "96372", "denied", 19.30m, 0.00m, 0.00m),
            Line("Zen", "99213", "underpaid", 200.00m, 100.00m, 120.00m),
        ]);

        report.ByPayer.Should().Equal(
            new ShortfallTotals("Zen", 1, 1, 0, 200.00m, 100.00m, 120.00m, 80.00m),
            new ShortfallTotals("Acme", 2, 1, 1, 115.89m, 70.00m, 90.00m, 25.89m));
        report.ByCode.Should().Equal(
            new ShortfallTotals("99213", 2, 2, 0, 296.59m, 170.00m, 210.00m, 86.59m),
            new ShortfallTotals("96372", 1, 0, 1, 19.30m, 0.00m, 0.00m, 19.30m));
        report.Total.Shortfall.Should().Be(105.89m);
    }

    [Theory]
    [InlineData("99213", "99213", "", true)]
    [InlineData("71046-26", "71046", "26", false)]
    [InlineData("99214-25:59", "99214", "25:59", false)]
    [InlineData("g0121,53", "G0121", "53", false)]
    public void A_code_is_read_with_its_modifiers(string text, string code, string modifiers, bool bare)
    {
        var c = CodeRequest.TryParse(text, out var error);

        error.Should().BeNull();
        c!.Value.Code.ToString().Should().Be(code);
        c.Value.ModifierText.Should().Be(modifiers);
        c.Value.Bare.Should().Be(bare);
    }

    [Fact]
    public void A_code_list_with_bad_codes_is_rejected_with_every_problem()
    {
        var act = () => CodeListReader.Read("99213,9921,99214-X");

        act.Should().Throw<InvalidDataException>().WithMessage("bad codes: item 2 of --codes: '9921' is not a HCPCS code (5 letters or digits); item 3 of --codes: modifier 'X' is not 2 letters or digits");
    }

    [Fact]
    public void A_code_file_skips_its_header_comments_and_repeats()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "code,modifier\n# office visits\n99213\n99213,\n71046,26\n\n");
            CodeListReader.Read(path).Select(c => c.ToString()).Should().Equal("99213", "71046-26");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_volume_file_with_a_bad_count_is_rejected_with_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "code,modifier,count\n99213,,12\n99214,,1.5\n");
            var act = () => VolumeFileReader.Read(path);
            act.Should().Throw<InvalidDataException>().WithMessage("*line 3: count '1.5' is not a whole number from 0 up");
        }
        finally { File.Delete(path); }
    }
}
