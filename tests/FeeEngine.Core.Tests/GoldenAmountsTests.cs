using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// The reference's "Verified worked examples": CMS-published CY2025 amounts (CF 32.3465), reproduced to the cent.
/// POS 11 (office) asks for the non-facility rate, POS 22 (outpatient hospital) for the facility rate.
/// </summary>
public class GoldenAmountsTests
{
    private const string Office = "11";
    private const string OutpatientHospital = "22";

    /// <summary>HCPCS, modifiers, locality, POS, published amount.</summary>
    public static TheoryData<string, string, string, string, decimal> PublishedAmounts => new()
    {
        // 99213
        { "99213", "", "10112-00", Office, 81.86m },
        { "99213", "", "10112-00", OutpatientHospital, 59.93m },
        { "99213", "", "02102-01", Office, 112.20m },
        { "99213", "", "02102-01", OutpatientHospital, 84.92m },
        { "99213", "", "13202-01", Office, 101.06m },
        { "99213", "", "13202-01", OutpatientHospital, 71.64m },
        // 99214
        { "99214", "", "10112-00", Office, 115.49m },
        { "99214", "", "10112-00", OutpatientHospital, 88.23m },
        { "99214", "", "02102-01", Office, 158.97m },
        { "99214", "", "02102-01", OutpatientHospital, 125.05m },
        { "99214", "", "13202-01", Office, 142.07m },
        { "99214", "", "13202-01", OutpatientHospital, 105.48m },
        // 97110 at the full PE (the 50% PE amounts of the therapy MPPR are not single-line pricing)
        { "97110", "", "10112-00", Office, 26.83m },
        { "97110", "", "10112-00", OutpatientHospital, 26.83m },
        { "97110", "", "02102-01", Office, 37.06m },
        { "97110", "", "13202-01", Office, 32.26m },
        // 71046 global / 26 / TC
        { "71046", "", "10112-00", Office, 29.13m },
        { "71046", "26", "10112-00", Office, 9.55m },
        { "71046", "TC", "10112-00", Office, 19.58m },
        { "71046", "", "02102-01", Office, 37.98m },
        { "71046", "26", "02102-01", Office, 13.66m },
        { "71046", "TC", "02102-01", Office, 24.32m },
        { "71046", "", "13202-01", Office, 37.69m },
        { "71046", "26", "13202-01", Office, 11.13m },
        { "71046", "TC", "13202-01", Office, 26.56m },
        // 88305 global / 26 / TC
        { "88305", "", "10112-00", Office, 63.42m },
        { "88305", "26", "10112-00", Office, 33.44m },
        { "88305", "TC", "10112-00", Office, 29.98m },
        { "88305", "", "13202-01", Office, 78.96m },
        { "88305", "26", "13202-01", Office, 38.44m },
        { "88305", "TC", "13202-01", Office, 40.51m },
        // ECG: global-test-only, TC-only, PC-only codes
        { "93000", "", "10112-00", Office, 12.62m },
        { "93005", "", "10112-00", Office, 5.25m },
        { "93010", "", "10112-00", Office, 7.37m },
        // 27447: non-facility NA, so the office request is paid at the facility amount
        { "27447", "", "10112-00", Office, 1138.09m },
        { "27447", "", "10112-00", OutpatientHospital, 1138.09m },
        // 10060
        { "10060", "", "10112-00", Office, 111.87m },
        { "10060", "", "10112-00", OutpatientHospital, 95.01m },
    };

    [Theory]
    [MemberData(nameof(PublishedAmounts))]
    public void Published_CY2025_amount_is_reproduced_to_the_cent(string hcpcs, string modifiers, string locality, string pos, decimal published)
    {
        var price = Price(hcpcs, modifiers, LocalityId.Parse(locality), pos);

        price.Outcome.Should().Be(PricingOutcome.Priced, price.Message);
        price.Allowed.Amount.Should().Be(published);
        price.UnitAmount.Amount.Should().Be(published);
        price.RvuRelease!.Id.Should().Be("RVU25D");
        price.ConversionFactor!.Pfs.Value.Should().Be(32.3465m);
    }

    [Fact]
    public void Alabama_99213_office_visit_pays_81_86_non_facility()
    {
        var price = Price("99213", "", Alabama, "11");

        price.Setting.Should().Be(Setting.NonFacility);
        price.Allowed.Amount.Should().Be(81.86m);
    }

    [Fact]
    public void Alabama_99213_in_outpatient_hospital_pays_59_93_facility()
    {
        var price = Price("99213", "", Alabama, "22");

        price.Setting.Should().Be(Setting.Facility);
        price.Allowed.Amount.Should().Be(59.93m);
    }

    [Fact]
    public void Manhattan_99213_hand_check_is_101_0569353_before_rounding_and_101_06_after()
    {
        // 1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656 = 3.1242; x 32.3465 = 101.0569353 -> 101.06
        var price = Price("99213", "", Manhattan, "11");

        price.PfsUnitAmountUnrounded.Should().Be(101.0569353m);
        price.PfsUnitAmount.Amount.Should().Be(101.06m);
        price.WorkGpci.Should().Be(1.065m);
    }

    [Fact]
    public void Alabama_27447_knee_replacement_in_office_is_non_facility_NA_and_pays_facility_1138_09()
    {
        var price = Price("27447", "", Alabama, "11");

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.RequestedSetting.Should().Be(Setting.NonFacility);
        price.Setting.Should().Be(Setting.Facility);
        price.NonFacilityNaApplied.Should().BeTrue();
        price.Allowed.Amount.Should().Be(1138.09m);
        price.Explain().Steps.Should().Contain(s => s.Contains("Non-facility PE is NA", StringComparison.Ordinal)
                                                 && s.Contains("facility amount", StringComparison.Ordinal));
    }

    [Fact]
    public void Alabama_27447_in_inpatient_hospital_does_not_claim_the_NA_rule()
    {
        var price = Price("27447", "", Alabama, "21");

        price.NonFacilityNaApplied.Should().BeFalse();
        price.Allowed.Amount.Should().Be(1138.09m);
        price.Explain().Steps.Should().NotContain(s => s.Contains("Non-facility PE is NA", StringComparison.Ordinal));
    }

    [Fact]
    public void Technical_and_professional_components_are_priced_from_their_own_rows()
    {
        var pc = Price("71046", "26", Alabama, "11");
        var tc = Price("71046", "TC", Alabama, "11");

        pc.Rvu!.Key.ToString().Should().Be("71046-26");
        tc.Rvu!.Key.ToString().Should().Be("71046-TC");
        pc.Rvu.WorkRvu.Value.Should().Be(0.22m);
        tc.Rvu.WorkRvu.Value.Should().Be(0m);
    }
}
