namespace FeeEngine.Core.Reconciliation;

/// <summary>One row of a reconciliation summary: the lines of one payer, code or reason and their amounts.</summary>
/// <param name="Dimension">"payer", "code" or "reason".</param>
/// <param name="Actual">What the payers recognised (payer allowed, else paid + patient responsibility); reversals excluded.</param>
/// <param name="Shortfall">The sum of the underpaid lines' shortfalls (positive).</param>
public sealed record SummaryRow(string Dimension, string Key, int Lines, decimal Expected, decimal Actual, decimal Variance, int Underpaid, decimal Shortfall, int Denied);

/// <summary>
/// Totals of a reconciliation by payer, by code and by reason (category), added up line by line so that a run of a
/// million lines needs no list of them.
/// </summary>
public sealed class ReconciliationSummary
{
    private readonly Dictionary<(string Dimension, string Key), Totals> _totals = [];

    private sealed class Totals
    {
        public int Lines, Underpaid, Denied;
        public decimal Expected, Actual, Variance, Shortfall;
    }

    public static IReadOnlyList<SummaryRow> Of(IEnumerable<ReconciledLine> lines)
    {
        var summary = new ReconciliationSummary();
        foreach (var l in lines) summary.Add(l);
        return summary.Rows();
    }

    public void Add(ReconciledLine line)
    {
        Add("payer", line.Payer ?? "(none)", line);
        Add("code", (line.Paid?.Code ?? line.Expected?.Line.Service.Code)?.ToString() ?? "(none)", line);
        Add("reason", ReconciledLine.Code(line.Category), line);
    }

    private void Add(string dimension, string key, ReconciledLine line)
    {
        if (!_totals.TryGetValue((dimension, key), out var t)) _totals[(dimension, key)] = t = new Totals();
        t.Lines++;
        t.Expected += line.Expected?.Expected?.Amount ?? 0m;
        if (line.Paid is { IsReversal: false } paid) t.Actual += paid.Actual.Amount;
        t.Variance += line.Variance?.Amount ?? 0m;
        if (line.Category == VarianceCategory.Underpaid)
        {
            t.Underpaid++;
            t.Shortfall -= line.Variance!.Value.Amount;
        }
        if (line.Category == VarianceCategory.Denied) t.Denied++;
    }

    /// <summary>The rows: payers, then codes, then reasons, each in key order.</summary>
    public IReadOnlyList<SummaryRow> Rows() =>
    [
        .. _totals.OrderBy(kv => Array.IndexOf(Dimensions, kv.Key.Dimension)).ThenBy(kv => kv.Key.Key, StringComparer.Ordinal)
            .Select(kv => new SummaryRow(kv.Key.Dimension, kv.Key.Key, kv.Value.Lines, kv.Value.Expected, kv.Value.Actual, kv.Value.Variance, kv.Value.Underpaid, kv.Value.Shortfall, kv.Value.Denied)),
    ];

    private static readonly string[] Dimensions = ["payer", "code", "reason"];
}
