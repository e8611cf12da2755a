using ClosedXML.Excel;
using FeeEngine.Schedules.Contracts;

namespace FeeEngine.Schedules.Tests.Contracts;

/// <summary>
/// Payer fee-schedule spreadsheets as payers send them: title rows (merged), a header somewhere below, messy header
/// names, currency text, blank rows, notes, duplicates and bad amounts. Each gives the documented result.
/// </summary>
public sealed class PayerFeeScheduleReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A workbook with a merged two-row title, a blank row, then the given header and rows from row 4.</summary>
    private string Workbook(string name, string[] header, params object?[][] rows)
    {
        var path = Path.Combine(_temp.Path, name);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Fees 2025");
        sheet.Cell(1, 1).Value = "ACME HEALTH - PROFESSIONAL FEE SCHEDULE";
        sheet.Range(1, 1, 1, header.Length).Merge();
        sheet.Cell(2, 1).Value = "Effective January 1, 2025. Confidential.";
        sheet.Range(2, 1, 2, header.Length).Merge();
        for (var c = 0; c < header.Length; c++) sheet.Cell(4, c + 1).Value = header[c];
        for (var r = 0; r < rows.Length; r++)
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(5 + r, c + 1);
                switch (rows[r][c])
                {
                    case null: break;
                    case double d: cell.Value = d; break;
                    case int i: cell.Value = i; break;
                    case string s: cell.Value = s; cell.DataType = XLDataType.Text; break;
                }
            }
        workbook.SaveAs(path);
        return path;
    }

    [Fact]
    public void When_a_sheet_has_merged_title_rows_messy_headers_currency_text_and_blank_rows_Then_every_fee_is_read()
    {
        var path = Workbook("acme.xlsx", [" CPT / HCPCS ", "Mod.", "Description", "Allowed  Amount"],
            [99213, null, "office visit", 95.5],
            ["99214", "", "", "$1,135.00"],
            [null, null, null, null],
            [71046, "26", null, " $ 12.40 "],
            [100, null, null, 450.0],                   // anesthesia 00100, its leading zeros lost as a number
            ["71046-TC", null, null, "21"],             // code and modifier in one cell
            [null, null, "* rates subject to the contract's terms", null]);

        var file = PayerFeeScheduleReader.Read(path);

        file.HeaderRow.Should().Be(4);
        file.CodeColumn.Should().Be("CPT / HCPCS");
        file.ModifierColumn.Should().Be("Mod.");
        file.AmountColumn.Should().Be("Allowed  Amount");
        file.Fees.Select(f => f.ToString()).Should().Equal("99213 95.50", "99214 1135.00", "71046-26 12.40", "00100 450.00", "71046-TC 21.00");
        file.Skipped.Should().BeEmpty();
    }

    [Fact]
    public void When_rows_are_bad_Then_every_one_is_reported_with_row_column_value_and_reason_and_nothing_is_read()
    {
        var path = Workbook("bad.xlsx", ["CPT", "Modifier", "Fee"],
            [99213, null, "N/A"],
            [99214, null, 120.0],
            [99214, null, 125.0],
            ["9921", null, 10.0],
            [99215, "2", 150.0],
            [99212, null, null],
            [99211, null, "12.345"]);

        var act = () => PayerFeeScheduleReader.Read(path);

        var problems = act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString());
        problems.Should().Equal(
            "bad.xlsx row 5, field Fee, value 'N/A': not an amount (expected e.g. 95.00 or $1,234.50)",
            "bad.xlsx row 7, field CPT, value '99214': listed twice: already on row 6",
            "bad.xlsx row 8, field CPT, value '9921': not a HCPCS code (5 letters or digits)",
            "bad.xlsx row 9, field Modifier, value '2': not a modifier (2 letters or digits)",
            "bad.xlsx row 10, field Fee, value '': no amount",
            "bad.xlsx row 11, field Fee, value '12.345': more than two decimals (fractions of a cent)");
    }

    [Fact]
    public void When_bad_rows_are_skipped_Then_the_good_rows_load_and_the_skipped_ones_are_listed()
    {
        var path = Workbook("bad.xlsx", ["CPT", "Fee"], [99213, "N/A"], [99214, 120.0], [99214, 125.0]);

        var file = PayerFeeScheduleReader.Read(path, skipBadRows: true);

        file.Fees.Select(f => f.ToString()).Should().Equal("99214 120.00");
        file.Skipped.Select(s => s.Problem.ToString()).Should().Equal(
            "bad.xlsx row 5, field Fee, value 'N/A': not an amount (expected e.g. 95.00 or $1,234.50)",
            "bad.xlsx row 7, field CPT, value '99214': listed twice: already on row 6");
    }

    [Fact]
    public void When_the_amount_column_is_missing_Then_the_file_is_rejected_saying_what_was_looked_for()
    {
        var path = Workbook("noamount.xlsx", ["CPT", "Description", "Notes"], [99213, "visit", ""]);

        var act = () => PayerFeeScheduleReader.Read(path);

        act.Should().Throw<CmsFileException>().WithMessage(
            "noamount.xlsx was rejected: 1 problem.*no header row in the first 30 rows names a code column (CPT, HCPCS, CPTHCPCS, HCPCSCPT...) and an amount column (ALLOWED, ALLOWEDAMOUNT, ALLOWABLE, FEE, FEEAMOUNT...); map them with --map code=...,amount=...");
    }

    [Fact]
    public void When_columns_have_unusual_names_Then_an_explicit_map_finds_them()
    {
        var path = Workbook("odd.xlsx", ["Svc", "M1", "Contracted $"], [99213, null, 97.0], [71046, "26", 12.0]);

        var file = PayerFeeScheduleReader.Read(path, map: FeeColumnMap.Parse("code=Svc,modifier=M1,amount=\"Contracted $\""));

        file.Fees.Select(f => f.ToString()).Should().Equal("99213 97.00", "71046-26 12.00");
    }

    [Fact]
    public void When_a_sheet_is_named_Then_that_sheet_is_read_and_an_unknown_one_is_an_error()
    {
        var path = Workbook("named.xlsx", ["HCPCS", "Rate"], [99213, 90.0]);

        PayerFeeScheduleReader.Read(path, sheet: "Fees 2025").Fees.Should().ContainSingle();
        var act = () => PayerFeeScheduleReader.Read(path, sheet: "2026");
        act.Should().Throw<CmsFileException>().WithMessage("named.xlsx was rejected*value '2026': no worksheet of that name*");
    }

    [Fact]
    public void The_shipped_sample_CSV_fee_schedule_reads_with_its_title_and_currency_text()
    {
        var file = PayerFeeScheduleReader.Read(RepositoryFiles.Schedules("contracts/summit-care-fees-2025.csv"));

        file.HeaderRow.Should().Be(3);
        file.Fees.Select(f => f.ToString()).Should().Equal("20610 68.00", "71046-26 11.50", "71046-TC 21.00", "71046 32.50", "93000 19.75", "36415 3.25");
    }
}
