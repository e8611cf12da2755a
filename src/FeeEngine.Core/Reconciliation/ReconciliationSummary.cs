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

    // Amounts are added up in whole cents (every amount here is whole cents): a million lines, three dimensions.
    private sealed class Totals
    {
        public int Lines, Underpaid, Denied;
        public long Expected, Actual, Variance, Shortfall;

        public void Add(in LineAmounts a, VarianceCategory category)
        {
            Lines++;
            Expected += a.Expected;
            Actual += a.Actual;
            Variance += a.Variance;
            if (category == VarianceCategory.Underpaid)
            {
                Underpaid++;
                Shortfall -= a.Variance;
            }
            if (category == VarianceCategory.Denied) Denied++;
        }

        public void Add(Totals o)
        {
            Lines += o.Lines; Underpaid += o.Underpaid; Denied += o.Denied;
            Expected += o.Expected; Actual += o.Actual; Variance += o.Variance; Shortfall += o.Shortfall;
        }
    }

    private readonly record struct LineAmounts(long Expected, long Actual, long Variance);

    private static long Cents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static IReadOnlyList<SummaryRow> Of(IEnumerable<ReconciledLine> lines)
    {
        var summary = new ReconciliationSummary();
        foreach (var l in lines) summary.Add(l);
        return summary.Rows();
    }

    public void Add(ReconciledLine line)
    {
        var amounts = new LineAmounts(
            line.Expected?.ExpectedCents ?? 0,
            line.Paid is { IsReversal: false } paid ? Cents(paid.Actual.Amount) : 0,
            line.Variance is { } v ? Cents(v.Amount) : 0);
        Get(_payers, line.Payer ?? "(none)").Add(amounts, line.Category);
        Get(_codes, (line.Paid?.Code ?? line.Expected?.Line.Service.Code)?.Packed ?? 0UL).Add(amounts, line.Category);
        Get(_reasons, line.Category).Add(amounts, line.Category);
    }

    /// <summary>Adds another summary's totals (a batch's, reconciled on another thread).</summary>
    public void Add(ReconciliationSummary other)
    {
        foreach (var (k, t) in other._payers) Get(_payers, k).Add(t);
        foreach (var (k, t) in other._codes) Get(_codes, k).Add(t);
        foreach (var (k, t) in other._reasons) Get(_reasons, k).Add(t);
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
            .Select(e => new SummaryRow(dimension, e.Key, e.Totals.Lines, e.Totals.Expected / 100m, e.Totals.Actual / 100m, e.Totals.Variance / 100m,
                e.Totals.Underpaid, e.Totals.Shortfall / 100m, e.Totals.Denied));
}
