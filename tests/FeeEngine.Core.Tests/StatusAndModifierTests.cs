using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// Only status A, R and T are paid from RVUs; everything else is "not payable under the PFS" with the status and
/// its meaning, never a silent 0. Modifiers 26, TC and 53 select their own PPRRVU rows; modifiers whose payment
/// depends on other lines of the claim are refused by single-line pricing.
/// </summary>
public class StatusAndModifierTests
{
    [Theory]
    [InlineData("0042T", 'C', "contractor priced")]
    [InlineData("80053", 'X', "statutory exclusion")]
    [InlineData("36415", 'X', "statutory exclusion")]
    [InlineData("36416", 'B', "bundled")]
    [InlineData("0001F", 'I', "not valid for Medicare")]
    [InlineData("J1100", 'E', "excluded from the PFS")]
    public void Status_other_than_A_R_T_is_not_payable_with_the_status_and_its_meaning(string hcpcs, char status, string meaning)
    {
        var price = Price(hcpcs, "", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.NotPayable);
        price.Message.Should().Contain($"status {status}").And.Contain(meaning).And.Contain("not payable under the PFS");
        price.Allowed.Amount.Should().Be(0m);
        price.Rvu!.Status.Should().Be(status);
    }

    [Fact]
    public void Lab_panel_80053_is_not_payable_and_the_explanation_says_why()
    {
        var explanation = Price("80053", "", Alabama, "11").Explain();

        explanation.Outcome.Should().Be("not_payable");
        explanation.Status.Should().Be("X");
        explanation.Allowed.Should().BeNull();
        explanation.Steps.Should().Contain(s => s.StartsWith("Not payable:", StringComparison.Ordinal)
                                             && s.Contains("status X", StringComparison.Ordinal)
                                             && s.Contains("statutory exclusion", StringComparison.Ordinal));
    }

    [Fact]
    public void Status_R_restricted_code_11055_is_priced_60_23_in_Alabama()
    {
        var price = Price("11055", "", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.Allowed.Amount.Should().Be(60.23m);
    }

    [Fact]
    public void Status_T_injection_code_96523_is_priced_20_31_in_Alabama()
    {
        var price = Price("96523", "", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.Allowed.Amount.Should().Be(20.31m);
    }

    [Fact]
    public void Modifier_26_on_99213_is_an_error_naming_PC_TC_indicator_0()
    {
        var price = Price("99213", "26", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("modifier 26 is not allowed for 99213")
            .And.Contain("PC/TC indicator is 0")
            .And.Contain("physician service");
    }

    [Fact]
    public void Modifier_TC_on_professional_only_93010_is_an_error_naming_PC_TC_indicator_2()
    {
        var price = Price("93010", "TC", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("modifier TC is not allowed for 93010").And.Contain("PC/TC indicator is 2");
    }

    [Fact]
    public void Modifier_26_on_technical_only_93005_is_an_error_naming_PC_TC_indicator_3()
    {
        Price("93005", "26", Alabama, "11").Message.Should().Contain("PC/TC indicator is 3");
    }

    [Fact]
    public void Discontinued_colonoscopy_45378_53_is_priced_from_its_own_row()
    {
        var office = Price("45378", "53", Alabama, "11");
        var hospital = Price("45378", "53", Alabama, "22");

        office.Outcome.Should().Be(PricingOutcome.Priced);
        office.Rvu!.Key.ToString().Should().Be("45378-53");
        office.Rvu.WorkRvu.Value.Should().Be(1.63m);
        office.Allowed.Amount.Should().Be(147.33m);
        hospital.Allowed.Amount.Should().Be(82.11m);
    }

    [Fact]
    public void Modifier_53_on_99213_is_contractor_priced_and_not_payable()
    {
        var price = Price("99213", "53", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.NotPayable);
        price.Message.Should().Contain("contractor priced").And.Contain("99213");
    }

    [Theory]
    [InlineData("27447", "50")]
    [InlineData("10060", "51")]
    [InlineData("27447", "62")]
    [InlineData("27447", "80")]
    [InlineData("10060", "RT:51")]
    public void Payment_policy_modifiers_leave_the_rows_fee_schedule_amount_to_the_claim_pricer(string hcpcs, string modifier)
    {
        var plain = Price(hcpcs, "", Alabama, "21");

        var price = Price(hcpcs, modifier, Alabama, "21");

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.Allowed.Should().Be(plain.Allowed);
    }

    [Fact]
    public void Modifiers_26_and_TC_together_are_an_error()
    {
        var price = Price("71046", "26:TC", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("26").And.Contain("TC").And.Contain("cannot be billed together");
    }

    [Fact]
    public void Informational_modifiers_such_as_25_and_59_do_not_change_the_price()
    {
        Price("99213", "25", Alabama, "11").Allowed.Amount.Should().Be(81.86m);
        Price("71046", "26:59", Alabama, "22").Allowed.Amount.Should().Be(9.55m);
    }

    [Fact]
    public void Unknown_code_is_an_error_naming_the_code_and_the_release()
    {
        var price = Price("99999", "", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("99999").And.Contain("RVU25D");
    }

    [Fact]
    public void Locality_missing_from_the_GPCI_file_is_an_error_naming_it()
    {
        var price = Price("99213", "", Core.Codes.LocalityId.Parse("01112-05"), "11");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("01112-05").And.Contain("RVU25D");
    }

    [Fact]
    public void Team_surgery_on_a_code_whose_team_indicator_is_0_is_not_payable_naming_the_indicator()
    {
        var price = Price("27447", "66", Alabama, "22");

        price.Outcome.Should().Be(PricingOutcome.NotPayable);
        price.Message.Should().Contain("modifier 66").And.Contain("TEAM SURG indicator is 0");
    }

    [Theory]
    [InlineData("27447", "52", "reduced services")]
    public void Reduced_services_and_team_surgery_are_contractor_priced(string hcpcs, string modifier, string meaning)
    {
        var price = Price(hcpcs, modifier, Alabama, "22");

        price.Outcome.Should().Be(PricingOutcome.NotPayable);
        price.Message.Should().Contain("contractor priced").And.Contain(meaning);
    }

    [Fact]
    public void Modifier_53_on_a_code_the_PFS_does_not_pay_reports_the_status_not_contractor_pricing()
    {
        var price = Price("80053", "53", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.NotPayable);
        price.Message.Should().Contain("status X").And.NotContain("contractor priced");
    }
}
