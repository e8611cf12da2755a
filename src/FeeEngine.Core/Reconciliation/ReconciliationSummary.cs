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
    // One table per dimension, keyed without building a string per line (a million-line run adds up fast).
    private readonly Dictionary<string, Totals> _payers = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, Totals> _codes = [];
    private readonly Dictionary<VarianceCategory, Totals> _reasons = [];

    private sealed class Totals
    {
        public int Lines, Underpaid, Denied;
        public decimal Expected, Actual, Variance, Shortfall;

        public void Add(ReconciledLine line)
        {
            Lines++;
            Expected += line.Expected?.Expected?.Amount ?? 0m;
            if (line.Paid is { IsReversal: false } paid) Actual += paid.Actual.Amount;
            Variance += line.Variance?.Amount ?? 0m;
            if (line.Category == VarianceCategory.Underpaid)
            {
                Underpaid++;
                Shortfall -= line.Variance!.Value.Amount;
            }
            if (line.Category == VarianceCategory.Denied) Denied++;
        }
    }

    public static IReadOnlyList<SummaryRow> Of(IEnumerable<ReconciledLine> lines)
    {
        var summary = new ReconciliationSummary();
        foreach (var l in lines) summary.Add(l);
        return summary.Rows();
    }

    public void Add(ReconciledLine line)
    {
        Get(_payers, line.Payer ?? "(none)").Add(line);
        Get(_codes, (line.Paid?.Code ?? line.Expected?.Line.Service.Code)?.Packed ?? 0UL).Add(line);
        Get(_reasons, line.Category).Add(line);
    }

    private static Totals Get<TKey>(Dictionary<TKey, Totals> table, TKey key) where TKey : notnull
    {
        if (!table.TryGetValue(key, out var t)) table[key] = t = new Totals();
        return t;
    }

    /// <summary>The rows: payers, then codes, then reasons, each in key order.</summary>
    public IReadOnlyList<SummaryRow> Rows() =>
    [
        .. Rows("payer", _payers.Select(kv => (kv.Key, kv.Value))),
        .. Rows("code", _codes.Select(kv => (kv.Key == 0 ? "(none)" : Codes.HcpcsCode.FromPacked(kv.Key).ToString(), kv.Value))),
        .. Rows("reason", _reasons.Select(kv => (ReconciledLine.Code(kv.Key), kv.Value))),
    ];

    private static IEnumerable<SummaryRow> Rows(string dimension, IEnumerable<(string Key, Totals Totals)> entries) =>
        entries.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new SummaryRow(dimension, e.Key, e.Totals.Lines, e.Totals.Expected, e.Totals.Actual, e.Totals.Variance, e.Totals.Underpaid, e.Totals.Shortfall, e.Totals.Denied));
}
