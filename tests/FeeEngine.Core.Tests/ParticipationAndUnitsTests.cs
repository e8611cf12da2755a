using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// Non-participating allowed = round(0.95 x par) and limiting charge = round(1.0925 x par), each per unit, then
/// multiplied by the units; the participating amount is the unit amount times the units.
/// </summary>
public class ParticipationAndUnitsTests
{
    [Fact]
    public void Alabama_99213_limiting_charge_is_89_43_and_non_par_allowed_77_77()
    {
        // 81.86 x 1.0925 = 89.43145 -> 89.43; 81.86 x 0.95 = 77.767 -> 77.77
        var price = Price("99213", "", Alabama, "11");

        price.LimitingCharge.Amount.Should().Be(89.43m);
        price.NonParticipatingAllowed.Amount.Should().Be(77.77m);
    }

    [Fact]
    public void Three_units_of_99213_multiply_the_rounded_unit_amounts()
    {
        var price = Price("99213", "", Alabama, "11", units: 3);

        price.UnitAmount.Amount.Should().Be(81.86m);
        price.Allowed.Amount.Should().Be(245.58m);
        price.LimitingCharge.Amount.Should().Be(268.29m);
        price.NonParticipatingAllowed.Amount.Should().Be(233.31m);
        price.Explain().Steps.Should().Contain("Allowed (participating) = 81.86 x 3 units = 245.58.");
    }

    [Fact]
    public void Limiting_charge_and_non_par_follow_the_capped_amount_not_the_PFS_amount()
    {
        var price = Price("71275", "", Alabama, "11", units: 2);

        price.Allowed.Amount.Should().Be(467.20m);
        price.LimitingCharge.Amount.Should().Be(510.42m);
        price.NonParticipatingAllowed.Amount.Should().Be(443.84m);
    }

    [Fact]
    public void Limiting_charge_rounds_a_half_cent_away_from_zero()
    {
        // A synthetic code worth exactly 10.00 (1 work RVU, GPCIs 1, CF 10):
        // 10.00 x 1.0925 = 10.925 -> 10.93 away from zero (banker's rounding would give 10.92).
        var row = ParseRows("ZZ001,,A,,1.00,0.00,,0.00,,0.00,1.00,1.00,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,10.0000,09,0,99,0.00,0.00,0.00")[0];
        var gpci = Gpci(Alabama, "AL", "TEST", 1m, 1m, 1m);
        var catalog = new PfsCatalog([new PfsRelease("TEST", new LocalDate(2025, 1, 1), null, [row], [gpci])]);
        var cfs = new ConversionFactorTable([Cf("2025-01-01", "2025-12-31", null, 10m, 20m)]);
        var pricer = new MedicarePfsPricer(catalog, cfs, FloorThrough2026());

        var price = pricer.Price(Line("ZZ001", "", Alabama, "11", "2025-06-01"));

        price.Allowed.Amount.Should().Be(10.00m);
        price.LimitingCharge.Amount.Should().Be(10.93m);
        price.NonParticipatingAllowed.Amount.Should().Be(9.50m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Units_below_one_are_an_error(int units)
    {
        var price = Price("99213", "", Alabama, "11", units: units);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("units").And.Contain(units.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Explanation_states_the_non_par_and_limiting_amounts()
    {
        Price("99213", "", Alabama, "11").Explain().Steps
            .Should().Contain("Non-participating allowed = 95% of par = 77.77; limiting charge = 109.25% of par = 89.43.");
    }

    [Fact]
    public void Setting_enum_is_reported_for_priced_lines()
    {
        Price("99213", "", Alabama, "11").Explain().Setting.Should().Be("non-facility");
        Price("99213", "", Alabama, "22").Explain().Setting.Should().Be("facility");
        Price("99213", "", Alabama, "22").Setting.Should().Be(Setting.Facility);
    }
}
