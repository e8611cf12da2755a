using FeeEngine.Core.Contracts;
using static FeeEngine.Core.Tests.Contracts.ContractFixture;

namespace FeeEngine.Core.Tests.Contracts;

/// <summary>
/// Expected reimbursement under payer contracts: the version in force on the date of service, terms tried in their
/// defined order (carve-outs, fee schedule, terms as written, default), percent of current or frozen Medicare,
/// percent of charges, lesser of billed. Medicare amounts are worked in <see cref="ContractFixture"/>.
/// </summary>
public sealed class ContractPricingTests
{
    private static Contract MidYearChange() => Contract.Create("Acme Health", "PPO", [
        Version("2025-A", Period("2025-01-01", "2025-11-14"), PercentOfMedicare(110m)),
        Version("2025-B", Period("2025-11-15"), PercentOfMedicare(125m)),
    ]);

    [Fact]
    public void When_a_contract_changes_mid_year_Then_each_line_is_priced_by_the_version_in_force_on_its_date()
    {
        var pricer = Pricer(MidYearChange());

        var before = pricer.Price(Claim(Line("1", "99213", date: November14)), "Acme Health").Only();
        var after = pricer.Price(Claim(Line("1", "99213", date: November15)), "Acme Health").Only();

        before.Version!.Label.Should().Be("2025-A");
        before.Expected!.Value.Amount.Should().Be(90.05m);   // 110% x 81.86 = 90.046
        after.Version!.Label.Should().Be("2025-B");
        after.Expected!.Value.Amount.Should().Be(102.33m);   // 125% x 81.86 = 102.325, half away from zero
    }

    [Fact]
    public void When_the_base_is_frozen_2024_Medicare_Then_the_2024_conversion_factor_prices_a_2025_line()
    {
        var contract = Contract.Create("Summit", "Advantage", [
            Version("frozen", Period("2025-01-01", "2025-11-30"), PercentOfMedicare(120m, medicareBase: new MedicareBase(new NodaTime.LocalDate(2024, 1, 1)))),
            Version("current", Period("2025-12-01", "2025-12-31"), PercentOfMedicare(120m)),
        ]);
        var pricer = Pricer(contract);

        var frozen = pricer.Price(Claim(Line("1", "99213", date: November14)), "Summit").Only();
        var current = pricer.Price(Claim(Line("1", "99213", date: new NodaTime.LocalDate(2025, 12, 1))), "Summit").Only();

        frozen.Expected!.Value.Amount.Should().Be(99.43m);   // 120% x 82.86 (2024-01-01, CF 32.7442) = 99.432
        frozen.MedicareBasis!.Base!.Value.RvuRelease!.Id.Should().Be("RVU24-TEST");
        current.Expected!.Value.Amount.Should().Be(98.23m);  // 120% x 81.86 (2025, CF 32.3465) = 98.232
        string.Join("\n", frozen.ExplainSteps()).Should().Contain("Medicare as of 2024-01-01").And.Contain("32.7442");
    }

    [Fact]
    public void When_the_base_locality_is_fixed_Then_the_contract_pays_that_locality_whatever_the_service_locality()
    {
        var contract = Contract.Create("Metro", "Plan", [
            Version("v1", Period("2025-01-01"), PercentOfMedicare(100m, medicareBase: new MedicareBase(Locality: Fixtures.Claims2025Fixture.Manhattan))),
        ]);

        var line = Pricer(contract).Price(Claim(Line("1", "99213")), "Metro").Only();

        line.Expected!.Value.Amount.Should().Be(101.06m);   // Manhattan's 99213, though the service was in Alabama
    }

    [Fact]
    public void When_a_code_has_a_carve_out_Then_the_fixed_fee_beats_the_percentage_term()
    {
        var version = Version("v1", Period("2025-01-01"), PercentOfMedicare(150m)) with
        {
            CarveOuts = new FeeSchedule("carve-outs", Period("2025-01-01"), [Fee("99213", 95.00m)]),
        };
        var pricer = Pricer(Contract.Create("Acme Health", "PPO", [version]));

        var price = pricer.Price(Claim(Line("1", "99213", units: 2), Line("2", "71046")), "Acme Health");

        price.ExpectedOf("1").Should().Be(190.00m);   // 95.00 x 2 units, not 150% of Medicare
        price.Lines[0].Term.Should().Be("carve-out 99213");
        price.ExpectedOf("2").Should().Be(43.70m);    // 150% x 29.13 = 43.695
    }

    [Theory]
    [InlineData(80.00, 80.00)]     // the charge is lower: paid the charge
    [InlineData(200.00, 102.33)]   // the contract amount is lower: paid the contract amount
    public void When_the_contract_pays_lesser_of_billed_Then_the_lower_of_charge_and_contract_amount_is_expected(decimal charge, decimal expected)
    {
        var version = Version("v1", Period("2025-01-01"), PercentOfMedicare(125m)) with { LesserOfBilled = true };
        var pricer = Pricer(Contract.Create("Acme Health", "PPO", [version]));

        var line = pricer.Price(Claim(Line("1", "99213", charge: charge)), "Acme Health").Only();

        line.Expected!.Value.Amount.Should().Be(expected);
        line.ContractAmount!.Value.Amount.Should().Be(102.33m);
    }

    [Fact]
    public void When_lesser_of_billed_is_off_Then_a_charge_below_the_contract_amount_changes_nothing()
    {
        var pricer = Pricer(Contract.Create("Acme Health", "PPO", [Version("v1", Period("2025-01-01"), PercentOfMedicare(125m))]));

        pricer.Price(Claim(Line("1", "99213", charge: 80m)), "Acme Health").Only().Expected!.Value.Amount.Should().Be(102.33m);
    }

    [Fact]
    public void When_terms_cover_code_ranges_Then_the_first_term_written_that_covers_the_code_prices_it()
    {
        var version = Version("v1", Period("2025-01-01"),
            PercentOfMedicare(110m, "99202-99499", name: "E&M 110%"),
            PercentOfMedicare(140m, "70010-79999", name: "Radiology 140%"),
            PercentOfMedicare(200m, "99211-99215", name: "never reached: E&M comes first")) with
        {
            Default = PercentOfCharges(50m, name: "default 50% of charges"),
        };
        var price = Pricer(Contract.Create("Acme Health", "PPO", [version]))
            .Price(Claim(Line("1", "99213"), Line("2", "71046"), Line("3", "97110", charge: 60m)), "Acme Health");

        price.ExpectedOf("1").Should().Be(90.05m);   // 110% x 81.86
        price.Lines[0].Term.Should().Be("E&M 110%");
        price.ExpectedOf("2").Should().Be(40.78m);   // 140% x 29.13 = 40.782
        price.ExpectedOf("3").Should().Be(30.00m);   // no term covers 97110: default 50% x 60.00
        price.Lines[2].Term.Should().Be("default 50% of charges");
    }

    [Fact]
    public void When_a_percent_of_charges_term_has_no_charge_Then_the_next_term_prices_the_line()
    {
        var version = Version("v1", Period("2025-01-01"), PercentOfCharges(40m), PercentOfMedicare(100m));

        var line = Pricer(Contract.Create("Acme Health", "PPO", [version])).Price(Claim(Line("1", "99213")), "Acme Health").Only();

        line.Expected!.Value.Amount.Should().Be(81.86m);
        line.Term.Should().Be("100% of Medicare");
    }

    [Fact]
    public void When_nothing_prices_a_line_Then_it_is_unpriced_with_each_terms_reason()
    {
        var version = Version("v1", Period("2025-01-01"), PercentOfMedicare(110m, "99202-99499", name: "E&M"), PercentOfMedicare(120m, "00001-98999", name: "CPT at 120%"));

        var line = Pricer(Contract.Create("Acme Health", "PPO", [version])).Price(Claim(Line("1", "0001F")), "Acme Health").Only();

        line.Outcome.Should().Be(ExpectedOutcome.Unpriced);
        line.Expected.Should().BeNull();
        line.Reason.Should().Contain("version 'v1'").And.Contain("0001F").And.Contain("'CPT at 120%'").And.Contain("the version has no default term");
    }

    [Fact]
    public void When_Medicare_does_not_pay_the_code_Then_a_percent_of_Medicare_term_passes_to_the_default()
    {
        var version = Version("v1", Period("2025-01-01"), PercentOfMedicare(120m)) with { Default = PercentOfCharges(35m, name: "35% of charges") };

        var line = Pricer(Contract.Create("Acme Health", "PPO", [version])).Price(Claim(Line("1", "J1100", charge: 20m)), "Acme Health").Only();

        line.Expected!.Value.Amount.Should().Be(7.00m);   // J1100 is status E at Medicare: 35% x 20.00
        line.Term.Should().Be("35% of charges");
    }

    [Fact]
    public void When_a_payer_or_date_has_no_contract_Then_the_line_is_unpriced_and_says_what_exists()
    {
        var pricer = Pricer(MidYearChange());

        pricer.Price(Claim(Line("1", "99213")), "Nobody").Only().Reason.Should().Be("payer 'Nobody' has no contract loaded (payers: Acme Health)");
        var early = pricer.Price(Claim(Line("1", "99213", date: new NodaTime.LocalDate(2024, 6, 1))), "acme health").Only();
        early.Reason.Should().Contain("not in force on 2024-06-01").And.Contain("2025-A 2025-01-01..2025-11-14").And.Contain("2025-B 2025-11-15..");
    }

    [Fact]
    public void When_a_payer_has_two_contracts_in_force_Then_the_line_must_name_one()
    {
        var pricer = Pricer(
            Contract.Create("Acme Health", "PPO", [Version("v1", Period("2025-01-01"), PercentOfMedicare(110m))]),
            Contract.Create("Acme Health", "HMO", [Version("v1", Period("2025-01-01"), PercentOfMedicare(100m))]));

        pricer.Price(Claim(Line("1", "99213")), "Acme Health").Only().Reason.Should().Contain("more than one contract in force").And.Contain("'Acme Health/PPO'");
        pricer.Price(Claim(Line("1", "99213")), "Acme Health/HMO").Only().Expected!.Value.Amount.Should().Be(81.86m);
    }

    [Fact]
    public void When_two_versions_overlap_Then_the_contract_is_rejected_naming_both_periods()
    {
        var act = () => Contract.Create("Acme Health", "PPO", [
            Version("2025", Period("2025-01-01", "2025-12-31"), PercentOfMedicare(110m)),
            Version("2025-H2", Period("2025-07-01"), PercentOfMedicare(120m)),
        ]);

        act.Should().Throw<ContractValidationException>()
            .WithMessage("Contract 'PPO' of payer 'Acme Health': version '2025' (2025-01-01..2025-12-31) overlaps version '2025-H2' (2025-07-01..).");
    }

    [Fact]
    public void When_a_line_is_priced_Then_the_explanation_names_contract_version_term_and_base()
    {
        var line = Pricer(MidYearChange()).Price(Claim(Line("1", "99213", date: November15)), "Acme Health").Only();

        var steps = line.ExplainSteps();
        steps[0].Should().Be("Contract 'PPO' of payer 'Acme Health', version '2025-B' (2025-11-15..).");
        steps[1].Should().Be("Term: 125% of Medicare.");
        steps.Should().Contain(s => s.Contains("Medicare (date of service)", StringComparison.Ordinal));
        steps.Should().Contain("125% of 81.86 = 102.33.");
        steps[^1].Should().Be("Expected: 102.33.");
    }
}
