using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Reconciliation;
using NodaTime;
using static FeeEngine.Core.Tests.Contracts.ContractFixture;

namespace FeeEngine.Core.Tests.Reconciliation;

/// <summary>
/// Reconciling what a payer paid against what its contract says. The contract pays 125% of Medicare (Alabama,
/// non-facility, 2025-11-03): 99213 81.86 -> 102.33; 71046-26 9.55 -> 11.94 (11.9375); 99214 115.49 -> 144.36 (144.3625).
/// Tolerance $1.00 and 2% unless said.
/// </summary>
public sealed class ReconcilerTests
{
    private static readonly LocalDate Day = new(2025, 11, 3);

    private static ContractClaimPrice ExpectedClaim(params Core.Claims.ClaimLine[] lines)
    {
        var pricer = Pricer(Contract.Create("Acme", "PPO", [Version("v1", Period("2025-01-01"), PercentOfMedicare(125m))]));
        return pricer.Price(Claim(lines), "Acme");
    }

    private static readonly ContractClaimPrice Billed = ExpectedClaim(Line("1", "99213"), Line("2", "71046", "26:59"), Line("3", "99214"));

    private static PaidLine Paid(string? lineId, string code, decimal paid, decimal? patient = null, decimal? allowed = null, string modifiers = "", int units = 1, string claim = "C1", params string[] codes)
    {
        if (!ModifierList.TryParse(modifiers, out var m, out var error)) throw new ArgumentException(error, nameof(modifiers));
        return new PaidLine(claim, lineId, Day, HcpcsCode.Parse(code), m, units, new Money.Money(paid),
            allowed is { } a ? new Money.Money(a) : null, patient is { } p ? new Money.Money(p) : null, string.Join(' ', codes), "Acme", new LineSource("test", 1));
    }

    private static IReadOnlyList<ReconciledLine> Reconcile(bool reportUnpaid, params PaidLine[] paid) =>
        Reconciler.Reconcile([Billed], paid, _ => Tolerance.Default, reportUnpaid);

    [Fact]
    public void When_paid_plus_patient_share_falls_short_beyond_both_tolerances_Then_the_line_is_underpaid()
    {
        var line = Reconcile(false, Paid("1", "99213", 80.00m, patient: 20.00m)).Single();

        line.Category.Should().Be(VarianceCategory.Underpaid);   // 100.00 - 102.33 = -2.33: beyond $1.00 and 2% (2.05)
        line.Variance!.Value.Amount.Should().Be(-2.33m);
        line.MatchRule.Should().Be("claim+line");
        line.Note.Should().Be("paid + patient responsibility 100.00 is 2.33 below the expected 102.33 (tolerance $1.00 and 2%)");
    }

    [Theory]
    [InlineData(81.86, 20.00, null, VarianceCategory.AsExpected)]     // 101.86: 0.47 short, within $1.00
    [InlineData(80.00, 20.50, null, VarianceCategory.AsExpected)]     // 100.50: 1.83 short, beyond $1.00 but within 2% (2.05)
    [InlineData(70.00, 0.00, 102.33, VarianceCategory.AsExpected)]    // the payer's allowed amount is what counts
    [InlineData(90.00, 20.00, null, VarianceCategory.Overpaid)]       // 110.00: 7.67 above
    public void The_variance_is_judged_against_both_the_dollar_and_the_percentage_tolerance(decimal paid, decimal patient, double? allowed, VarianceCategory expected)
    {
        Reconcile(false, Paid("1", "99213", paid, patient, allowed is { } a ? (decimal)a : null)).Single().Category.Should().Be(expected);
    }

    [Fact]
    public void When_a_payer_drops_line_numbers_and_reorders_or_drops_modifiers_Then_lines_still_match_and_the_rule_says_how()
    {
        var lines = Reconcile(false,
            Paid(null, "71046", 9.55m, 2.39m, modifiers: "59:26"),
            Paid(null, "99214", 115.49m, 28.87m),
            Paid(null, "99213", 81.86m, 20.47m, modifiers: "25"));

        lines[0].MatchRule.Should().Be("claim+code+date+units (modifiers reordered)");
        lines[0].Category.Should().Be(VarianceCategory.AsExpected);     // 11.94 expected, 11.94 recognised
        lines[1].MatchRule.Should().Be("claim+code+date+units");
        lines[1].Category.Should().Be(VarianceCategory.AsExpected);     // 144.36 expected, 144.36 recognised
        lines[2].MatchRule.Should().Be("claim+code+date+units (modifiers differ: billed none, paid 25)");
    }

    [Fact]
    public void When_nothing_is_paid_with_reason_codes_Then_the_line_is_a_denial()
    {
        var line = Reconcile(false, Paid("1", "99213", 0m, codes: ["CO-50"])).Single();

        line.Category.Should().Be(VarianceCategory.Denied);
        line.Note.Should().Be("denied: CO-50");
    }

    [Fact]
    public void Lines_that_match_nothing_are_reported_and_billed_lines_missing_from_the_remittance_too()
    {
        var lines = Reconcile(true, Paid("9", "97110", 20m), Paid("1", "99213", 81.86m, 20.47m), Paid("1", "99213", 5m, claim: "C404"));

        lines.Select(l => (l.ClaimId, ReconciledLine.Code(l.Category))).Should().Equal(
            ("C1", "unmatched_paid"), ("C1", "as_expected"), ("C404", "unmatched_paid"), ("C1", "not_in_remittance"), ("C1", "not_in_remittance"));
        lines[0].Note.Should().Be("no unmatched billed line of claim C1 has 97110 on 2025-11-03 x1");
        lines[2].Note.Should().Be("claim C404 is not among the billed claims");
    }

    [Fact]
    public void A_billed_line_is_matched_once_so_a_duplicate_payment_is_unmatched()
    {
        var lines = Reconcile(false, Paid(null, "99213", 81.86m, 20.47m), Paid(null, "99213", 81.86m, 20.47m));

        lines.Select(l => l.Category).Should().Equal(VarianceCategory.AsExpected, VarianceCategory.UnmatchedPaid);
    }

    [Fact]
    public void A_reversal_is_reported_and_not_compared()
    {
        var line = Reconcile(false, Paid("1", "99213", -81.86m) with { IsReversal = true }).Single();

        line.Category.Should().Be(VarianceCategory.Reversal);
        line.Expected.Should().BeNull();
    }

    [Fact]
    public void The_summary_adds_up_by_payer_code_and_reason_with_the_shortfall_of_underpaid_lines()
    {
        var lines = Reconcile(false, Paid("1", "99213", 80.00m, 20.00m), Paid("3", "99214", 100.00m, 20.00m), Paid("2", "71046", 0m, codes: ["CO-97"], modifiers: "26"));

        var summary = ReconciliationSummary.Of(lines);

        summary.Single(r => r.Dimension == "payer").Should().Be(new SummaryRow("payer", "Acme", 3, 258.63m, 220.00m, -26.69m, 2, 26.69m, 1));
        summary.Single(r => r.Dimension == "reason" && r.Key == "underpaid").Should().Be(new SummaryRow("reason", "underpaid", 2, 246.69m, 220.00m, -26.69m, 2, 26.69m, 0));
        summary.Where(r => r.Dimension == "code").Select(r => r.Key).Should().Equal("71046", "99213", "99214");
    }
}
