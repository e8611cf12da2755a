using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;
using static FeeEngine.Core.Tests.Routing.LabRoutingFixture;

namespace FeeEngine.Core.Tests.Routing;

/// <summary>
/// Lines the PFS does not pay go to the Clinical Laboratory Fee Schedule (reference section 11): the national rate
/// times units, no deductible or coinsurance for the patient, Medicare's payment less 2% sequestration; the PFS
/// lines of the same claim are priced as before.
/// </summary>
public sealed class LabRoutingTests
{
    [Fact]
    public void When_80053_has_status_X_in_the_PFS_Then_the_lab_schedule_prices_it_at_its_national_rate()
    {
        var line = WithLab.Price(Claim(Line("1", "80053", pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.Priced);
        line.Schedule.Should().Be(MedicareSchedule.Clfs);
        line.OtherSchedule!.FileId.Should().Be("TESTCLABQ4");
        line.Allowed!.Value.Amount.Should().Be(10.56m);
        line.Base.Should().BeNull("the PFS did not price it, and contracts must not take its PFS figures");
    }

    [Fact]
    public void When_a_lab_line_is_priced_Then_the_patient_pays_nothing_and_Medicare_pays_all_less_2_percent()
    {
        // 10.56: no deductible, no coinsurance; sequestration 2% = 0.2112 -> 0.21; Medicare pays 10.35.
        var line = WithLab.Price(ClaimWithDeductible(100.00m, Line("1", "80053", pos: "11"))).LineById("1");

        line.Deductible!.Value.Amount.Should().Be(0m);
        line.Coinsurance!.Value.Amount.Should().Be(0m);
        line.PatientShare!.Value.Amount.Should().Be(0m);
        line.PaymentBeforeSequestration!.Value.Amount.Should().Be(10.56m);
        line.Sequestration!.Value.Amount.Should().Be(0.21m);
        line.MedicarePayment!.Value.Amount.Should().Be(10.35m);
    }

    [Fact]
    public void When_a_lab_line_comes_first_Then_the_deductible_is_left_whole_for_the_PFS_line()
    {
        // 99213 non-facility 81.86 with 50.00 deductible left: patient 50.00 + 20% x 31.86 (6.372 -> 6.37) = 56.37;
        // Medicare 25.49 less 0.5098 -> 0.51 = 24.98. The lab line (line 1, before it in line-id order) takes none.
        var price = WithLab.Price(ClaimWithDeductible(50.00m, Line("1", "36415", pos: "11"), Line("2", "99213", pos: "11")));

        price.LineById("1").PatientShare!.Value.Amount.Should().Be(0m);
        price.LineById("1").MedicarePayment!.Value.Amount.Should().Be(9.15m); // 9.34 - 0.1868 -> 0.19
        var visit = price.LineById("2");
        visit.Schedule.Should().Be(MedicareSchedule.Pfs);
        visit.Allowed!.Value.Amount.Should().Be(81.86m);
        visit.Deductible!.Value.Amount.Should().Be(50.00m);
        visit.Coinsurance!.Value.Amount.Should().Be(6.37m);
        visit.MedicarePayment!.Value.Amount.Should().Be(24.98m);
    }

    [Fact]
    public void When_the_line_carries_QW_Then_the_QW_row_prices_it_and_units_multiply()
    {
        var line = WithLab.Price(Claim(Line("1", "80053", "QW", units: 2, pos: "11"))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(21.12m);
        line.ExplainSteps().Should().Contain(s => s.Contains("80053-QW national rate 10.56", StringComparison.Ordinal));
        line.ExplainSteps().Should().Contain("10.56 x 2 unit(s) = 21.12.");
    }

    [Fact]
    public void When_the_charge_is_below_the_lab_rate_Then_Medicare_pays_from_the_charge()
    {
        var line = WithLab.Price(Claim(Line("1", "87635", pos: "11", charge: 40.00m))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(51.31m);
        line.LesserOfBilled!.Value.Amount.Should().Be(40.00m);
        line.MedicarePayment!.Value.Amount.Should().Be(39.20m);
    }

    [Fact]
    public void When_a_claim_mixes_a_visit_and_labs_Then_the_visit_keeps_its_PFS_amount_and_each_line_names_its_schedule()
    {
        var price = WithLab.Price(Claim(Line("1", "99213", pos: "11"), Line("2", "80053", pos: "11"), Line("3", "36415", pos: "11")));

        price.Lines.Select(l => l.Schedule).Should().Equal(MedicareSchedule.Pfs, MedicareSchedule.Clfs, MedicareSchedule.Clfs);
        price.Lines.Select(l => l.Allowed!.Value.Amount).Should().Equal(81.86m, 10.56m, 9.34m);
        price.LineById("1").Coinsurance!.Value.Amount.Should().Be(16.37m);
    }

    [Fact]
    public void When_no_schedule_lists_a_status_X_code_Then_it_is_not_payable_naming_each_schedule_tried()
    {
        var line = WithLab.Price(Claim(Line("1", "A4216", pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Schedule.Should().BeNull();
        line.Message.Should().Be("HCPCS A4216 is not in the PFS release RVU25D; no other Medicare schedule prices it: CLFS: A4216 is not in TESTCLABQ4");
        line.SchedulesTried.Should().Equal("CLFS: A4216 is not in TESTCLABQ4");
        line.ExplainSteps()[^1].Should().Be("No other Medicare schedule prices it: CLFS: A4216 is not in TESTCLABQ4.");
        line.ExplainSteps().Should().ContainSingle(s => s.Contains("is not in the PFS release", StringComparison.Ordinal));
    }

    [Fact]
    public void When_a_code_is_in_no_loaded_schedule_Then_it_is_not_payable_rather_than_an_error()
    {
        var line = WithLab.Price(Claim(Line("1", "J1100", pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Message.Should().EndWith("no other Medicare schedule prices it: CLFS: J1100 is not in TESTCLABQ4");
    }

    [Fact]
    public void When_neither_a_PFS_release_nor_a_lab_file_covers_the_date_Then_it_is_an_error_naming_both_gaps()
    {
        var january = Line("1", "80053", pos: "11");
        january = january with { Service = january.Service with { DateOfService = new NodaTime.LocalDate(2026, 1, 15) } };

        var line = WithLab.Price(Claim(january)).LineById("1");

        // Missing reference data is an error to fix (load the files), not a code Medicare does not pay.
        line.Outcome.Should().Be(PricingOutcome.Error);
        line.Message.Should().Contain("2026-01-15").And.EndWith("; no other Medicare schedule prices it: CLFS: no CLFS file is loaded for 2026 Q1 (loaded: TESTCLABQ4)");
    }

    [Fact]
    public void When_no_other_schedule_is_loaded_Then_unpriced_lines_keep_the_PFS_message_alone()
    {
        var line = Pricer().Price(Claim(Line("1", "80053", pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Message.Should().StartWith("not payable under the PFS: 80053 has status X").And.NotContain("no other Medicare schedule");
    }

    [Fact]
    public void When_a_PFS_line_is_made_not_payable_by_a_policy_Then_it_is_not_offered_to_the_other_schedules()
    {
        // 11042 allows no co-surgeons (CO-SURG 0): not payable by the PFS's rules, though the PFS prices the code.
        var line = WithLab.Price(Claim(Line("1", "11042", "62"), Line("2", "80053"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Message.Should().NotContain("no other Medicare schedule");
        line.Base!.Value.IsPriced.Should().BeTrue();
    }

    [Fact]
    public void When_a_batch_caller_prices_a_claim_with_a_lab_line_Then_it_gets_the_routed_lines_the_object_API_gives()
    {
        var claim = ClaimWithDeductible(50.00m, Line("1", "36415", pos: "11"), Line("2", "99213", pos: "11"), Line("3", "A4216", pos: "11"));
        var results = new ClaimLineResults();

        WithLab.PriceInto(claim, results);
        var objects = WithLab.Price(claim);

        results.Count.Should().Be(3);
        for (var i = 0; i < 3; i++)
        {
            results[i].Outcome.Should().Be(objects.Lines[i].Outcome);
            results[i].Message.Should().Be(objects.Lines[i].Message);
            results[i].AllowedCents.Should().Be(objects.Lines[i].AllowedCents);
            results[i].PatientShareCents.Should().Be(objects.Lines[i].PatientShareCents);
            results[i].MedicarePaymentCents.Should().Be(objects.Lines[i].MedicarePaymentCents);
        }
        results[0].ObjectPrice!.Schedule.Should().Be(MedicareSchedule.Clfs, "lines of other schedules reach batch callers as objects, with their schedule");
    }

    [Fact]
    public void When_a_lab_line_has_no_units_Then_the_PFS_error_about_units_stands_and_no_schedule_is_tried()
    {
        var line = WithLab.Price(Claim(Line("1", "80053", units: 0, pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.Error);
        line.Message.Should().Be("units must be a whole number of at least 1, got 0");
        line.SchedulesTried.Should().BeNull();
    }
}
