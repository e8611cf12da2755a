using System.Globalization;
using ClosedXML.Excel;
using FeeEngine.Core.Time;
using FeeEngine.Excel.Impact;

namespace FeeEngine.Excel.Workbooks;

/// <summary>
/// The schedule change impact workbook: a cover sheet and one sheet of codes priced on the two dates. Amounts are
/// values; changes, revenues and the totals row are formulas, so the arithmetic can be followed in Excel.
/// </summary>
public static class ImpactWorkbook
{
    public const string ImpactSheet = "Impact";
    public static readonly XLColor BigChangeFill = XLColor.FromHtml("#F4B084");

    /// <summary>The layout: which column holds what (1-based; 0 when absent).</summary>
    public sealed record Layout(int MedicareFrom, int MedicareTo, int MedicareChange, int MedicareChangePct, int PayerFrom, int PayerTo, int PayerChange, int PayerChangePct,
        int Volume, int RevenueFrom, int RevenueTo, int RevenueImpact, int Notes)
    {
        public static Layout For(ScheduleImpact impact)
        {
            var payer = impact.Request.Payer is not null;
            var next = 7;
            int Take(bool on, int count = 1) { if (!on) return 0; var c = next; next += count; return c; }
            var pf = Take(payer, 4);
            var vol = Take(impact.HasVolumes, 4);
            return new Layout(3, 4, 5, 6, pf, payer ? pf + 1 : 0, payer ? pf + 2 : 0, payer ? pf + 3 : 0,
                vol, impact.HasVolumes ? vol + 1 : 0, impact.HasVolumes ? vol + 2 : 0, impact.HasVolumes ? vol + 3 : 0, next);
        }
    }

    public static IReadOnlyList<SheetColumn> Columns(ScheduleImpact impact)
    {
        var (from, to) = (EffectivePeriod.Iso(impact.Request.From), EffectivePeriod.Iso(impact.Request.To));
        var columns = new List<SheetColumn>
        {
            new("Code", ColumnKind.Text), new("Modifier", ColumnKind.Text),
            new($"Medicare {from}", ColumnKind.Currency), new($"Medicare {to}", ColumnKind.Currency),
            new("Medicare change", ColumnKind.CurrencyChange), new("Medicare change %", ColumnKind.PercentChange),
        };
        if (impact.Request.Payer is { } payer)
            columns.AddRange([new($"{payer} {from}", ColumnKind.Currency), new($"{payer} {to}", ColumnKind.Currency),
                new($"{payer} change", ColumnKind.CurrencyChange), new($"{payer} change %", ColumnKind.PercentChange)]);
        if (impact.HasVolumes)
            columns.AddRange([new("Volume", ColumnKind.Count), new($"Revenue {from}", ColumnKind.Currency), new($"Revenue {to}", ColumnKind.Currency),
                new("Revenue impact", ColumnKind.CurrencyChange)]);
        columns.Add(new("Notes", ColumnKind.Text));
        return columns;
    }

    public static void Save(ScheduleImpact impact, Cover cover, string path)
    {
        using var workbook = Build(impact, cover);
        workbook.SaveAs(path, DataSheet.SaveOptions);
    }

    public static XLWorkbook Build(ScheduleImpact impact, Cover cover)
    {
        var workbook = new XLWorkbook();
        CoverSheet.Write(workbook, cover);
        var layout = Layout.For(impact);
        var sheet = new DataSheet(workbook, ImpactSheet, Columns(impact));
        string L(int c) => DataSheet.Letter(c);
        var row = 1;
        foreach (var r in impact.Rows)
        {
            row++;
            sheet.Text(row, 1, r.Service.Code.ToString());
            sheet.Text(row, 2, r.Service.ModifierText);
            Pair(sheet, row, layout.MedicareFrom, r.MedicareFrom, r.MedicareTo, r.MedicareChange, r.MedicareChangePercent);
            if (layout.PayerFrom > 0) Pair(sheet, row, layout.PayerFrom, r.PayerFrom, r.PayerTo, r.PayerChange, r.PayerChangePercent);
            if (layout.Volume > 0)
            {
                sheet.Number(row, layout.Volume, r.Volume);
                var basis = impact.Request.Payer is null ? layout.MedicareFrom : layout.PayerFrom;
                string v = $"{L(layout.Volume)}{row}", bf = $"{L(basis)}{row}", bt = $"{L(basis + 1)}{row}";
                if (r.RevenueFrom is not null)
                {
                    sheet.Formula(row, layout.RevenueFrom, $"{v}*{bf}", r.RevenueFrom);
                    sheet.Formula(row, layout.RevenueTo, $"{v}*{bt}", r.RevenueTo);
                    sheet.Formula(row, layout.RevenueImpact, $"{L(layout.RevenueTo)}{row}-{L(layout.RevenueFrom)}{row}", r.RevenueImpact);
                }
            }
            sheet.Text(row, layout.Notes, r.Note);
        }
        var last = row;
        var ws = sheet.Sheet;
        if (last > 1)
        {
            foreach (var pct in new[] { layout.MedicareChangePct, layout.PayerChangePct }.Where(c => c > 0))
            {
                // Changes of 5% or more either way stand out.
                ws.Range(2, pct, last, pct).AddConditionalFormat().WhenNotBetween(-0.05, 0.05).Fill.SetBackgroundColor(BigChangeFill);
            }
            if (layout.RevenueImpact > 0)
            {
                // The ten largest losses: negative, and among the ten lowest (a plain "bottom 10" would mark gains when fewer than ten rows lose).
                var n = DataSheet.Letter(layout.RevenueImpact);
                ws.Range(2, layout.RevenueImpact, last, layout.RevenueImpact).AddConditionalFormat()
                    .WhenIsTrue($"=AND(ISNUMBER({n}2),{n}2<0,RANK({n}2,${n}$2:${n}${last},1)<=10)").Font.SetBold(true);
            }
        }
        if (layout.Volume > 0) WriteTotals(sheet, layout, last, impact);
        sheet.Finish(last, frozenColumns: 2);
        return workbook;
    }

    /// <summary>The row below the data, after one blank row: SUM formulas of the volumes and revenues, and the impact as a percentage.</summary>
    public static int TotalsRow(ScheduleImpact impact) => impact.Rows.Count + 3;

    private static void WriteTotals(DataSheet sheet, Layout layout, int last, ScheduleImpact impact)
    {
        var row = last + 2;
        var end = Math.Max(last, 2);
        sheet.Text(row, 1, "Total");
        foreach (var (col, example) in new[] { (layout.Volume, (decimal?)null), (layout.RevenueFrom, impact.RevenueFromTotal), (layout.RevenueTo, impact.RevenueToTotal), (layout.RevenueImpact, impact.RevenueImpactTotal) })
        {
            var letter = DataSheet.Letter(col);
            sheet.Formula(row, col, $"SUM({letter}2:{letter}{end})", example);
        }
        var from = DataSheet.Letter(layout.RevenueFrom);
        var imp = DataSheet.Letter(layout.RevenueImpact);
        sheet.Reserve(layout.Notes, "Revenue impact +100.0%".Length);
        sheet.Sheet.Cell(row, layout.Notes).FormulaA1 = $"IF(N({from}{row})>0,\"Revenue impact \"&TEXT({imp}{row}/{from}{row},\"+0.0%;-0.0%\"),\"\")";
        var style = sheet.Sheet.Range(row, 1, row, layout.Notes).Style;
        style.Font.Bold = true;
        style.Border.TopBorder = XLBorderStyleValues.Thin;
        style.Border.BottomBorder = XLBorderStyleValues.Double;
    }

    private static void Pair(DataSheet sheet, int row, int fromCol, decimal? from, decimal? to, decimal? change, decimal? changePct)
    {
        sheet.Number(row, fromCol, from);
        sheet.Number(row, fromCol + 1, to);
        if (from is null || to is null) return;
        string f = $"{DataSheet.Letter(fromCol)}{row}", t = $"{DataSheet.Letter(fromCol + 1)}{row}", c = $"{DataSheet.Letter(fromCol + 2)}{row}";
        sheet.Formula(row, fromCol + 2, $"{t}-{f}", change);
        sheet.Formula(row, fromCol + 3, $"IF(N({f})<>0,{c}/{f},\"\")", changePct);
    }

    public static Cover CoverFor(ScheduleImpact impact, DateTimeOffset createdAt, string command, string codesSource, string? volumesSource)
    {
        var r = impact.Request;
        var inv = CultureInfo.InvariantCulture;
        var (from, to) = (EffectivePeriod.Iso(r.From), EffectivePeriod.Iso(r.To));
        var inputs = new List<(string, string)>
        {
            ("From (date of service)", from), ("To (date of service)", to), ("Codes", codesSource), ("Rows", impact.Rows.Count.ToString("N0", inv)),
            ("Locality", r.Locality.ToString()), ("Place of service", $"{r.PlaceOfService} ({(r.PlaceOfService.Setting == Core.Codes.Setting.Facility ? "facility" : "non-facility")})"),
            ("Payer", r.Payer ?? "none: Medicare only"), ("Volumes", volumesSource ?? "none"),
        };
        if (impact.HasVolumes)
        {
            inputs.Add(("Revenue " + from, impact.RevenueFromTotal.ToString("$#,##0.00", inv)));
            inputs.Add(("Revenue " + to, impact.RevenueToTotal.ToString("$#,##0.00", inv)));
            inputs.Add(("Revenue impact", impact.RevenueImpactTotal.ToString("+$#,##0.00;-$#,##0.00", inv) +
                (impact.RevenueImpactPercent is { } p ? $" ({(p * 100m).ToString("+0.0;-0.0", inv)}%)" : "")));
        }
        return new Cover(
            "Schedule change impact",
            $"The same {impact.Rows.Count.ToString("N0", inv)} codes priced on {from} and {to} at locality {r.Locality}: the change in dollars and percent" +
            (impact.HasVolumes ? $", and the revenue impact at the given volumes (priced by {(r.Payer is null ? "Medicare" : r.Payer)})." : "."),
            inputs,
            [.. impact.ScheduleReleases, .. impact.ContractVersions],
            [(ImpactSheet, "One row per code and modifier: the amounts on both dates, the change (formulas), and with volumes the revenue on each date and its impact, totalled below the data. Orange: a change of 5% or more either way; bold: the ten largest revenue losses.")],
            [
                "Each code is priced as a one-line claim of one unit with no billed charge: no multiple-procedure or other cross-line reduction applies.",
                "Amounts are in US dollars, rounded to cents as the fee schedule and the contract round them; revenue = volume x amount of the payer compared (Medicare when none).",
                "Rows not priced on one of the dates have no change and no revenue; the notes say why.",
                "Codes only: no CPT descriptions (AMA copyright).",
            ],
            createdAt, command);
    }
}
