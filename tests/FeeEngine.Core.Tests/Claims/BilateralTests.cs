using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Bilateral procedures (modifier 50, or one line RT and one LT), PPRRVU BILAT SURG indicator (reference section 4
/// and the RVU25D README): 0 and 2 pay 100% of the single fee for both sides, 1 pays 150%, 3 pays 100% for each side
/// (200%), 9 the concept does not apply. The bilateral amount is set before multiple-procedure ranking.
/// Alabama, POS 22 unless stated, CF 32.3465.
/// </summary>
public sealed class BilateralTests
{
    // 27447 facility: 19.60 + 15.30x0.869 + 3.98x0.575 = 35.1842; x 32.3465 = 1138.0857 -> 1138.09
    [Fact]
    public void Bilateral_indicator_1_with_modifier_50_pays_150_percent_of_the_single_fee()
    {
        var price = Price(Claim(("1", "27447", "50")));

        price.AllowedOf("1").Should().Be(1707.14m); // 1138.09 x 150% = 1707.135 -> 1707.14
        price.LineById("1").AdjustmentsText.Should().Be("bilateral:150%");
    }

    [Fact]
    public void Bilateral_indicator_1_billed_RT_and_LT_pays_100_percent_for_one_side_and_50_percent_for_the_other()
    {
        var price = Price(Claim(("1", "27447", "RT"), ("2", "27447", "LT")));

        price.AllowedOf("1").Should().Be(1138.09m);
        price.AllowedOf("2").Should().Be(569.05m); // 1138.09 x 50% = 569.045 -> 569.05
        price.LineById("1").AdjustmentsText.Should().Be("bilateral:100%");
        price.LineById("2").AdjustmentsText.Should().Be("bilateral:50%");
        price.TotalAllowed.Amount.Should().Be(1707.14m);
    }

    [Fact]
    public void Bilateral_RT_and_LT_pair_is_the_same_whichever_line_comes_first()
    {
        var price = Price(Claim(("2", "27447", "LT"), ("1", "27447", "RT")));

        price.AllowedOf("1").Should().Be(1138.09m);
        price.AllowedOf("2").Should().Be(569.05m);
    }

    // 27158 facility: 21.04 + 17.08x0.869 + 4.31x0.575 = 21.04 + 14.84252 + 2.47825 = 38.36077; x 32.3465 = 1240.8366 -> 1240.84
    [Fact]
    public void Bilateral_indicator_2_with_modifier_50_pays_100_percent_because_the_RVUs_are_already_bilateral()
    {
        var price = Price(Claim(("1", "27158", "50")));

        price.AllowedOf("1").Should().Be(1240.84m);
        price.LineById("1").AdjustmentsText.Should().Be("bilateral:100%");
    }

    // 73000 non-facility (POS 11): 0.16 + 0.80x0.869 + 0.02x0.575 = 0.16 + 0.6952 + 0.0115 = 0.8667; x 32.3465 = 28.0347 -> 28.03
    // (OPPS cap 0.16 + 2.76x0.869 + 0.05x0.575 = 2.58719 -> 83.69 is higher: no cap.)
    [Fact]
    public void Bilateral_indicator_3_with_modifier_50_pays_100_percent_for_each_side()
    {
        var price = Price(Claim(Alabama, "11", ("1", "73000", "50")));

        price.AllowedOf("1").Should().Be(56.06m); // 28.03 x 200%
        price.LineById("1").AdjustmentsText.Should().Be("bilateral:200%");
    }

    [Fact]
    public void Bilateral_indicator_9_with_modifier_50_is_not_payable_and_names_the_indicator()
    {
        var price = Price(Claim(("1", "11300", "50")));

        var line = price.LineById("1");
        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Allowed.Should().BeNull();
        line.Message.Should().Contain("BILAT SURG indicator is 9");
    }

    // 27486 facility: 38.52192 x 32.3465 = 1246.0493 -> 1246.05, more than one side of 27447 (1138.09) but less than
    // 27447 bilateral (1138.09 x 150% = 1707.135).
    [Fact]
    public void Bilateral_adjustment_is_applied_before_ranking_so_a_bilateral_procedure_outranks_a_single_procedure_worth_more_than_one_side()
    {
        var price = Price(Claim(("1", "27486", ""), ("2", "27447", "50")));

        price.AllowedOf("2").Should().Be(1707.14m); // rank 1 at 150%
        price.AllowedOf("1").Should().Be(623.03m);  // rank 2: 1246.05 x 50% = 623.025 -> 623.03
        price.LineById("2").AdjustmentsText.Should().Be("bilateral:150%|mult_proc:rank1:100%");
        price.LineById("1").AdjustmentsText.Should().Be("mult_proc:rank2:50%");
    }

    // 76641 (BILAT SURG 1, MULT PROC 0) non-facility: 0.73 + 2.28x0.869 + 0.05x0.575 = 0.73 + 1.98132 + 0.02875 = 2.74007;
    // x 32.3465 = 88.6317 -> 88.63. RVU25D README, indicator 1: "If the code is billed with the bilateral modifier or is
    // reported twice on the same day by any other means (e.g., with RT and LT modifiers ...), base the payment ... on
    // ... 150% of the fee schedule amount for a single code". The rule does not depend on MULT PROC.
    [Fact]
    public void Bilateral_indicator_1_billed_RT_and_LT_pays_150_percent_even_when_the_code_has_no_multiple_procedure_rule()
    {
        var price = Price(Claim(Alabama, "11", ("1", "76641", "RT"), ("2", "76641", "LT")));

        price.AllowedOf("1").Should().Be(88.63m);
        price.AllowedOf("2").Should().Be(44.32m); // 88.63 x 50% = 44.315 -> 44.32
        price.TotalAllowed.Amount.Should().Be(132.95m);
    }

    // 92134 (BILAT SURG 2, MULT PROC 7) non-facility: 0.32 + 0.63x0.869 + 0.02x0.575 = 0.87897; x 32.3465 = 28.4316 -> 28.43.
    // README, indicator 2: "If the procedure is reported with modifier -50 or is reported twice on the same day by any
    // other means (e.g., with RT and LT modifiers ...), base the payment for both sides on ... 100% of the fee schedule
    // for a single code."
    [Fact]
    public void Bilateral_indicator_2_billed_RT_and_LT_pays_one_single_fee_for_both_sides()
    {
        var price = Price(Claim(Alabama, "11", ("1", "92134", "RT"), ("2", "92134", "LT")));

        price.AllowedOf("1").Should().Be(28.43m);
        price.AllowedOf("2").Should().Be(0.00m);
        price.TotalAllowed.Amount.Should().Be(28.43m);
    }

    [Fact]
    public void One_line_billed_with_both_RT_and_LT_is_not_paired_with_itself()
    {
        // A line cannot be the other side of itself: whatever the engine makes of RT:LT on one line, it must not pay
        // less than one side (100% of the single fee, 1138.09).
        var price = Price(Claim(("1", "27447", "RT:LT")));

        price.AllowedOf("1").Should().BeGreaterThanOrEqualTo(1138.09m);
    }
}
