using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Multiple surgery (PPRRVU MULT PROC 2 and 3, reference section 4): the procedures of one claim are ranked by fee
/// schedule amount, the highest paid 100% and each other 50%; endoscopies of one family (same ENDO BASE) are valued
/// first and then rank as one procedure; add-on codes (global ZZZ) are never reduced.
/// Alabama 10112-00 GPCIs 1.000 / 0.869 / 0.575, POS 22 (facility PE), CF 32.3465, each line rounded once to cents
/// half away from zero. Every expected amount is worked by hand from the RVU25D rows in the comments.
/// </summary>
public sealed class MultipleSurgeryTests
{
    // 27486 facility: 21.12x1.000 + 17.18x0.869 + 4.30x0.575 = 21.12 + 14.92942 + 2.4725 = 38.52192; x 32.3465 = 1246.0493 -> 1246.05
    // 27447 facility: 19.60 + 15.30x0.869 + 3.98x0.575 = 19.60 + 13.2957 + 2.2885 = 35.1842; x 32.3465 = 1138.0857 -> 1138.09
    // 20610 facility: 0.79 + 0.44x0.869 + 0.13x0.575 = 0.79 + 0.38236 + 0.07475 = 1.24711; x 32.3465 = 40.3396 -> 40.34
    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 2, 1, 0 })]
    [InlineData(new[] { 1, 2, 0 })]
    [InlineData(new[] { 2, 0, 1 })]
    public void When_three_surgeries_are_billed_Then_the_highest_is_paid_in_full_and_the_others_at_50_percent_in_any_line_order(int[] order)
    {
        (string, string, string)[] lines = [("1", "27447", ""), ("2", "27486", ""), ("3", "20610", "")];

        var price = Price(Claim([.. order.Select(i => lines[i])]));

        price.AllowedOf("2").Should().Be(1246.05m);  // rank 1: 100%
        price.AllowedOf("1").Should().Be(569.05m);   // rank 2: 1138.09 x 50% = 569.045 -> 569.05
        price.AllowedOf("3").Should().Be(20.17m);    // rank 3: 40.34 x 50% = 20.17
        price.LineById("2").AdjustmentsText.Should().Be("mult_proc:rank1:100%");
        price.LineById("1").AdjustmentsText.Should().Be("mult_proc:rank2:50%");
        price.LineById("3").AdjustmentsText.Should().Be("mult_proc:rank3:50%");
        price.TotalAllowed.Amount.Should().Be(1835.27m); // 1246.05 + 569.05 + 20.17
    }

    [Fact]
    public void When_a_surgery_is_billed_alone_Then_no_multiple_procedure_reduction_applies()
    {
        var price = Price(Claim(("1", "27447", "")));

        price.AllowedOf("1").Should().Be(1138.09m);
        price.LineById("1").Adjustments.Should().BeEmpty();
    }

    // 11042 facility: 1.01 + 0.68x0.869 + 0.13x0.575 = 1.01 + 0.59092 + 0.07475 = 1.67567; x 32.3465 = 54.2021 -> 54.20
    // 11045 facility: 0.50 + 0.17x0.869 + 0.07x0.575 = 0.50 + 0.14773 + 0.04025 = 0.68798; x 32.3465 = 22.2537 -> 22.25
    // 11045 is global ZZZ (an add-on; its MULT PROC is also 0): it is never ranked, though it is worth less than 11042.
    [Fact]
    public void When_add_on_11045_is_billed_with_11042_and_20610_Then_the_add_on_is_paid_in_full_and_only_20610_is_reduced()
    {
        var price = Price(Claim(
            Line("1", "11042"),
            Line("2", "11045", units: 2),
            Line("3", "20610")));

        price.AllowedOf("1").Should().Be(54.20m);   // rank 1
        price.AllowedOf("3").Should().Be(20.17m);   // rank 2: 40.34 x 50%
        price.AllowedOf("2").Should().Be(44.50m);   // 2 x 22.25, unreduced
        price.LineById("2").Adjustments.Should().BeEmpty();
        price.LineById("3").AdjustmentsText.Should().Be("mult_proc:rank2:50%");
    }

    // 43235 facility: 2.09 + 1.29x0.869 + 0.27x0.575 = 2.09 + 1.12101 + 0.15525 = 3.36626; x 32.3465 = 108.8867 -> 108.89
    // 43239 facility: 2.39 + 1.42x0.869 + 0.29x0.575 = 2.39 + 1.23398 + 0.16675 = 3.79073; x 32.3465 = 122.6168 -> 122.62
    // 43249 facility: 2.67 + 1.54x0.869 + 0.34x0.575 = 2.67 + 1.33826 + 0.1955  = 4.20376; x 32.3465 = 135.9769 -> 135.98
    // 45378 facility: 3.26 + 1.79x0.869 + 0.43x0.575 = 3.26 + 1.55551 + 0.24725 = 5.06276; x 32.3465 = 163.7626 -> 163.76
    [Fact]
    public void When_two_endoscopies_of_the_43235_family_are_billed_Then_the_highest_is_paid_in_full_and_the_other_its_fee_minus_the_base_fee()
    {
        var price = Price(Claim(("1", "43239", ""), ("2", "43249", "")));

        price.AllowedOf("2").Should().Be(135.98m);
        price.AllowedOf("1").Should().Be(13.73m); // 122.62 - 108.89
        price.LineById("2").AdjustmentsText.Should().Be("endoscopy:highest:100%");
        price.LineById("1").AdjustmentsText.Should().Be("endoscopy:minus_base:108.89");
    }

    [Fact]
    public void When_the_base_endoscopy_43235_is_billed_with_its_family_Then_it_is_not_paid_separately()
    {
        var price = Price(Claim(("1", "43235", ""), ("2", "43239", ""), ("3", "43249", "")));

        price.AllowedOf("1").Should().Be(0.00m);
        price.AllowedOf("2").Should().Be(13.73m);  // 122.62 - 108.89
        price.AllowedOf("3").Should().Be(135.98m);
        price.LineById("1").AdjustmentsText.Should().Be("endoscopy:base_included");
    }

    [Fact]
    public void When_an_endoscopy_family_is_billed_with_another_procedure_Then_the_family_ranks_as_one_procedure()
    {
        // The 43235 family is worth 135.98 + 13.73 = 149.71, less than 45378 (163.76): the family ranks 2nd as a whole,
        // so both of its lines are paid 50% (not 2nd and 3rd).
        var price = Price(Claim(("1", "43239", ""), ("2", "43249", ""), ("3", "45378", "")));

        price.AllowedOf("3").Should().Be(163.76m);
        price.AllowedOf("2").Should().Be(67.99m); // 135.98 x 50%
        price.AllowedOf("1").Should().Be(6.87m);  // 13.73 x 50% = 6.865 -> 6.87
        price.LineById("3").AdjustmentsText.Should().Be("mult_proc:rank1:100%");
        price.LineById("2").AdjustmentsText.Should().Be("endoscopy:highest:100%|mult_proc:rank2:50%");
        price.LineById("1").AdjustmentsText.Should().Be("endoscopy:minus_base:108.89|mult_proc:rank2:50%");
    }

    // 45378-53 facility: 1.63 + 0.90x0.869 + 0.22x0.575 = 1.63 + 0.7821 + 0.1265 = 2.5386; x 32.3465 = 82.1148 -> 82.11
    // 45380 facility: 3.56 + 1.93x0.869 + 0.47x0.575 = 3.56 + 1.67717 + 0.27025 = 5.50742; x 32.3465 = 178.1458 -> 178.15
    // 45385 facility: 4.57 + 2.38x0.869 + 0.56x0.575 = 4.57 + 2.06822 + 0.322 = 6.96022; x 32.3465 = 225.1388 -> 225.14
    [Fact]
    public void When_two_colonoscopies_of_the_45378_family_are_billed_Then_the_lower_pays_its_fee_minus_the_45378_fee()
    {
        var price = Price(Claim(("1", "45380", ""), ("2", "45385", "")));

        price.AllowedOf("2").Should().Be(225.14m);
        price.AllowedOf("1").Should().Be(14.39m); // 178.15 - 163.76
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 })]
    [InlineData(new[] { 1, 0, 2, 3 })]
    public void When_the_45378_base_is_billed_both_whole_and_discontinued_with_its_family_Then_the_base_fee_subtracted_does_not_depend_on_line_order(int[] order)
    {
        // The fee subtracted is the base procedure's fee (PPRRVU MULT PROC 3): 45378 itself, 163.76, never the
        // discontinued (-53) row's 82.11, and never depending on which base line comes first in the file.
        (string, string, string)[] lines = [("1", "45378", "53"), ("2", "45378", ""), ("3", "45380", ""), ("4", "45385", "")];

        var price = Price(Claim([.. order.Select(i => lines[i])]));

        price.AllowedOf("4").Should().Be(225.14m);
        price.AllowedOf("3").Should().Be(14.39m); // 178.15 - 163.76
    }
}
