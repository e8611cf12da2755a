using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// DRA 2005 s. 5102(b): imaging is paid the lower of the PFS amount and the amount computed with the OPPS PE/MP RVUs.
/// CMS's OPPSCAP_Oct file is the check (Alabama 71275 233.60, 71275-TC 154.60).
/// </summary>
public class OppsCapTests
{
    [Fact]
    public void Alabama_71275_global_non_facility_247_93_is_capped_at_233_60()
    {
        var price = Price("71275", "", Alabama, "11");

        price.PfsUnitAmount.Amount.Should().Be(247.93m);
        price.OppsUnitAmount!.Value.Amount.Should().Be(233.60m);
        price.OppsUnitAmountUnrounded.Should().Be(233.59736598m);
        price.OppsCapApplied.Should().BeTrue();
        price.UnitAmount.Amount.Should().Be(233.60m);
        price.Allowed.Amount.Should().Be(233.60m);
    }

    [Fact]
    public void Alabama_71275_TC_168_93_is_capped_at_154_60()
    {
        var price = Price("71275", "TC", Alabama, "11");

        price.PfsUnitAmount.Amount.Should().Be(168.93m);
        price.OppsCapApplied.Should().BeTrue();
        price.Allowed.Amount.Should().Be(154.60m);
    }

    [Fact]
    public void Alabama_71275_in_a_facility_is_capped_with_the_facility_OPPS_column_too()
    {
        // OPPSCAP_Oct lists 233.60 for both the facility and the non-facility price in Alabama.
        var price = Price("71275", "", Alabama, "22");

        price.OppsCapApplied.Should().BeTrue();
        price.Allowed.Amount.Should().Be(233.60m);
    }

    [Fact]
    public void Capped_price_explanation_names_the_cap_and_both_amounts()
    {
        var steps = Price("71275", "", Alabama, "11").Explain().Steps;

        steps.Should().Contain(s => s.Contains("OPPS imaging cap", StringComparison.Ordinal)
                                 && s.Contains("cap applied: paid 233.60 instead of 247.93", StringComparison.Ordinal));
    }

    [Fact]
    public void The_professional_component_has_no_OPPS_columns_and_is_not_capped()
    {
        var price = Price("71275", "26", Alabama, "11");

        price.Rvu!.IsOppsCapped.Should().BeFalse();
        price.OppsUnitAmount.Should().BeNull();
        price.OppsCapApplied.Should().BeFalse();
        price.Allowed.Amount.Should().Be(79.00m);
    }

    [Fact]
    public void Capped_code_whose_PFS_amount_is_lower_keeps_the_PFS_amount()
    {
        // 71046 carries OPPS columns (2.76 / 2.76 / 0.05) but its OPPS amount, 85.63, is above the PFS 29.13.
        var price = Price("71046", "", Alabama, "11");

        price.Rvu!.IsOppsCapped.Should().BeTrue();
        price.OppsUnitAmount!.Value.Amount.Should().Be(85.63m);
        price.OppsCapApplied.Should().BeFalse();
        price.Allowed.Amount.Should().Be(29.13m);
        price.Explain().Steps.Should().Contain(s => s.Contains("the PFS amount is lower: no cap", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "02102-01", "305.14")]
    [InlineData("", "13202-01", "300.86")]
    [InlineData("TC", "02102-01", "192.19")]
    [InlineData("TC", "13202-01", "208.29")]
    public void Capped_71275_matches_CMS_OPPSCAP_file_in_other_localities(string modifier, string locality, string oppscap)
    {
        var price = Price("71275", modifier, Core.Codes.LocalityId.Parse(locality), "11");

        price.OppsCapApplied.Should().BeTrue();
        price.Allowed.Amount.Should().Be(decimal.Parse(oppscap, System.Globalization.CultureInfo.InvariantCulture));
    }
}
