using System.Globalization;
using ClosedXML.Excel;
using FeeEngine.Excel.Underpayments;

namespace FeeEngine.Excel.Workbooks;

/// <summary>
/// The underpayments workbook of a reconciliation run: a cover sheet, totals by payer and by code (each with a SUM
/// totals row), and every underpaid or denied line with what an appeal needs (claim, line, date, code, amounts,
/// contract, version and term, the payer's adjustment codes and the source line).
/// </summary>
public static class UnderpaymentsWorkbook
{
    public const string ByPayerSheet = "By payer";
    public const string ByCodeSheet = "By code";
    public const string LinesSheet = "Lines";
    public static readonly XLColor LargeShortfallFill = XLColor.FromHtml("#F4B084");

    public static readonly IReadOnlyList<string> LineHeaders =
    [
        "Claim", "Line", "Date of service", "Code", "Modifiers", "Units", "Payer", "Category", "Expected", "Paid", "Payer allowed",
        "Patient responsibility", "Payer recognised", "Shortfall", "Contract", "Version", "Term", "Adjustment codes", "Match", "Note", "Source",
    ];

    public static void Save(UnderpaymentReport report, Cover cover, string path)
    {
        using var workbook = Build(report, cover);
        workbook.SaveAs(path, DataSheet.SaveOptions);
    }

    public static XLWorkbook Build(UnderpaymentReport report, Cover cover)
    {
        var workbook = new XLWorkbook();
        CoverSheet.Write(workbook, cover);
        Totals(workbook, ByPayerSheet, "Payer", report.ByPayer);
        Totals(workbook, ByCodeSheet, "Code", report.ByCode);
        Lines(workbook, report);
        return workbook;
    }

    private static void Totals(XLWorkbook workbook, string name, string key, IReadOnlyList<ShortfallTotals> rows)
    {
        var sheet = new DataSheet(workbook, name, [
            new(key, ColumnKind.Text), new("Lines", ColumnKind.Count), new("Underpaid", ColumnKind.Count), new("Denied", ColumnKind.Count),
            new("Expected", ColumnKind.Currency), new("Paid", ColumnKind.Currency), new("Payer recognised", ColumnKind.Currency), new("Shortfall", ColumnKind.Currency),
        ]);
        var row = 1;
        foreach (var t in rows)
        {
            row++;
            sheet.Text(row, 1, t.Key);
            sheet.Number(row, 2, t.Lines);
            sheet.Number(row, 3, t.Underpaid);
            sheet.Number(row, 4, t.Denied);
            sheet.Number(row, 5, t.Expected);
            sheet.Number(row, 6, t.Paid);
            sheet.Number(row, 7, t.Actual);
            sheet.Number(row, 8, t.Shortfall);
        }
        var last = row;
        var total = last + 1;
        sheet.Text(total, 1, "Total");
        for (var c = 2; c <= 8; c++)
        {
            var l = DataSheet.Letter(c);
            sheet.Formula(total, c, last < 2 ? "0" : $"SUM({l}2:{l}{last})");
        }
        var style = sheet.Sheet.Range(total, 1, total, 8).Style;
        style.Font.Bold = true;
        style.Border.TopBorder = XLBorderStyleValues.Thin;
        style.Border.BottomBorder = XLBorderStyleValues.Double;
        sheet.Finish(last, frozenColumns: 1);
    }

    private static void Lines(XLWorkbook workbook, UnderpaymentReport report)
    {
        var kinds = new Dictionary<string, ColumnKind>
        {
            ["Units"] = ColumnKind.Count, ["Expected"] = ColumnKind.Currency, ["Paid"] = ColumnKind.Currency, ["Payer allowed"] = ColumnKind.Currency,
            ["Patient responsibility"] = ColumnKind.Currency, ["Payer recognised"] = ColumnKind.Currency, ["Shortfall"] = ColumnKind.Currency,
        };
        var sheet = new DataSheet(workbook, LinesSheet, [.. LineHeaders.Select(h => new SheetColumn(h, kinds.GetValueOrDefault(h, ColumnKind.Text)))]);
        sheet.Sheet.Column(3).Style.NumberFormat.Format = "yyyy-mm-dd";
        var row = 1;
        foreach (var l in report.Lines)
        {
            row++;
            sheet.Text(row, 1, l.ClaimId);
            sheet.Text(row, 2, l.LineId);
            if (l.DateOfService is { } d && DateTime.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                sheet.Sheet.Cell(row, 3).SetValue(date);
                sheet.Sheet.Cell(row, 3).Style.NumberFormat.Format = "yyyy-mm-dd";
            }
            sheet.Text(row, 4, l.Hcpcs);
            sheet.Text(row, 5, l.Modifiers);
            sheet.Number(row, 6, l.Units);
            sheet.Text(row, 7, l.Payer);
            sheet.Text(row, 8, l.Category);
            sheet.Number(row, 9, l.Expected);
            sheet.Number(row, 10, l.Paid);
            sheet.Number(row, 11, l.PayerAllowed);
            sheet.Number(row, 12, l.PatientResponsibility);
            sheet.Number(row, 13, l.Actual ?? (l.Category == "denied" ? 0m : null));
            sheet.Formula(row, 14, $"I{row}-N(M{row})", UnderpaymentReport.ShortfallOf(l));
            sheet.Text(row, 15, l.Contract);
            sheet.Text(row, 16, l.ContractVersion);
            sheet.Text(row, 17, l.Term);
            sheet.Text(row, 18, l.AdjustmentCodes);
            sheet.Text(row, 19, l.MatchRule);
            sheet.Text(row, 20, l.Note);
            sheet.Text(row, 21, l.Source);
        }
        sheet.Sheet.Column(3).Width = 12;
        if (row > 1)
            sheet.Sheet.Range(2, 14, row, 14).AddConditionalFormat().WhenIsTop(10, XLTopBottomType.Percent).Fill.SetBackgroundColor(LargeShortfallFill);
        sheet.Finish(row, frozenColumns: 2);
        sheet.Sheet.Column(3).Width = 12;
    }

    public static Cover CoverFor(UnderpaymentReport report, DateTimeOffset createdAt, string command)
    {
        var run = report.Run;
        var inv = CultureInfo.InvariantCulture;
        var total = report.Total;
        return new Cover(
            "Underpayments",
            $"The lines of reconciliation run {run.RunId} that the payers underpaid beyond tolerance or denied: {total.Lines.ToString("N0", inv)} lines, " +
            $"shortfall {total.Shortfall.ToString("$#,##0.00", inv)} against expected {total.Expected.ToString("$#,##0.00", inv)}.",
            [
                ("Reconciliation run", run.RunId), ("Run created (UTC)", run.CreatedAt), ("Payment file", run.SourceFile), ("Claims file", run.ClaimsFile ?? "(the paid-lines file carries its billed lines)"),
                ("Payer", run.Payer ?? "(from each line)"), ("Tolerance", $"{run.ToleranceUsd.ToString("$#,##0.00", inv)} and {run.TolerancePct.ToString("0.##", inv)}% of expected"),
                ("Lines reconciled", run.LineCount.ToString("N0", inv)), ("Underpaid lines", total.Underpaid.ToString("N0", inv)), ("Denied lines", total.Denied.ToString("N0", inv)),
                ("Shortfall", total.Shortfall.ToString("$#,##0.00", inv)),
            ],
            [.. report.Lines.Where(l => l.Contract is not null).Select(l => $"{l.Contract}, version {l.ContractVersion ?? "(fee schedule)"}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [
                (ByPayerSheet, "Per payer: lines, underpaid and denied, expected, paid, recognised by the payer and the shortfall; largest shortfall first, totals below."),
                (ByCodeSheet, "The same per code and modifiers."),
                (LinesSheet, "Every underpaid or denied line, with the contract, version and term that priced it, the payer's adjustment codes and the source line: what an appeal needs. Orange: the largest 10% of shortfalls."),
            ],
            [
                "Shortfall = expected - payer recognised (payer allowed, else paid + patient responsibility; zero for a denial).",
                "Expected amounts are the contract's, priced at reconciliation time; lines paid as expected are not listed.",
                "Codes only: no CPT descriptions (AMA copyright).",
            ],
            createdAt, command);
    }
}
