using System.Globalization;
using System.Text;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Core.Time;

namespace FeeEngine.Application.Reconciliation;

/// <summary>Writes the line-level results CSV and the summary CSV of a reconciliation.</summary>
public static class ReconciliationOutput
{
    public const string Header =
        "claim_id,line,date_of_service,hcpcs,modifiers,units,payer,category,match_rule,expected_amount,payer_allowed,paid_amount," +
        "patient_responsibility,actual,variance,contract,contract_version,term,adjustment_codes,note,source";

    public const string SummaryHeader = "dimension,key,lines,expected,actual,variance,underpaid_lines,shortfall,denied_lines";

    public static void AppendLine(StringBuilder sb, ReconciledLine line)
    {
        var p = line.Paid;
        var e = line.Expected;
        var service = e?.Line.Service;
        Field(sb, line.ClaimId);
        Field(sb, p?.LineId ?? e?.Line.LineId);
        Field(sb, p is not null ? EffectivePeriod.Iso(p.DateOfService) : service is { } s ? EffectivePeriod.Iso(s.DateOfService) : null);
        Field(sb, (p?.Code ?? service?.Code)?.ToString());
        Field(sb, (p?.Modifiers ?? service?.Modifiers)?.ToString());
        Field(sb, (p?.Units ?? service?.Units)?.ToString(CultureInfo.InvariantCulture));
        Field(sb, line.Payer);
        Field(sb, ReconciledLine.Code(line.Category));
        Field(sb, line.MatchRule);
        Amount(sb, e?.Expected);
        Amount(sb, p?.PayerAllowed);
        Amount(sb, p?.Paid);
        Amount(sb, p?.PatientResponsibility);
        Amount(sb, p?.Actual);
        Amount(sb, line.Variance);
        Field(sb, e?.Contract?.Label);
        Field(sb, e?.Version?.Label);
        Field(sb, e?.Term);
        Field(sb, p is null ? null : string.Join(' ', p.AdjustmentCodes));
        Field(sb, line.Note);
        PriceFileRunner.AppendField(sb, p?.Source);
        sb.Append('\n');
    }

    public static void WriteSummary(TextWriter w, IReadOnlyList<SummaryRow> rows)
    {
        w.Write(SummaryHeader);
        w.Write('\n');
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Clear();
            Field(sb, r.Dimension);
            Field(sb, r.Key);
            Field(sb, r.Lines.ToString(CultureInfo.InvariantCulture));
            Amount(sb, new Core.Money.Money(r.Expected));
            Amount(sb, new Core.Money.Money(r.Actual));
            Amount(sb, new Core.Money.Money(r.Variance));
            Field(sb, r.Underpaid.ToString(CultureInfo.InvariantCulture));
            Amount(sb, new Core.Money.Money(r.Shortfall));
            sb.Append(r.Denied.ToString(CultureInfo.InvariantCulture)).Append('\n');
            w.Write(sb);
        }
    }

    private static void Field(StringBuilder sb, string? value)
    {
        PriceFileRunner.AppendField(sb, value);
        sb.Append(',');
    }

    private static void Amount(StringBuilder sb, Core.Money.Money? m)
    {
        if (m is { } v) sb.Append(v.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        sb.Append(',');
    }
}
