using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Status T services are paid only when no other PFS service is billed the same day by the same provider; anesthesia
/// lines (status J) are priced by the anesthesia formula, (base + minutes / 15) x the locality anesthesia CF
/// (ANES2025 Alabama 19.31), 50% under medical direction, and take no part in surgical ranking.
/// </summary>
public sealed class InjectionAndAnesthesiaTests
{
    // 96523 (status T) non-facility: 0.04 + 0.67x0.869 + 0.01x0.575 = 0.04 + 0.58223 + 0.00575 = 0.62798; x 32.3465 = 20.3128 -> 20.31
    [Fact]
    public void Status_T_service_billed_alone_is_paid()
    {
        var price = Price(Claim(Alabama, "11", ("1", "96523", "")));

        price.AllowedOf("1").Should().Be(20.31m);
    }

    [Fact]
    public void Status_T_service_billed_with_a_visit_is_bundled_and_not_payable()
    {
        var price = Price(Claim(Alabama, "11", ("1", "99213", ""), ("2", "96523", "")));

        price.AllowedOf("1").Should().Be(81.86m);
        var injection = price.LineById("2");
        injection.Outcome.Should().Be(PricingOutcome.NotPayable);
        injection.Allowed.Should().BeNull();
        injection.Message.Should().Contain("bundled").And.Contain("status T");
    }

    [Fact]
    public void Status_T_bundling_message_is_the_same_whatever_the_line_order()
    {
        var a = Price(Claim(Alabama, "11", ("1", "99213", ""), ("2", "96523", ""), ("3", "99214", "")));
        var b = Price(Claim(Alabama, "11", ("3", "99214", ""), ("2", "96523", ""), ("1", "99213", "")));

        b.LineById("2").Message.Should().Be(a.LineById("2").Message);
    }

    // 96372 is status A in RVU25D (not T): 0.17 + 0.25x0.869 + 0.01x0.575 = 0.17 + 0.21725 + 0.00575 = 0.393; x 32.3465 = 12.7122 -> 12.71
    [Fact]
    public void Injection_96372_has_status_A_in_RVU25D_so_it_is_paid_with_a_visit()
    {
        var price = Price(Claim(Alabama, "11", ("1", "99213", ""), ("2", "96372", "")));

        price.AllowedOf("1").Should().Be(81.86m);
        price.AllowedOf("2").Should().Be(12.71m);
    }

    // 129 minutes / 15 = 8.6 time units; (3 + 8.6) x 19.31 = 223.996 -> 224.00; QK: 223.996 x 50% = 111.998 -> 112.00
    [Theory]
    [InlineData("AA", 224.00)]
    [InlineData("QK", 112.00)]
    public void Anesthesia_00400_for_129_minutes_in_Alabama_is_priced_by_the_claim_pricer(string modifier, double expected)
    {
        var price = Price(Claim(Line("1", "00400", modifier, minutes: 129)));

        var line = price.LineById("1");
        line.AllowedOf().Should().Be((decimal)expected);
        line.Anesthesia.Should().NotBeNull();
        line.Anesthesia!.BaseUnits.Should().Be(3m);
        line.Anesthesia.TimeUnits.Should().Be(8.6m);
        line.Base.Should().BeNull();
    }

    [Fact]
    public void Anesthesia_line_is_not_ranked_with_the_surgery_it_accompanies()
    {
        var price = Price(Claim(Line("1", "27447"), Line("2", "00400", "AA", minutes: 129)));

        price.AllowedOf("1").Should().Be(1138.09m);
        price.AllowedOf("2").Should().Be(224.00m);
        price.LineById("1").Adjustments.Should().BeEmpty();
        price.LineById("2").Adjustments.Should().BeEmpty();
    }

    [Fact]
    public void Anesthesia_code_without_loaded_base_units_is_an_error_that_says_how_to_load_them()
    {
        var price = Price(Claim(Line("1", "00790", "AA", minutes: 60)));

        var line = price.LineById("1");
        line.Outcome.Should().Be(PricingOutcome.Error);
        line.Message.Should().Contain("base units for 00790 are not loaded").And.Contain("feeengine import anesthesia-base-units");
    }
}

internal static class ClaimLinePriceAssertions
{
    public static decimal AllowedOf(this ClaimLinePrice line) =>
        line.Allowed?.Amount ?? throw new InvalidOperationException($"line {line.Line.LineId} was not priced: {line.Outcome} {line.Message}");
}
