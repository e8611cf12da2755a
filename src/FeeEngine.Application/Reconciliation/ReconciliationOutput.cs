using System.Globalization;
using System.Text;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Reconciliation;

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
        if ((p?.DateOfService ?? service?.DateOfService) is { } date) AppendDate(sb, date);
        sb.Append(',');
        Field(sb, (p?.Code ?? service?.Code)?.ToString());
        if ((p?.Modifiers ?? service?.Modifiers) is { Count: > 0 } modifiers) sb.Append(modifiers.ToString());
        sb.Append(',');
        if ((p?.Units ?? service?.Units) is { } units) sb.Append(units);
        sb.Append(',');
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
        Field(sb, p?.AdjustmentCodes);
        Field(sb, line.Note);
        if (p is not null)
        {
            PriceFileRunner.AppendField(sb, p.Source.File);
            sb.Append(p.Source.IsSegment ? " segment " : " line ").Append(p.Source.Number);
        }
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

    /// <summary>An amount with two decimals; whole cents are written without decimal formatting (a million lines
    /// write six amounts each).</summary>
    private static void Amount(StringBuilder sb, Core.Money.Money? m)
    {
        if (m is { } v)
        {
            var scaled = v.Amount * 100m;
            if (decimal.Truncate(scaled) == scaled && Math.Abs(scaled) < 1_000_000_000_000m)
            {
                var cents = (long)scaled;
                if (cents < 0) { sb.Append('-'); cents = -cents; }
                PriceFileRunner.AppendCents(sb, cents);
            }
            else sb.Append(v.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        }
        sb.Append(',');
    }

    /// <summary>yyyy-MM-dd without a pattern formatter.</summary>
    private static void AppendDate(StringBuilder sb, NodaTime.LocalDate date)
    {
        sb.Append(date.Year);
        sb.Append(date.Month < 10 ? "-0" : "-").Append(date.Month);
        sb.Append(date.Day < 10 ? "-0" : "-").Append(date.Day);
    }
}
