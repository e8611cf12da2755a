using System.Globalization;
using System.Text;
using FeeEngine.Excel.Comparison;
using FeeEngine.Excel.Impact;
using FeeEngine.Excel.Underpayments;
using FeeEngine.Excel.Workbooks;

namespace FeeEngine.Excel.Csv;

/// <summary>
/// The exports as CSV: the same columns as the workbooks' data sheets, amounts as plain numbers with two decimals,
/// percentages as ratios with four (1.1800 = 118%), fields quoted when they hold a comma, quote or line break.
/// </summary>
public static class ExportCsv
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Compare(PayerComparison comparison, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        var payers = comparison.Request.Payers;
        w.WriteLine(Line(CompareWorkbook.Columns(comparison).Select(c => c.Header)));
        foreach (var r in comparison.Rows)
        {
            var f = new List<string?> { r.Service.Code.ToString(), r.Service.ModifierText, r.MedicareNonFacility is null && r.MedicareFacility is not null ? "NA" : M(r.MedicareNonFacility), M(r.MedicareFacility), M(r.MedicareBasis) };
            foreach (var p in r.Payers) { f.Add(M(p.Expected)); f.Add(P(p.PercentOfMedicare)); }
            f.Add(r.Highest is { } h ? payers[h] : null);
            f.Add(r.Highest is { } h2 ? M(r.Payers[h2].Expected) : null);
            f.Add(r.Lowest is { } l ? payers[l] : null);
            f.Add(r.Lowest is { } l2 ? M(r.Payers[l2].Expected) : null);
            f.Add(M(r.Spread));
            f.Add(P(r.SpreadPercentOfMedicare));
            var notes = new List<string>();
            if (r.Note is not null) notes.Add(r.Note);
            for (var i = 0; i < payers.Count; i++)
                if (r.Payers[i].Expected is null && r.Payers[i].Note is { } n) notes.Add($"{payers[i]}: {n}");
            f.Add(string.Join("; ", notes));
            w.WriteLine(Line(f));
        }
    }

    public static void Impact(ScheduleImpact impact, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine(Line(ImpactWorkbook.Columns(impact).Select(c => c.Header)));
        foreach (var r in impact.Rows)
        {
            var f = new List<string?> { r.Service.Code.ToString(), r.Service.ModifierText, M(r.MedicareFrom), M(r.MedicareTo), M(r.MedicareChange), P(r.MedicareChangePercent) };
            if (impact.Request.Payer is not null) f.AddRange([M(r.PayerFrom), M(r.PayerTo), M(r.PayerChange), P(r.PayerChangePercent)]);
            if (impact.HasVolumes) f.AddRange([r.Volume?.ToString(Inv), M(r.RevenueFrom), M(r.RevenueTo), M(r.RevenueImpact)]);
            f.Add(r.Note);
            w.WriteLine(Line(f));
        }
    }

    public static void Underpayments(UnderpaymentReport report, string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine(Line(UnderpaymentsWorkbook.LineHeaders));
        foreach (var l in report.Lines)
            w.WriteLine(Line([l.ClaimId, l.LineId, l.DateOfService, l.Hcpcs, l.Modifiers, l.Units?.ToString(Inv), l.Payer, l.Category,
                M(l.Expected), M(l.Paid), M(l.PayerAllowed), M(l.PatientResponsibility), M(l.Actual ?? (l.Category == "denied" ? 0m : null)), M(UnderpaymentReport.ShortfallOf(l)),
                l.Contract, l.ContractVersion, l.Term, l.AdjustmentCodes, l.MatchRule, l.Note, l.Source]));
    }

    private static string? M(decimal? amount) => amount?.ToString("0.00", Inv);

    private static string? P(decimal? ratio) => ratio?.ToString("0.0000", Inv);

    private static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field)) return "";
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
