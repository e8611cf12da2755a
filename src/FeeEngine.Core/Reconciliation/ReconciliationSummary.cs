namespace FeeEngine.Core.Reconciliation;

/// <summary>One row of a reconciliation summary: the lines of one payer, code or reason and their amounts.</summary>
/// <param name="Dimension">"payer", "code" or "reason".</param>
/// <param name="Shortfall">The sum of the underpaid lines' shortfalls (positive).</param>
public sealed record SummaryRow(string Dimension, string Key, int Lines, decimal Expected, decimal Actual, decimal Variance, int Underpaid, decimal Shortfall, int Denied);

/// <summary>Totals of a reconciliation by payer, by code and by reason (category).</summary>
public static class ReconciliationSummary
{
    public static IReadOnlyList<SummaryRow> Of(IReadOnlyList<ReconciledLine> lines) =>
    [
        .. Rows("payer", lines, l => l.Payer ?? "(none)"),
        .. Rows("code", lines, l => (l.Paid?.Code ?? l.Expected?.Line.Service.Code)?.ToString() ?? "(none)"),
        .. Rows("reason", lines, l => ReconciledLine.Code(l.Category)),
    ];

    private static IEnumerable<SummaryRow> Rows(string dimension, IReadOnlyList<ReconciledLine> lines, Func<ReconciledLine, string> key) =>
        lines.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new SummaryRow(
            dimension, g.Key, g.Count(),
            g.Sum(l => l.Expected?.Expected?.Amount ?? 0m),
            g.Sum(l => l.Paid is { IsReversal: false } p ? p.Actual.Amount : 0m),
            g.Sum(l => l.Variance?.Amount ?? 0m),
            g.Count(l => l.Category == VarianceCategory.Underpaid),
            g.Where(l => l.Category == VarianceCategory.Underpaid).Sum(l => -l.Variance!.Value.Amount),
            g.Count(l => l.Category == VarianceCategory.Denied)));
}
