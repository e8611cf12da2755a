using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// A release is in force from its effective date until the day before the next release, never past 31 December
/// of its year. GPCIs come from the release in force or the latest earlier release of the same year that has them.
/// The 2024 releases here carry CMS's 2024 figures for 99213 (1.30 / 1.33 / 0.56 / 0.10) and Alabama's 2024 GPCIs.
/// </summary>
public class ReleaseSelectionTests
{
    private static readonly IReadOnlyList<RvuRecord> Rvus2024 =
        ParseRows("99213,,A,,1.30,1.33,,0.56,,0.10,2.73,1.96,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.7442,09,0,99,0.00,0.00,0.00");

    private static readonly GpciRecord[] Gpci2024 = [Gpci(Alabama, "AL", "ALABAMA", 1.000m, 0.869m, 0.575m)];

    private static PfsRelease Release(string id, string from, bool withGpcis = true) =>
        new(id, Date(from), null, Rvus2024, withGpcis ? Gpci2024 : null);

    /// <summary>24A, 24AR (new CF 2024-03-09), 24B without a GPCI file, 24C.</summary>
    private static PfsCatalog Catalog2024() => new(
    [
        Release("RVU24A", "2024-01-01"),
        Release("RVU24AR", "2024-03-09"),
        Release("RVU24B", "2024-04-01", withGpcis: false),
        Release("RVU24C", "2024-07-01"),
    ]);

    private static PfsPrice Price2024(string date, PfsCatalog? catalog = null) =>
        Pricer(catalog ?? Catalog2024()).Price(Line("99213", "", Alabama, "11", date));

    [Fact]
    public void Line_dated_2024_03_08_uses_RVU24A_and_CF_32_7442()
    {
        var price = Price2024("2024-03-08");

        price.RvuRelease!.Id.Should().Be("RVU24A");
        price.ConversionFactor!.Pfs.Value.Should().Be(32.7442m);
        price.Allowed.Amount.Should().Be(82.30m);
    }

    [Fact]
    public void Line_dated_2024_03_09_uses_RVU24AR_and_CF_33_2875()
    {
        var price = Price2024("2024-03-09");

        price.RvuRelease!.Id.Should().Be("RVU24AR");
        price.ConversionFactor!.Pfs.Value.Should().Be(33.2875m);
        price.Allowed.Amount.Should().Be(83.66m);
    }

    [Theory]
    [InlineData("2024-01-01", "RVU24A")]
    [InlineData("2024-03-31", "RVU24AR")]
    [InlineData("2024-04-01", "RVU24B")]
    [InlineData("2024-06-30", "RVU24B")]
    [InlineData("2024-07-01", "RVU24C")]
    [InlineData("2024-12-31", "RVU24C")]
    public void Release_in_force_is_chosen_by_date_of_service(string date, string release)
    {
        Catalog2024().GetInForce(Date(date)).Id.Should().Be(release);
    }

    [Fact]
    public void Line_dated_2024_12_31_uses_RVU24C()
    {
        Price2024("2024-12-31").RvuRelease!.Id.Should().Be("RVU24C");
    }

    [Fact]
    public void Line_dated_2025_01_02_with_only_2024_releases_is_an_error_listing_the_loaded_releases()
    {
        var price = Price2024("2025-01-02");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Be(
            "No loaded PFS release covers date of service 2025-01-02; loaded releases: " +
            "RVU24A (2024-01-01..2024-03-08), RVU24AR (2024-03-09..2024-03-31), " +
            "RVU24B (2024-04-01..2024-06-30), RVU24C (2024-07-01..2024-12-31).");
    }

    [Fact]
    public void A_release_never_reaches_into_the_next_calendar_year_even_when_the_next_release_is_months_later()
    {
        var catalog = new PfsCatalog([Release("RVU24C", "2024-07-01"), new PfsRelease("RVU25D", Rvu25DEffective, null, RvuRecords, Gpci2025)]);

        catalog.InForceUntil(catalog.Releases[0]).Should().Be(new LocalDate(2024, 12, 31));
        catalog.FindInForceOrNull(new LocalDate(2025, 1, 2)).Should().BeNull();
        catalog.FindInForceOrNull(new LocalDate(2025, 10, 1))!.Id.Should().Be("RVU25D");
    }

    [Fact]
    public void Date_before_every_release_is_an_error()
    {
        var price = Price2024("2023-12-31");

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("2023-12-31").And.Contain("RVU24A");
    }

    [Fact]
    public void GetInForce_throws_with_the_loaded_releases_when_none_covers_the_date()
    {
        var act = () => Catalog2024().GetInForce(new LocalDate(2025, 1, 2));

        act.Should().Throw<ReferenceDataNotFoundException>().WithMessage("*2025-01-02*RVU24C (2024-07-01..2024-12-31)*");
    }

    [Fact]
    public void Empty_catalog_message_tells_how_to_load_releases()
    {
        new PfsCatalog([]).NoReleaseMessage(new LocalDate(2025, 1, 2)).Should().Contain("none (run 'feeengine import cms <folder>')");
    }

    [Fact]
    public void Release_without_GPCIs_uses_the_GPCIs_of_the_latest_earlier_release_of_the_same_year()
    {
        var price = Price2024("2024-05-15");

        price.RvuRelease!.Id.Should().Be("RVU24B");
        price.GpciRelease!.Id.Should().Be("RVU24AR");
        price.Allowed.Amount.Should().Be(83.66m);
        price.Explain().Steps.Should().Contain(s => s.Contains("from release RVU24AR", StringComparison.Ordinal) && s.Contains("GPCIs", StringComparison.Ordinal));
    }

    [Fact]
    public void GPCI_fallback_does_not_reach_into_the_previous_year()
    {
        var catalog = new PfsCatalog([Release("RVU24C", "2024-07-01"), new PfsRelease("RVU25A", Rvu25AEffective, null, RvuRecords)]);

        var price = Pricer(catalog).Price(Line("99213", "", Alabama, "11", "2025-02-01"));

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("no GPCI file is loaded for 2025");
    }

    [Fact]
    public void RVU25A_prices_until_the_day_before_RVU25D()
    {
        var catalog = Catalog();

        catalog.GetInForce(new LocalDate(2025, 9, 30)).Id.Should().Be("RVU25A");
        catalog.GetInForce(new LocalDate(2025, 10, 1)).Id.Should().Be("RVU25D");
        Price("99213", "", Alabama, "11", "2025-09-30").RvuRelease!.Id.Should().Be("RVU25A");
    }

    [Fact]
    public void Declared_end_date_shortens_a_release()
    {
        var catalog = new PfsCatalog([new PfsRelease("RVU24C", Date("2024-07-01"), Date("2024-09-30"), Rvus2024, Gpci2024)]);

        catalog.FindInForceOrNull(Date("2024-09-30"))!.Id.Should().Be("RVU24C");
        catalog.FindInForceOrNull(Date("2024-10-01")).Should().BeNull();
    }

    [Fact]
    public void Two_releases_on_the_same_date_are_rejected()
    {
        var act = () => new PfsCatalog([Release("RVU24A", "2024-01-01"), Release("RVU24X", "2024-01-01")]);

        act.Should().Throw<ArgumentException>().WithMessage("*RVU24A*RVU24X*2024-01-01*");
    }

    [Fact]
    public void Release_without_a_PPRRVU_file_is_an_error_naming_it()
    {
        var catalog = new PfsCatalog([new PfsRelease("RVU24A", Date("2024-01-01"), null, gpcis: Gpci2024)]);

        var price = Pricer(catalog).Price(Line("99213", "", Alabama, "11", "2024-02-01"));

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("RVU24A").And.Contain("no PPRRVU file");
    }
}
