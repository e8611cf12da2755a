using System.Globalization;
using ClosedXML.Excel;
using FeeEngine.Core.Time;
using FeeEngine.Excel.Comparison;

namespace FeeEngine.Excel.Workbooks;

/// <summary>
/// The payer comparison workbook: a cover sheet, the comparison (one row per code and modifier) and a summary by payer.
/// Amounts are values in dollars and cents; the spread columns and every summary figure are formulas over the
/// comparison, so a reader can see how they are made.
/// </summary>
public static class CompareWorkbook
{
    public const string ComparisonSheet = "Comparison";
    public const string SummarySheet = "Payer summary";

    public static readonly XLColor BelowMedicareFill = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor HighestFill = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor LowestFill = XLColor.FromHtml("#FFEB9C");
    public static readonly XLColor WideSpreadFill = XLColor.FromHtml("#F4B084");

    /// <summary>The comparison's columns: code, modifier, Medicare (3), two per payer, highest, lowest, spread (2), notes.</summary>
    public static IReadOnlyList<SheetColumn> Columns(PayerComparison comparison)
    {
        var pos = comparison.Request.PlaceOfService;
        var columns = new List<SheetColumn>
        {
            new("Code", ColumnKind.Text), new("Modifier", ColumnKind.Text),
            new("Medicare non-facility", ColumnKind.Currency), new("Medicare facility", ColumnKind.Currency),
            new($"Medicare at POS {pos}", ColumnKind.Currency),
        };
        foreach (var payer in comparison.Request.Payers)
        {
            columns.Add(new($"{payer} expected", ColumnKind.Currency));
            columns.Add(new($"{payer} % of Medicare", ColumnKind.Percent));
        }
        columns.AddRange([
            new("Highest payer", ColumnKind.Text), new("Highest amount", ColumnKind.Currency),
            new("Lowest payer", ColumnKind.Text), new("Lowest amount", ColumnKind.Currency),
            new("Spread (highest - lowest)", ColumnKind.Currency), new("Spread % of Medicare", ColumnKind.Percent),
            new("Notes", ColumnKind.Text),
        ]);
        return columns;
    }

    /// <summary>The 1-based column of payer <paramref name="index"/>'s expected amount (its % of Medicare is the next).</summary>
    public static int PayerColumn(int index) => 6 + (2 * index);

    public static void Save(PayerComparison comparison, Cover cover, string path)
    {
        using var workbook = Build(comparison, cover);
        workbook.SaveAs(path, DataSheet.SaveOptions);
    }

    public static XLWorkbook Build(PayerComparison comparison, Cover cover)
    {
        var workbook = new XLWorkbook();
        CoverSheet.Write(workbook, cover);
        var last = WriteComparison(workbook, comparison);
        WriteSummary(workbook, comparison, last);
        workbook.Worksheet(1).SetTabActive();
        return workbook;
    }

    /// <returns>The last data row.</returns>
    private static int WriteComparison(XLWorkbook workbook, PayerComparison comparison)
    {
        var columns = Columns(comparison);
        var sheet = new DataSheet(workbook, ComparisonSheet, columns);
        var payers = comparison.Request.Payers;
        int highPayer = PayerColumn(payers.Count), highAmount = highPayer + 1, lowPayer = highPayer + 2, lowAmount = highPayer + 3,
            spread = highPayer + 4, spreadPct = highPayer + 5, notes = highPayer + 6;
        string H = DataSheet.Letter(highAmount), L = DataSheet.Letter(lowAmount), S = DataSheet.Letter(spread);
        var row = 1;
        var notesText = new List<string>();
        foreach (var r in comparison.Rows)
        {
            row++;
            sheet.Text(row, 1, r.Service.Code.ToString());
            sheet.Text(row, 2, r.Service.ModifierText);
            if (r.MedicareNonFacility is null && r.MedicareFacility is not null)
            {
                sheet.Text(row, 3, "NA");
                sheet.Sheet.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            }
            else sheet.Number(row, 3, r.MedicareNonFacility);
            sheet.Number(row, 4, r.MedicareFacility);
            sheet.Number(row, 5, r.MedicareBasis);
            notesText.Clear();
            if (r.Note is not null) notesText.Add(r.Note);
            for (var p = 0; p < payers.Count; p++)
            {
                var amount = r.Payers[p];
                sheet.Number(row, PayerColumn(p), amount.Expected);
                sheet.Number(row, PayerColumn(p) + 1, amount.PercentOfMedicare);
                if (amount.Expected is null && amount.Note is not null) notesText.Add($"{payers[p]}: {amount.Note}");
            }
            if (r.Highest is { } h)
            {
                sheet.Text(row, highPayer, payers[h]);
                sheet.Number(row, highAmount, r.Payers[h].Expected);
                sheet.Text(row, lowPayer, payers[r.Lowest!.Value]);
                sheet.Number(row, lowAmount, r.Payers[r.Lowest.Value].Expected);
                sheet.Formula(row, spread, $"{H}{row}-{L}{row}", r.Spread);
                sheet.Formula(row, spreadPct, $"IF(N(E{row})>0,{S}{row}/E{row},\"\")", r.SpreadPercentOfMedicare);
            }
            if (notesText.Count > 0) sheet.Text(row, notes, string.Join("; ", notesText));
        }
        var ws = sheet.Sheet;
        // Notes stay on one line: on screen they run on to the right; printed, the print area clips them at the column.
        ws.Column(notes).Style.Alignment.WrapText = false;
        if (row > 1) Highlight(ws, comparison, row, spreadPct);
        sheet.Finish(row, frozenColumns: 2);
        return row;
    }

    /// <summary>
    /// Conditional formats that point at the outliers: a payer below 100% of Medicare (red), each row's highest payer
    /// (green) and lowest payer (amber) when the payers differ, and the widest 10% of spreads (orange).
    /// </summary>
    private static void Highlight(IXLWorksheet ws, PayerComparison comparison, int last, int spreadPct)
    {
        var payers = comparison.Request.Payers.Count;
        var amounts = string.Join(",", Enumerable.Range(0, payers).Select(p => $"${DataSheet.Letter(PayerColumn(p))}2"));
        for (var p = 0; p < payers; p++)
        {
            var col = PayerColumn(p);
            var letter = DataSheet.Letter(col);
            // Only a percentage below 1 (an empty cell, nothing to compare, would count as 0 in a plain "less than").
            var pct = DataSheet.Letter(col + 1);
            ws.Range(2, col + 1, last, col + 1).AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({pct}2),{pct}2<1)").Fill.SetBackgroundColor(BelowMedicareFill);
            if (payers < 2) continue;
            var range = ws.Range(2, col, last, col);
            var differ = $"MAX({amounts})>MIN({amounts})";
            range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({letter}2),{differ},{letter}2=MAX({amounts}))").Fill.SetBackgroundColor(HighestFill);
            range.AddConditionalFormat().WhenIsTrue($"=AND(ISNUMBER({letter}2),{differ},{letter}2=MIN({amounts}))").Fill.SetBackgroundColor(LowestFill);
        }
        ws.Range(2, spreadPct, last, spreadPct).AddConditionalFormat().WhenIsTop(10, XLTopBottomType.Percent).Fill.SetBackgroundColor(WideSpreadFill);
    }

    /// <summary>One row per payer: counts and the range of its percentages of Medicare, all formulas over the comparison.</summary>
    private static void WriteSummary(XLWorkbook workbook, PayerComparison comparison, int last)
    {
        var columns = new List<SheetColumn>
        {
            new("Payer", ColumnKind.Text), new("Codes priced", ColumnKind.Count), new("Codes unpriced", ColumnKind.Count),
            new("Average % of Medicare", ColumnKind.Percent), new("Lowest % of Medicare", ColumnKind.Percent), new("Highest % of Medicare", ColumnKind.Percent),
            new("Times highest payer", ColumnKind.Count), new("Times lowest payer", ColumnKind.Count),
        };
        var sheet = new DataSheet(workbook, SummarySheet, columns);
        var payers = comparison.Request.Payers;
        var c = $"'{ComparisonSheet}'!";
        var highPayer = DataSheet.Letter(PayerColumn(payers.Count));
        var lowPayer = DataSheet.Letter(PayerColumn(payers.Count) + 2);
        var end = Math.Max(last, 2);
        for (var p = 0; p < payers.Count; p++)
        {
            var row = p + 2;
            var amount = DataSheet.Letter(PayerColumn(p));
            var pct = DataSheet.Letter(PayerColumn(p) + 1);
            sheet.Text(row, 1, payers[p]);
            sheet.Formula(row, 2, $"COUNT({c}{amount}2:{amount}{end})", 99_999);
            sheet.Formula(row, 3, $"COUNTA({c}A2:A{end})-B{row}", 99_999);
            sheet.Formula(row, 4, $"IFERROR(AVERAGE({c}{pct}2:{pct}{end}),\"\")", 9.999m);
            sheet.Formula(row, 5, $"IF(COUNT({c}{pct}2:{pct}{end})>0,MIN({c}{pct}2:{pct}{end}),\"\")", 9.999m);
            sheet.Formula(row, 6, $"IF(COUNT({c}{pct}2:{pct}{end})>0,MAX({c}{pct}2:{pct}{end}),\"\")", 9.999m);
            sheet.Formula(row, 7, $"COUNTIF({c}{highPayer}2:{highPayer}{end},A{row})", 99_999);
            sheet.Formula(row, 8, $"COUNTIF({c}{lowPayer}2:{lowPayer}{end},A{row})", 99_999);
        }
        sheet.Finish(payers.Count + 1, frozenColumns: 1);
    }

    /// <summary>The cover of a comparison: its inputs in words, the releases and contract versions used.</summary>
    public static Cover CoverFor(PayerComparison comparison, DateTimeOffset createdAt, string command, string codesSource)
    {
        var r = comparison.Request;
        var inv = CultureInfo.InvariantCulture;
        return new Cover(
            "Payer comparison",
            $"Medicare's fee schedule amounts and each payer's expected amount for {comparison.Rows.Count.ToString("N0", inv)} codes and modifiers, " +
            $"locality {r.Locality}, date of service {EffectivePeriod.Iso(r.Date)}; the highest and lowest payer of each code and the spread between them.",
            [
                ("Codes", codesSource), ("Rows", comparison.Rows.Count.ToString("N0", inv)), ("Locality", r.Locality.ToString()),
                ("Date of service", EffectivePeriod.Iso(r.Date)), ("Payers priced at", $"place of service {r.PlaceOfService} ({(r.PlaceOfService.Setting == Core.Codes.Setting.Facility ? "facility" : "non-facility")})"),
                ("Payers", string.Join(", ", r.Payers)),
            ],
            [.. comparison.ScheduleReleases, .. comparison.ContractVersions],
            [
                (ComparisonSheet, "One row per code and modifier: Medicare non-facility (POS 11) and facility (POS 22), Medicare at the payers' place of service, each payer's expected amount and its percentage of that Medicare amount, the highest and lowest payer and the spread. Red: below 100% of Medicare; green / amber: the row's highest / lowest payer; orange: the widest 10% of spreads."),
                (SummarySheet, "Per payer: codes priced and unpriced, average, lowest and highest percentage of Medicare, and how often it is the highest or lowest payer (formulas over the comparison)."),
            ],
            [
                "Each code is priced as a one-line claim of one unit with no billed charge, so no multiple-procedure or other cross-line reduction applies and lesser-of-billed rules do not bite.",
                "Amounts are in US dollars, rounded to cents as the Medicare fee schedule and each contract round them. Percentages are ratios to the Medicare amount at the payers' place of service.",
                "NA in Medicare non-facility: CMS publishes no non-facility amount for the code; it pays the facility rate in every setting.",
                "Codes only: no CPT descriptions (AMA copyright).",
            ],
            createdAt, command);
    }
}
