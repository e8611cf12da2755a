using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>Every priced line can say how it was priced, in words a finance analyst can check by hand.</summary>
public class ExplanationTests
{
    [Fact]
    public void Manhattan_99213_explanation_names_release_GPCIs_CF_setting_and_rounding()
    {
        var explanation = Price("99213", "", Manhattan, "11").Explain();
        var text = string.Join("\n", explanation.Steps);

        text.Should().Contain("RVU25D")
            .And.Contain("work 1.065, PE 1.166, MP 1.656")
            .And.Contain("32.3465")
            .And.Contain("non-facility setting")
            .And.Contain("rounded once to cents (AwayFromZero) = 101.06")
            .And.Contain("= 101.056935300");
        explanation.Steps.Should().Contain(
            "Fee schedule amount = (1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656) x 32.3465 = 101.056935300, rounded once to cents (AwayFromZero) = 101.06.");
    }

    [Fact]
    public void Explanation_fields_carry_the_numbers_used()
    {
        var e = Price("99213", "", Manhattan, "11").Explain();

        e.Hcpcs.Should().Be("99213");
        e.Modifiers.Should().BeEmpty();
        e.DateOfService.Should().Be("2025-10-15");
        e.Locality.Should().Be("13202-01");
        e.PlaceOfService.Should().Be("11");
        e.Outcome.Should().Be("priced");
        e.RvuRelease.Should().Be("RVU25D");
        e.GpciRelease.Should().Be("RVU25D");
        e.Setting.Should().Be("non-facility");
        e.Status.Should().Be("A");
        e.WorkRvu.Should().Be(1.30m);
        e.PeRvu.Should().Be(1.35m);
        e.MpRvu.Should().Be(0.10m);
        e.WorkGpci.Should().Be(1.065m);
        e.PeGpci.Should().Be(1.166m);
        e.MpGpci.Should().Be(1.656m);
        e.ConversionFactor.Should().Be(32.3465m);
        e.PfsAmountUnrounded.Should().Be(101.0569353m);
        e.UnitAmount.Should().Be(101.06m);
        e.Allowed.Should().Be(101.06m);
        e.OppsCapApplied.Should().BeFalse();
    }

    [Fact]
    public void Facility_explanation_uses_the_facility_PE_RVU()
    {
        var e = Price("99213", "", Manhattan, "22").Explain();

        e.Setting.Should().Be("facility");
        e.PeRvu.Should().Be(0.57m);
        e.Steps.Should().Contain(s => s.Contains("POS 22 is a facility setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_names_the_work_GPCI_floor_and_the_CF_source()
    {
        var steps = Price("99213", "", Alaska, "11").Explain().Steps;

        steps.Should().Contain(s => s.StartsWith("Work GPCI with the 1.0 floor", StringComparison.Ordinal));
        steps.Should().Contain(s => s.StartsWith("Conversion factor 32.3465", StringComparison.Ordinal) && s.Contains("2025-01-01..2025-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Not_payable_explanation_gives_the_reason_and_no_amounts()
    {
        var e = Price("0042T", "", Alabama, "11").Explain();

        e.Outcome.Should().Be("not_payable");
        e.Message.Should().Contain("status C").And.Contain("contractor priced");
        e.Steps.Should().Contain(s => s.StartsWith("Not payable: ", StringComparison.Ordinal) && s.Contains("status C", StringComparison.Ordinal));
        e.Setting.Should().BeNull();
        e.UnitAmount.Should().BeNull();
        e.WorkGpci.Should().BeNull();
    }

    [Fact]
    public void Error_explanation_gives_the_reason()
    {
        var e = Price("99213", "26", Alabama, "11").Explain();

        e.Outcome.Should().Be("error");
        e.Steps.Should().Contain(s => s.StartsWith("Error: modifier 26 is not allowed for 99213", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_of_a_line_with_modifiers_and_units_repeats_them()
    {
        var e = Price("71046", "26:59", Alabama, "22", units: 2).Explain();

        e.Modifiers.Should().Be("26:59");
        e.Units.Should().Be(2);
        e.Steps[0].Should().Be("Line: 71046 modifiers 26:59, 2 unit(s), date of service 2025-10-15, POS 22.");
    }
}
