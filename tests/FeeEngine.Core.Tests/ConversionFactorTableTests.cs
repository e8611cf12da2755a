using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>Conversion factors are chosen by date of service and, from 2026, by QP status; never by year.</summary>
public class ConversionFactorTableTests
{
    /// <summary>A 2026 test release that reuses the 2025 RVUs of 99213 and Alabama's GPCIs, to isolate the CF.</summary>
    private static PfsCatalog Catalog2026(GpciRecord? gpci = null) =>
        new([new PfsRelease("TEST26", new LocalDate(2026, 1, 1), null, RvuRecords, [gpci ?? Gpci2025[0]])]);

    [Theory]
    [InlineData("2019-06-30", "36.0391")]
    [InlineData("2020-06-30", "36.0896")]
    [InlineData("2021-06-30", "34.8931")]
    [InlineData("2022-06-30", "34.6062")]
    [InlineData("2023-06-30", "33.8872")]
    [InlineData("2024-01-01", "32.7442")]
    [InlineData("2024-03-08", "32.7442")]
    [InlineData("2024-03-09", "33.2875")]
    [InlineData("2024-12-31", "33.2875")]
    [InlineData("2025-01-01", "32.3465")]
    [InlineData("2025-12-31", "32.3465")]
    public void Conversion_factor_is_chosen_by_date_of_service(string date, string cf)
    {
        ConversionFactors().Get(Date(date), QpStatus.NonQualifying).Pfs.Value
            .Should().Be(decimal.Parse(cf, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Before_2026_QP_status_does_not_change_the_conversion_factor()
    {
        var table = ConversionFactors();

        table.Get(Date("2025-10-15"), QpStatus.Qualifying).Should().BeSameAs(table.Get(Date("2025-10-15"), QpStatus.NonQualifying));
    }

    [Fact]
    public void In_2026_QP_pays_33_5675_and_non_QP_33_4009_for_the_same_RVUs()
    {
        var pricer = Pricer(Catalog2026());

        var qp = pricer.Price(Line("99213", "", Alabama, "11", "2026-03-01", qp: QpStatus.Qualifying));
        var nonQp = pricer.Price(Line("99213", "", Alabama, "11", "2026-03-01", qp: QpStatus.NonQualifying));

        qp.ConversionFactor!.Pfs.Value.Should().Be(33.5675m);
        nonQp.ConversionFactor!.Pfs.Value.Should().Be(33.4009m);
        qp.Allowed.Amount.Should().Be(84.95m);
        nonQp.Allowed.Amount.Should().Be(84.53m);
    }

    [Fact]
    public void A_line_is_non_qualifying_unless_told_otherwise()
    {
        var line = Line("99213", "", Alabama, "11", "2026-03-01");

        line.Qp.Should().Be(QpStatus.NonQualifying);
        Pricer(Catalog2026()).Price(line).ConversionFactor!.Pfs.Value.Should().Be(33.4009m);
    }

    [Fact]
    public void Overlapping_periods_are_rejected()
    {
        var act = () => new ConversionFactorTable(
        [
            Cf("2024-01-01", "2024-03-09", null, 32.7442m, 20.4349m),
            Cf("2024-03-09", "2024-12-31", null, 33.2875m, 20.7739m),
        ]);

        act.Should().Throw<ArgumentException>().WithMessage("*overlap*2024-03-09*");
    }

    [Fact]
    public void A_row_for_everyone_overlapping_a_QP_row_is_rejected()
    {
        var act = () => new ConversionFactorTable(
        [
            Cf("2026-01-01", "2026-12-31", null, 33.4009m, 20.4976m),
            Cf("2026-01-01", "2026-12-31", QpStatus.Qualifying, 33.5675m, 20.5998m),
        ]);

        act.Should().Throw<ArgumentException>().WithMessage("*overlap*");
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_rejected()
    {
        var act = () => new ConversionFactorTable([Cf("2025-12-31", "2025-01-01", null, 32.3465m, 20.3178m)]);

        act.Should().Throw<ArgumentException>().WithMessage("*ends before it starts*");
    }

    [Fact]
    public void Date_outside_the_table_throws_naming_the_date_and_the_range_covered()
    {
        var act = () => ConversionFactors().Get(Date("2027-01-01"), QpStatus.NonQualifying);

        act.Should().Throw<ReferenceDataNotFoundException>().WithMessage("*2027-01-01*2019-01-01..2026-12-31*");
        ConversionFactors().FindOrNull(Date("2018-12-31"), QpStatus.NonQualifying).Should().BeNull();
    }

    [Fact]
    public void Pricing_a_date_without_a_conversion_factor_is_an_error()
    {
        var catalog = new PfsCatalog([new PfsRelease("TEST27", new LocalDate(2027, 1, 1), null, RvuRecords, Gpci2025)]);

        var price = Pricer(catalog).Price(Line("99213", "", Alabama, "11", "2027-02-01"));

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("no conversion factor").And.Contain("2027-02-01");
    }

    [Fact]
    public void Conversion_factor_value_outside_0_to_1000_is_rejected()
    {
        var act = () => new ConversionFactor(0m);

        act.Should().Throw<ArgumentException>().WithMessage("*0*");
    }
}
