using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules.Tests;

public sealed class XlsxTableSourceTests
{
    [Theory]
    [InlineData(32.346499999999999, "32.3465")]
    [InlineData(0.86899999999999999, "0.869")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1.3, "1.3")]
    [InlineData(26, "26")]
    [InlineData(20254, "20254")]
    [InlineData(0, "0")]
    public void Numeric_cells_become_the_published_decimal_text(double cell, string text)
    {
        XlsxTableSource.NumberText(cell).Should().Be(text);
    }

    [Fact]
    public void Workbook_numbers_in_code_columns_get_their_leading_zeros_back_and_rows_equal_the_csv()
    {
        using var temp = new TempFolder();
        var anesthesiaRow = PprrvuSample.With(PprrvuSample.With(PprrvuSample.Row99213, "HCPCS", "00100"), "STATUS CODE", "J");
        var professional = PprrvuSample.With(PprrvuSample.Row71046Tc, "MOD", "26");
        var endoscopy = PprrvuSample.With(PprrvuSample.With(PprrvuSample.Row27447, "HCPCS", "43239"), "ENDO BASE", "43235");
        string[] lines = PprrvuSample.Csv(anesthesiaRow, professional, endoscopy);
        var csv = PprrvuReader.Read(temp.Write("PPRRVU2025_Oct.csv", lines));

        var xlsx = PprrvuReader.Read(XlsxSample.Write(Path.Combine(temp.Path, "PPRRVU2025_Oct.xlsx"), lines, numbersFromRow: 3));

        xlsx.Rows.Should().Equal(csv.Rows);
        var anesthesia = xlsx.Rows[0];
        anesthesia.Code.ToString().Should().Be("00100");
        anesthesia.GlobalDays.Should().Be("XXX");
        anesthesia.PhysicianSupervision.Should().Be("09");
        anesthesia.FileConversionFactor.Should().Be(new ConversionFactor(32.3465m));
        xlsx.Rows[1].Modifier.Should().Be(Modifier.ProfessionalComponent);
        xlsx.Rows[1].PhysicianSupervision.Should().Be("01");
        xlsx.Rows[2].GlobalDays.Should().Be("090");
        xlsx.Rows[2].EndoscopicBase.Should().Be("43235");
        xlsx.Rows[2].PreOpShare.Should().Be(0.10m);
        xlsx.Title.Should().Be("FeeEngine sample: 2025 October Release figures");
        xlsx.ReleaseId.Should().Be("RVU25D");
        xlsx.SourceFormat.Should().Be("XLSX");
    }

    [Fact]
    public void A_short_numeric_code_in_a_csv_is_an_error_not_padded()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(PprrvuSample.With(PprrvuSample.Row99213, "HCPCS", "100")));

        var read = () => PprrvuReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Value.Should().Be("100");
    }

    [Fact]
    public void Rows_carry_spreadsheet_row_numbers_and_diagnostics_say_row()
    {
        using var temp = new TempFolder();
        string[] lines = PprrvuSample.Csv(PprrvuSample.Row99213, PprrvuSample.With(PprrvuSample.Row27447, "WORK RVU", "abc"));
        var path = XlsxSample.Write(Path.Combine(temp.Path, "PPRRVU2025_Oct.xlsx"), lines, numbersFromRow: 3);

        var read = () => PprrvuReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().ToString()
            .Should().Be("PPRRVU2025_Oct.xlsx row 4, field WORK RVU, value 'abc': not a number");
    }

    [Fact]
    public void A_named_worksheet_is_read_instead_of_the_first()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "book.xlsx");
        using (var workbook = new ClosedXML.Excel.XLWorkbook())
        {
            workbook.AddWorksheet("Notes").Cell(1, 1).SetValue("not data");
            var data = workbook.AddWorksheet("Data");
            data.Cell(1, 1).SetValue("A");
            data.Cell(2, 1).SetValue(1.5);
            workbook.SaveAs(path);
        }

        var rows = new XlsxTableSource(path, "Data").ReadRows().ToList();

        rows.Select(r => (r.Number, r[0], r.IsNumeric(0))).Should().Equal((1, "A", false), (2, "1.5", true));
        var missing = () => new XlsxTableSource(path, "Nope").ReadRows().ToList();
        missing.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().Be("no worksheet of that name");
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_rejected_cleanly()
    {
        using var temp = new TempFolder();
        var path = temp.Write("PPRRVU2025_Oct.xlsx", "this is not a zip package");

        var read = () => PprrvuReader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().StartWith("not a readable XLSX workbook");
    }
}
