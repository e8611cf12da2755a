using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// A ZIP is looked up in the latest ZIP5 file effective on or before the date of service; when every loaded file is
/// later, the earliest is used and the lookup carries a note.
/// </summary>
public class ZipLocalityCatalogTests
{
    private static ZipLocalityRecord Zip(string zip, string state, string locality, string quarter) =>
        new() { Zip = zip, State = state, Locality = LocalityId.Parse(locality), YearQuarter = quarter };

    /// <summary>October 2025 figures from ZIP5_OCT2025; the January 2026 file here moves 35203 to a test locality.</summary>
    private static ZipLocalityCatalog Catalog() => new(
    [
        new ZipRelease("ZIP5_JAN2026", new LocalDate(2026, 1, 1),
        [
            Zip("35203", "AL", "10112-99", "20261"),
            Zip("10001", "NY", "13202-01", "20261"),
        ]),
        new ZipRelease("ZIP5_OCT2025", new LocalDate(2025, 10, 1),
        [
            Zip("35203", "AL", "10112-00", "20254"),
            Zip("10001", "NY", "13202-01", "20254"),
            Zip("99501", "AK", "02102-01", "20254"),
            Zip("94103", "CA", "01112-05", "20254"),
        ]),
    ]);

    [Fact]
    public void ZIP_10001_is_Manhattan_in_the_October_2025_file()
    {
        var lookup = Catalog().FindOrNull("10001", new LocalDate(2025, 10, 15))!;

        lookup.Record.Locality.Should().Be(Manhattan);
        lookup.Release.Id.Should().Be("ZIP5_OCT2025");
        lookup.Note.Should().BeNull();
    }

    [Theory]
    [InlineData("2025-10-01", "ZIP5_OCT2025", "10112-00")]
    [InlineData("2025-12-31", "ZIP5_OCT2025", "10112-00")]
    [InlineData("2026-01-01", "ZIP5_JAN2026", "10112-99")]
    [InlineData("2026-07-01", "ZIP5_JAN2026", "10112-99")]
    public void The_latest_file_on_or_before_the_date_of_service_is_used(string date, string file, string locality)
    {
        var lookup = Catalog().FindOrNull("35203", Date(date))!;

        lookup.Release.Id.Should().Be(file);
        lookup.Record.Locality.ToString().Should().Be(locality);
    }

    [Fact]
    public void A_date_before_every_loaded_file_uses_the_earliest_with_a_note()
    {
        var lookup = Catalog().FindOrNull("35203", new LocalDate(2024, 6, 1))!;

        lookup.Release.Id.Should().Be("ZIP5_OCT2025");
        lookup.Record.Locality.Should().Be(Alabama);
        lookup.Note.Should().Be("no ZIP file dated on or before 2024-06-01 is loaded; used ZIP5_OCT2025 (effective 2025-10-01)");
    }

    [Theory]
    [InlineData("94103-1234")]
    [InlineData("941031234")]
    [InlineData(" 94103 ")]
    public void ZIP_plus_four_is_looked_up_by_its_first_five_digits(string zip)
    {
        Catalog().FindOrNull(zip, new LocalDate(2025, 11, 1))!.Record.Locality.ToString().Should().Be("01112-05");
    }

    [Theory]
    [InlineData("00000")]
    [InlineData("9410")]
    [InlineData("ABCDE")]
    [InlineData("94103-12")]
    public void Unknown_or_malformed_ZIP_finds_nothing(string zip)
    {
        Catalog().FindOrNull(zip, new LocalDate(2025, 11, 1)).Should().BeNull();
    }

    [Fact]
    public void A_ZIP_missing_from_the_file_in_force_is_not_taken_from_another_file()
    {
        // 99501 is only in the October 2025 file; a 2026 date uses the January 2026 file, which lacks it.
        Catalog().FindOrNull("99501", new LocalDate(2026, 2, 1)).Should().BeNull();
    }

    [Fact]
    public void Empty_catalog_finds_nothing()
    {
        new ZipLocalityCatalog([]).FindOrNull("10001", new LocalDate(2025, 10, 1)).Should().BeNull();
    }

    [Fact]
    public void Priced_line_explains_the_locality_came_from_the_ZIP()
    {
        var lookup = Catalog().FindOrNull("10001", new LocalDate(2025, 10, 15))!;
        var line = Line("99213", "", lookup.Record.Locality, "11") with { LocalitySource = lookup };

        var price = Pricer().Price(line);

        price.Allowed.Amount.Should().Be(101.06m);
        price.Explain().Steps.Should().Contain("Locality 13202-01 from ZIP 10001 (NY) in ZIP file ZIP5_OCT2025.");
    }
}
