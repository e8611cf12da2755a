using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Therapy multiple procedure payment reduction (PPRRVU MULT PROC 5): the unit with the highest PE payment is paid
/// in full; every other unit and service with 50% of its PE RVUs,
/// [(work x GPCI) + (50% PE x GPCI) + (MP x GPCI)] x CF rounded once: the "50% therapy reduction amount" CMS publishes
/// (97110 in 2025: Alabama 20.79, Alaska 29.54, Manhattan 24.15). POS 11, CF 32.3465.
/// </summary>
public sealed class TherapyReductionTests
{
    // 97110 Alabama: full    0.45 + 0.43x0.869  + 0.01x0.575 = 0.45 + 0.37367  + 0.00575 = 0.82942;  x 32.3465 = 26.8288 -> 26.83
    //                reduced 0.45 + 0.215x0.869 + 0.01x0.575 = 0.45 + 0.186835 + 0.00575 = 0.642585; x 32.3465 = 20.7855 -> 20.79
    [Fact]
    public void When_97110_is_billed_for_3_units_in_Alabama_Then_one_unit_is_paid_26_83_and_two_at_the_published_20_79()
    {
        var price = Price(Claim(Line("1", "97110", units: 3, pos: "11")));

        price.AllowedOf("1").Should().Be(68.41m); // 26.83 + 2 x 20.79
        price.LineById("1").AdjustmentsText.Should().Be("therapy:2_units:50%PE");
    }

    // Alaska (1.500/1.081/0.592): full    0.675 + 0.43x1.081  + 0.00592 = 1.14575;  x 32.3465 = 37.0610 -> 37.06
    //                             reduced 0.675 + 0.215x1.081 + 0.00592 = 0.913335; x 32.3465 = 29.5431 -> 29.54
    // Manhattan (1.065/1.166/1.656): full    0.47925 + 0.43x1.166  + 0.01656 = 0.99719; x 32.3465 = 32.2556 -> 32.26
    //                                reduced 0.47925 + 0.215x1.166 + 0.01656 = 0.7465;  x 32.3465 = 24.1467 -> 24.15
    [Theory]
    [InlineData("02102-01", 37.06, 29.54)]
    [InlineData("13202-01", 32.26, 24.15)]
    public void When_97110_is_billed_for_2_units_Then_the_second_unit_is_the_published_50_percent_PE_amount(string locality, double first, double second)
    {
        var price = Price(Claim(Line("1", "97110", units: 2, pos: "11", locality: LocalityId.Parse(locality))));

        price.AllowedOf("1").Should().Be((decimal)first + (decimal)second);
    }

    // 97530: full 0.44 + 0.62x0.869 + 0.01x0.575 = 0.44 + 0.53878 + 0.00575 = 0.98453; x 32.3465 = 31.8461 -> 31.85 (highest PE: 0.62)
    // 97110: reduced 20.79 (above)
    // 97140: reduced 0.43 + 0.20x0.869 + 0.01x0.575 = 0.43 + 0.1738 + 0.00575 = 0.60955; x 32.3465 = 19.7168 -> 19.72
    [Fact]
    public void When_three_therapy_services_are_billed_Then_the_one_with_the_highest_PE_is_paid_in_full_and_the_others_with_half_their_PE()
    {
        var price = Price(Claim(Alabama, "11", ("1", "97110", ""), ("2", "97140", ""), ("3", "97530", "")));

        price.AllowedOf("3").Should().Be(31.85m);
        price.AllowedOf("1").Should().Be(20.79m);
        price.AllowedOf("2").Should().Be(19.72m);
        price.LineById("3").Adjustments.Should().BeEmpty();
        price.LineById("1").AdjustmentsText.Should().Be("therapy:1_unit:50%PE");
        price.TotalAllowed.Amount.Should().Be(72.36m);
    }

    [Fact]
    public void When_97110_is_billed_for_one_unit_alone_Then_it_is_paid_in_full()
    {
        var price = Price(Claim(Line("1", "97110", pos: "11")));

        price.AllowedOf("1").Should().Be(26.83m);
        price.LineById("1").Adjustments.Should().BeEmpty();
    }
}
