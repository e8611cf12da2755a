using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class ConversionFactorTableReaderTests
{
    private static readonly Lazy<ConversionFactorTable> Shipped =
        new(() => ConversionFactorTableReader.Read(RepositoryFiles.Schedules("conversion-factors.csv")));

    private const string Header = "from,to,qp,pfs_cf,anesthesia_cf,source";

    [Fact]
    public void The_shipped_table_reads()
    {
        Shipped.Value.Entries.Should().HaveCount(10);
    }

    [Theory]
    [InlineData(2024, 3, 8, 32.7442)]
    [InlineData(2024, 3, 9, 33.2875)]
    [InlineData(2025, 10, 1, 32.3465)]
    public void The_cf_changes_on_2024_03_09(int year, int month, int day, double cf)
    {
        Shipped.Value.Get(new LocalDate(year, month, day), QpStatus.NonQualifying).Pfs.Value.Should().Be((decimal)cf);
    }

    [Fact]
    public void In_2026_qualifying_and_non_qualifying_APM_participants_have_different_cfs()
    {
        var date = new LocalDate(2026, 7, 1);

        Shipped.Value.Get(date, QpStatus.Qualifying).Pfs.Value.Should().Be(33.5675m);
        Shipped.Value.Get(date, QpStatus.NonQualifying).Pfs.Value.Should().Be(33.4009m);
        Shipped.Value.Get(date, QpStatus.NonQualifying).AnesthesiaNational.Should().Be(20.4976m);
    }

    [Fact]
    public void Comments_are_skipped_and_the_source_is_kept()
    {
        using var temp = new TempFolder();
        var path = temp.Write("cf.csv", "# a comment, with a comma", Header, "# another", "2025-01-01,2025-12-31,,32.3465,20.3178,\"CY2025 rule, final\"");

        var entry = ConversionFactorTableReader.Read(path).Entries.Single();

        entry.Should().Be(new ConversionFactorEntry(
            new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31), null, new ConversionFactor(32.3465m), 20.3178m, "CY2025 rule, final"));
    }

    [Fact]
    public void Every_bad_row_is_reported_with_line_field_and_value()
    {
        using var temp = new TempFolder();
        var path = temp.Write("cf.csv",
            "# header follows",
            Header,
            "2025-01-01,2025-13-31,,32.3465,20.3178,bad month",
            "2025-01-01,2025-12-31,maybe,32.3465,20.3178,bad qp",
            "2025-01-01,2025-12-31,,abc,20.3178,bad cf",
            "2025-12-31,2025-01-01,,32.3465,20.3178,backwards",
            "2025-01-01,2025-12-31");

        var read = () => ConversionFactorTableReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("cf.csv", 3, "to", "2025-13-31", "not a date: expected yyyy-MM-dd"),
            new FileDiagnostic("cf.csv", 4, "qp", "maybe", "expected blank, qualifying or non-qualifying"),
            new FileDiagnostic("cf.csv", 5, "pfs_cf", "abc", "not a number"),
            new FileDiagnostic("cf.csv", 6, "to", "2025-01-01", "period ends before it starts (2025-12-31)"),
            new FileDiagnostic("cf.csv", 7, null, null, "truncated row: 2 fields, the header needs 6"));
    }

    [Fact]
    public void Overlapping_periods_reject_the_table()
    {
        using var temp = new TempFolder();
        var path = temp.Write("cf.csv", Header,
            "2025-01-01,2025-12-31,,32.3465,20.3178,a",
            "2025-06-01,2026-05-31,,33.0000,20.3178,b");

        var read = () => ConversionFactorTableReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().StartWith("Conversion factor periods overlap");
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        using var temp = new TempFolder();
        var path = temp.Write("cf.csv", "from,to,qp,pfs_cf,source", "2025-01-01,2025-12-31,,32.3465,a");

        var read = () => ConversionFactorTableReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Field.Should().Be("anesthesia_cf");
    }
}
