using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

/// <summary>The project's anesthesia base-unit CSV: code,base_units,effective_from, any column order, '#' comments.</summary>
public sealed class AnesthesiaBaseUnitReaderTests
{
    private const string Header = "code,base_units,effective_from";

    [Fact]
    public void A_good_file_reads_every_row_exactly_with_its_source()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", "# base units, hand-written", Header, "00400,3,2025-01-01", "# a comment between rows", "00790,7.0,2025-01-01", "00400,4,2026-01-01");

        var file = AnesthesiaBaseUnitReader.Read(path);

        file.FileName.Should().Be("units.csv");
        file.Rows.Should().Equal(
            new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 3m, new LocalDate(2025, 1, 1)) { Source = "units.csv" },
            new AnesthesiaBaseUnit(HcpcsCode.Parse("00790"), 7m, new LocalDate(2025, 1, 1)) { Source = "units.csv" },
            new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 4m, new LocalDate(2026, 1, 1)) { Source = "units.csv" });
        file.Rows[1].BaseUnits.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("7.0");
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_extra_columns_are_ignored()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", "effective_from,note,base_units,code", "2025-01-01,\"lap chole, upper abdomen\",7,00790");

        AnesthesiaBaseUnitReader.Read(path).Rows.Should().ContainSingle()
            .Which.Should().Be(new AnesthesiaBaseUnit(HcpcsCode.Parse("00790"), 7m, new LocalDate(2025, 1, 1)) { Source = "units.csv" });
    }

    [Fact]
    public void The_shipped_sample_reads_and_says_its_values_are_illustrative()
    {
        var path = RepositoryFiles.Schedules("anesthesia-base-units.sample.csv");

        var file = AnesthesiaBaseUnitReader.Read(path);

        file.Rows.Should().HaveCount(11);
        file.Rows.Should().Contain(r => r.Code == HcpcsCode.Parse("00400") && r.BaseUnits == 3m);
        File.ReadAllText(path).Should().Contain("ILLUSTRATIVE VALUES FOR THE SAMPLE, NOT CMS'S PUBLISHED BASE UNITS");
    }

    [Fact]
    public void Every_bad_row_is_reported_with_line_field_and_value()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv",
            "# comment",
            Header,
            "00400,3,2025-01-01",
            "0040,3,2025-01-01",
            "99213,3,2025-01-01",
            "0012F,3,2025-01-01",
            "00790,seven,2025-01-01",
            "00790,-1,2025-01-01",
            "00790,,2025-01-01",
            "00790,1000,2025-01-01",
            "00840,6,2025-13-01",
            "00840,6,",
            "00400,3,2025-01-01",
            "00810,5");

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("units.csv", 4, "code", "0040", "invalid HCPCS code: expected 5 letters or digits"),
            new FileDiagnostic("units.csv", 5, "code", "99213", "not an anesthesia code: expected CPT 00100-01999"),
            new FileDiagnostic("units.csv", 6, "code", "0012F", "not an anesthesia code: expected CPT 00100-01999"),
            new FileDiagnostic("units.csv", 7, "base_units", "seven", "not a number"),
            new FileDiagnostic("units.csv", 8, "base_units", "-1", "negative: base units are 0 or more"),
            new FileDiagnostic("units.csv", 9, "base_units", "", "missing number"),
            new FileDiagnostic("units.csv", 10, "base_units", "1000", "out of range 0..100"),
            new FileDiagnostic("units.csv", 11, "effective_from", "2025-13-01", "not a date: expected yyyy-MM-dd"),
            new FileDiagnostic("units.csv", 12, "effective_from", "", "not a date: expected yyyy-MM-dd"),
            new FileDiagnostic("units.csv", 13, "code+effective_from", "00400 2025-01-01", "duplicate: the same code and date are already on line 3"),
            new FileDiagnostic("units.csv", 14, null, null, "truncated row: 2 fields, the header needs 3"));
    }

    [Fact]
    public void Every_problem_of_one_row_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", Header, "X,Y,Z");

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.Field)
            .Should().Equal("code", "base_units", "effective_from");
    }

    [Theory]
    [InlineData("code,effective_from", "base_units")]
    [InlineData("base_units,effective_from", "code")]
    [InlineData("code,base_units", "effective_from")]
    public void A_missing_column_is_named(string header, string missing)
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", header, "00400,3");

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Should().Be(new FileDiagnostic("units.csv", 1, missing, null, "required column missing from the header"));
    }

    [Fact]
    public void A_file_without_a_header_is_rejected()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", "00400,3,2025-01-01", "00790,7,2025-01-01");

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.Field)
            .Should().Equal("code", "base_units", "effective_from");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\r\n# and another\r\n")]
    public void An_empty_file_is_rejected(string text)
    {
        using var temp = new TempFolder();
        var path = temp.WriteText("units.csv", text);

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("units.csv", 0, null, null, "file is empty"));
    }

    [Fact]
    public void A_header_with_no_rows_is_rejected()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", "# comment", Header);

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("units.csv", 0, null, null, "no data rows after the header"));
    }

    [Fact]
    public void The_message_names_file_line_field_and_value()
    {
        using var temp = new TempFolder();
        var path = temp.Write("units.csv", Header, "00790,-1,2025-01-01");

        var read = () => AnesthesiaBaseUnitReader.Read(path);

        read.Should().Throw<CmsFileException>().WithMessage(
            "*units.csv line 2, field base_units, value '-1': negative: base units are 0 or more*");
    }
}
