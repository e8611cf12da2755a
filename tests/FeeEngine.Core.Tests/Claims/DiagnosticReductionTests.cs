using FeeEngine.Core.Claims;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Multiple procedure payment reductions of diagnostic tests on one claim (PPRRVU MULT PROC 4, 6 and 7, reference
/// section 4): imaging, TC of every procedure after the highest at 50% and PC after the highest reduced 5%;
/// cardiovascular, TC of the 2nd and later reduced 25%; ophthalmology, TC reduced 20%. Components are priced from
/// the code's own 26 and TC rows. Alabama, POS 11 (office, non-facility PE), CF 32.3465; no OPPS cap binds for
/// these codes (each OPPS amount is higher than the PFS amount).
/// </summary>
public sealed class DiagnosticReductionTests
{
    // 71250    : 1.08 + 2.91x0.869 + 0.06x0.575 = 1.08 + 2.52879 + 0.0345  = 3.64329; x 32.3465 = 117.8477 -> 117.85
    // 71250-26 : 1.08 + 0.39x0.869 + 0.05x0.575 = 1.08 + 0.33891 + 0.02875 = 1.44766; x 32.3465 =  46.8267 ->  46.83
    // 71250-TC : 0    + 2.52x0.869 + 0.01x0.575 =        2.18988 + 0.00575 = 2.19563; x 32.3465 =  71.0209 ->  71.02
    // 74177    : 1.82 + 7.25x0.869 + 0.12x0.575 = 1.82 + 6.30025 + 0.069   = 8.18925; x 32.3465 = 264.8936 -> 264.89
    // 74177-26 : 1.82 + 0.66x0.869 + 0.10x0.575 = 1.82 + 0.57354 + 0.0575  = 2.45104; x 32.3465 =  79.2826 ->  79.28
    // 74177-TC : 0    + 6.59x0.869 + 0.02x0.575 =        5.72671 + 0.0115  = 5.73821; x 32.3465 = 185.6110 -> 185.61
    [Fact]
    public void When_two_imaging_studies_are_billed_globally_Then_the_lower_TC_is_paid_50_percent_and_the_lower_PC_95_percent()
    {
        var price = Price(Claim(Alabama, "11", ("1", "71250", ""), ("2", "74177", "")));

        price.AllowedOf("2").Should().Be(264.89m);
        // 117.85 - 50% x 71.02 - 5% x 46.83 = 117.85 - 35.51 - 2.3415 = 79.9985 -> 80.00
        price.AllowedOf("1").Should().Be(80.00m);
        price.LineById("1").AdjustmentsText.Should().Be("imaging:TC-50%|imaging:PC-5%");
        price.LineById("2").Adjustments.Should().BeEmpty();
    }

    [Fact]
    public void When_imaging_is_billed_with_71046_Then_no_reduction_applies_because_71046_has_MULT_PROC_indicator_0()
    {
        // Both are imaging, but CMS's PPRRVU gives 71046 MULT PROC 0 ("no payment adjustment rules for multiple
        // procedures apply"): the engine follows the indicator. 71046: 0.22 + 0.77x0.869 + 0.02x0.575 = 0.90063 -> 29.13.
        var price = Price(Claim(Alabama, "11", ("1", "71046", ""), ("2", "71250", "")));

        price.AllowedOf("1").Should().Be(29.13m);
        price.AllowedOf("2").Should().Be(117.85m);
        price.LineById("1").Adjustments.Should().BeEmpty();
        price.LineById("2").Adjustments.Should().BeEmpty();
    }

    [Fact]
    public void When_two_imaging_studies_are_billed_with_26_only_Then_only_the_5_percent_PC_reduction_applies()
    {
        var price = Price(Claim(Alabama, "11", ("1", "71250", "26"), ("2", "74177", "26")));

        price.AllowedOf("2").Should().Be(79.28m);
        price.AllowedOf("1").Should().Be(44.49m); // 46.83 x 95% = 44.4885 -> 44.49
        price.LineById("1").AdjustmentsText.Should().Be("imaging:PC-5%");
    }

    [Fact]
    public void When_two_imaging_studies_are_billed_with_TC_only_Then_only_the_50_percent_TC_reduction_applies()
    {
        var price = Price(Claim(Alabama, "11", ("1", "71250", "TC"), ("2", "74177", "TC")));

        price.AllowedOf("2").Should().Be(185.61m);
        price.AllowedOf("1").Should().Be(35.51m); // 71.02 x 50%
        price.LineById("1").AdjustmentsText.Should().Be("imaging:TC-50%");
    }

    // 93306    : 1.46 + 4.28x0.869 + 0.07x0.575 = 1.46 + 3.71932 + 0.04025 = 5.21957; x 32.3465 = 168.8348 -> 168.83
    // 93306-TC : 3.76x0.869 + 0.03x0.575 = 3.26744 + 0.01725 = 3.28469; x 32.3465 = 106.2482 -> 106.25
    // 93880    : 0.80 + 4.73x0.869 + 0.09x0.575 = 0.80 + 4.11037 + 0.05175 = 4.96212; x 32.3465 = 160.5072 -> 160.51
    // 93880-TC : 4.47x0.869 + 0.03x0.575 = 3.88443 + 0.01725 = 3.90168; x 32.3465 = 126.2057 -> 126.21
    [Fact]
    public void When_two_cardiovascular_tests_are_billed_Then_the_TC_of_the_lower_TC_is_reduced_25_percent()
    {
        // Ranked by TC: 93880 (126.21) before 93306 (106.25), though 93306 has the higher global amount.
        var price = Price(Claim(Alabama, "11", ("1", "93306", ""), ("2", "93880", "")));

        price.AllowedOf("2").Should().Be(160.51m);
        price.AllowedOf("1").Should().Be(142.27m); // 168.83 - 25% x 106.25 = 168.83 - 26.5625 = 142.2675 -> 142.27
        price.LineById("1").AdjustmentsText.Should().Be("cardiovascular:TC-25%");
        price.LineById("2").Adjustments.Should().BeEmpty();
    }

    // 92134    : 0.32 + 0.63x0.869 + 0.02x0.575 = 0.32 + 0.54747 + 0.0115 = 0.87897; x 32.3465 = 28.4316 -> 28.43
    // 92134-TC : 0.43x0.869 + 0.01x0.575 = 0.37367 + 0.00575 = 0.37942; x 32.3465 = 12.2729 -> 12.27
    // 92250    : 0.40 + 0.68x0.869 + 0.02x0.575 = 0.40 + 0.59092 + 0.0115 = 1.00242; x 32.3465 = 32.4248 -> 32.42
    // 92250-TC : 0.48x0.869 + 0.01x0.575 = 0.41712 + 0.00575 = 0.42287; x 32.3465 = 13.6784 -> 13.68
    [Fact]
    public void When_two_ophthalmology_tests_are_billed_Then_the_TC_of_the_lower_TC_is_reduced_20_percent()
    {
        var price = Price(Claim(Alabama, "11", ("1", "92134", ""), ("2", "92250", "")));

        price.AllowedOf("2").Should().Be(32.42m);
        price.AllowedOf("1").Should().Be(25.98m); // 28.43 - 20% x 12.27 = 28.43 - 2.454 = 25.976 -> 25.98
        price.LineById("1").AdjustmentsText.Should().Be("ophthalmology:TC-20%");
    }

    [Fact]
    public void When_a_cardiovascular_and_an_ophthalmology_test_are_billed_Then_neither_reduces_the_other()
    {
        // The families are separate: one test of each is the highest of its own family.
        var price = Price(Claim(Alabama, "11", ("1", "93306", ""), ("2", "92134", "")));

        price.AllowedOf("1").Should().Be(168.83m);
        price.AllowedOf("2").Should().Be(28.43m);
    }
}
