using FeeEngine.Core.Contracts;
using static FeeEngine.Core.Tests.Contracts.ContractFixture;

namespace FeeEngine.Core.Tests.Contracts;

/// <summary>
/// Fixed fees (carve-outs and imported payer fee schedules): which row a line takes, units, and Medicare's payment
/// policies carried to the fee. Medicare facility amounts (POS 22, Alabama, 2025): 27486 1246.05, 27447 1138.09,
/// 20610 40.34 (worked in MultipleSurgeryTests).
/// </summary>
public sealed class FixedFeeTests
{
    private static readonly FeeSchedule SurgeryFees = new("acme-fees.xlsx", Period("2025-01-01", "2025-12-31"),
        [Fee("27486", 1500m), Fee("27447", 1400m), Fee("20610", 60m), Fee("71046", 30m), Fee("71046", 10m, "26")]);

    private static ContractPricer FeeScheduleOnly(bool? medicarePolicies = null)
    {
        var versions = medicarePolicies is { } on ? new[] { Version("v1", Period("2025-01-01"), []) with { MedicarePolicies = on } } : [];
        return Pricer(Contract.Create("Acme Health", "PPO", versions, [SurgeryFees]));
    }

    [Fact]
    public void When_three_surgeries_have_fixed_fees_Then_Medicare_ranking_reduces_the_second_and_third_to_50_percent()
    {
        var price = FeeScheduleOnly().Price(Claim(Line("1", "27447", pos: "22"), Line("2", "27486", pos: "22"), Line("3", "20610", pos: "22")), "Acme Health");

        price.ExpectedOf("2").Should().Be(1500.00m);   // Medicare's rank 1
        price.ExpectedOf("1").Should().Be(700.00m);    // rank 2: 1400 x 50%
        price.ExpectedOf("3").Should().Be(30.00m);     // rank 3: 60 x 50%
        price.Lines[0].Term.Should().Be("fee schedule acme-fees.xlsx");
        price.Lines[0].ExplainSteps().Should().Contain("Medicare payment policy carried to the fee: mult_proc:rank2:50%: one unit at 50%.");
    }

    [Fact]
    public void When_the_contract_does_not_follow_Medicare_policies_Then_fixed_fees_and_percentages_are_not_reduced()
    {
        var price = FeeScheduleOnly(medicarePolicies: false).Price(Claim(Line("1", "27447", pos: "22"), Line("2", "27486", pos: "22")), "Acme Health");

        price.ExpectedOf("1").Should().Be(1400.00m);
        price.ExpectedOf("2").Should().Be(1500.00m);
    }

    [Fact]
    public void When_a_percent_of_Medicare_contract_follows_Medicare_policies_Then_it_pays_its_percentage_of_the_reduced_amount()
    {
        var with = Pricer(Contract.Create("A", "P", [Version("v1", Period("2025-01-01"), PercentOfMedicare(120m))]));
        var without = Pricer(Contract.Create("A", "P", [Version("v1", Period("2025-01-01"), PercentOfMedicare(120m)) with { MedicarePolicies = false }]));
        var claim = Claim(Line("1", "27447", pos: "22"), Line("2", "27486", pos: "22"));

        with.Price(claim, "A").ExpectedOf("1").Should().Be(682.86m);       // 120% x 569.05 (Medicare's rank 2 at 50%)
        without.Price(claim, "A").ExpectedOf("1").Should().Be(1365.71m);   // 120% x 1138.09 = 1365.708
        with.Price(claim, "A").ExpectedOf("2").Should().Be(1495.26m);      // 120% x 1246.05
    }

    [Fact]
    public void When_one_line_has_three_units_of_a_surgery_Then_the_second_and_third_units_are_paid_half_the_fee()
    {
        var line = FeeScheduleOnly().Price(Claim(Line("1", "20610", units: 3, pos: "22")), "Acme Health").Only();

        line.Expected!.Value.Amount.Should().Be(120.00m);   // 60 + 30 + 30
    }

    [Theory]
    [InlineData("26:59", 10.00)]   // the 26 row
    [InlineData("", 30.00)]        // the global row
    [InlineData("59", 30.00)]      // a modifier with no row of its own: the global row
    public void When_a_fee_schedule_has_modifier_rows_Then_the_line_takes_the_row_of_the_modifier_it_carries(string modifiers, decimal expected)
    {
        FeeScheduleOnly().Price(Claim(Line("1", "71046", modifiers)), "Acme Health").Only().Expected!.Value.Amount.Should().Be(expected);
    }

    [Fact]
    public void When_a_TC_line_has_no_TC_row_Then_it_does_not_take_the_global_fee()
    {
        var line = FeeScheduleOnly().Price(Claim(Line("1", "71046", "TC")), "Acme Health").Only();

        line.Outcome.Should().Be(ExpectedOutcome.Unpriced);
        line.Reason.Should().Be("71046 is not on fee schedule 'acme-fees.xlsx' of contract 'Acme Health / PPO', and no contract version is in force on 2025-11-03 to price it");
    }

    [Fact]
    public void When_a_fee_schedule_lists_a_code_twice_Then_it_is_refused()
    {
        var act = () => new FeeSchedule("dup.csv", Period("2025-01-01"), [Fee("99213", 90m), Fee("99213", 95m)]);

        act.Should().Throw<ArgumentException>().WithMessage("Fee schedule 'dup.csv' lists 99213 twice.*");
    }

    [Fact]
    public void When_two_fee_schedules_of_a_contract_overlap_Then_the_contract_is_rejected()
    {
        var act = () => Contract.Create("A", "P", [], [SurgeryFees, new FeeSchedule("later.csv", Period("2025-12-01"), [Fee("99213", 1m)])]);

        act.Should().Throw<ContractValidationException>().WithMessage("*fee schedule 'acme-fees.xlsx' (2025-01-01..2025-12-31) overlaps fee schedule 'later.csv' (2025-12-01..)*");
    }
}
