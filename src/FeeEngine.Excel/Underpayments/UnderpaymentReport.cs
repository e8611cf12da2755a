using FeeEngine.Data.Stores;

namespace FeeEngine.Excel.Underpayments;

/// <summary>Totals of a group of underpaid and denied lines.</summary>
/// <param name="Shortfall">Expected less what the payer recognised (payer allowed, or paid + patient responsibility), summed.</param>
public sealed record ShortfallTotals(string Key, int Lines, int Underpaid, int Denied, decimal Expected, decimal Paid, decimal Actual, decimal Shortfall);

/// <summary>
/// The lines of a reconciliation run worth an appeal: those underpaid beyond tolerance and those denied, with totals
/// by payer and by code (and modifiers). A line's shortfall is its expected amount less what the payer recognised
/// (payer allowed, or paid + patient responsibility; zero for a denial).
/// </summary>
public sealed record UnderpaymentReport(ReconciliationRun Run, IReadOnlyList<StoredReconciliationLine> Lines)
{
    public static readonly string[] Categories = ["underpaid", "denied"];

    public static decimal ShortfallOf(StoredReconciliationLine line) => (line.Expected ?? 0m) - (line.Actual ?? 0m);

    public IReadOnlyList<ShortfallTotals> ByPayer => Group(l => l.Payer ?? "(no payer)");

    public IReadOnlyList<ShortfallTotals> ByCode => Group(l => string.IsNullOrEmpty(l.Modifiers) ? l.Hcpcs ?? "(no code)" : $"{l.Hcpcs}-{l.Modifiers}");

    public ShortfallTotals Total => Totals("Total", Lines);

    /// <summary>Groups by key, largest shortfall first (then key).</summary>
    private List<ShortfallTotals> Group(Func<StoredReconciliationLine, string> key) =>
        [.. Lines.GroupBy(key, StringComparer.Ordinal).Select(g => Totals(g.Key, [.. g]))
            .OrderByDescending(t => t.Shortfall).ThenBy(t => t.Key, StringComparer.Ordinal)];

    private static ShortfallTotals Totals(string key, IReadOnlyCollection<StoredReconciliationLine> lines) => new(
        key, lines.Count, lines.Count(l => l.Category == "underpaid"), lines.Count(l => l.Category == "denied"),
        lines.Sum(l => l.Expected ?? 0m), lines.Sum(l => l.Paid ?? 0m), lines.Sum(l => l.Actual ?? 0m), lines.Sum(ShortfallOf));
}
