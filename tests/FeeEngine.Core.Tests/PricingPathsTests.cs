using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// The pricer takes the usual line through a small fixed-point method and any other line through the detailed one
/// (each reason worded, the decimal formula for rates with more decimals than CMS publishes). Both must price alike.
/// </summary>
public class PricingPathsTests
{
    [Fact]
    public void A_row_with_more_decimals_than_CMS_publishes_is_priced_by_the_decimal_formula_and_rounded_once()
    {
        // 99213 with a work RVU of 1.305 (CMS publishes two decimals): not exact in fixed point.
        var row = RvuRecords.Single(r => r.Code.ToString() == "99213" && r.Modifier.IsNone) with { WorkRvu = new Rvu(1.305m) };
        var release = new PfsRelease("TEST25", Rvu25DEffective, null, [row], Gpci2025);
        var pricer = Pricer(new PfsCatalog([release]));

        var price = pricer.Price(Line("99213", "", Alabama, "11"));

        // (1.305 x 1.000 + 1.35 x 0.869 + 0.10 x 0.575) x 32.3465 = 82.019402725
        price.IsPriced.Should().BeTrue();
        price.PfsUnitAmountUnrounded.Should().Be(82.019402725m);
        price.Allowed.Amount.Should().Be(82.02m);
    }

    [Fact]
    public void The_published_row_takes_the_fixed_point_path_to_the_same_published_amount()
    {
        var price = Price("99213", "", Alabama, "11");

        price.Allowed.Amount.Should().Be(81.86m); // CMS's published CY2025 Alabama amount
        price.PfsUnitAmountUnrounded.Should().Be(81.857670225m); // (1.30 x 1.000 + 1.35 x 0.869 + 0.10 x 0.575) x 32.3465
    }
}
