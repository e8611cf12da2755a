using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;

namespace FeeEngine.Core.Reconciliation;

/// <summary>
/// Compares paid lines with expected lines. Matching, per claim id, each expected line used once, first rule that
/// finds one: (1) the same line id and code; (2) the same code, date of service and units, with the same modifiers
/// in any order; (3) the same code, date and units whatever the modifiers (a payer that dropped or changed them). The
/// rule used is reported. A paid line that matches nothing is <see cref="VarianceCategory.UnmatchedPaid"/>; with
/// <c>reportUnpaid</c>, an expected line no paid line matched is <see cref="VarianceCategory.NotInRemittance"/>.
/// Nothing is dropped. Then: variance = actual (payer allowed, else paid + patient responsibility) - expected; zero
/// paid with adjustment codes is a denial; beyond the payer's <see cref="Tolerance"/> an under- or overpayment.
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<ReconciledLine> Reconcile(
        IReadOnlyList<ContractClaimPrice> expected, IReadOnlyList<PaidLine> paid, Func<string?, Tolerance> tolerance, bool reportUnpaid)
    {
        var byClaim = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var claim in expected)
        {
            if (!byClaim.TryGetValue(claim.Claim.ClaimId, out var list)) byClaim[claim.Claim.ClaimId] = list = [];
            foreach (var line in claim.Lines) list.Add(new Candidate(line, claim.Payer));
        }

        var results = new List<ReconciledLine>(paid.Count);
        foreach (var p in paid)
        {
            if (p.IsReversal)
            {
                results.Add(new ReconciledLine
                {
                    Category = VarianceCategory.Reversal, Paid = p, ClaimId = p.ClaimId, Payer = p.Payer,
                    Note = "reversal of an earlier payment (claim status 22): not compared",
                });
                continue;
            }
            var (match, rule) = byClaim.TryGetValue(p.ClaimId, out var candidates) ? Match(p, candidates) : (null, null);
            if (match is null)
            {
                results.Add(new ReconciledLine
                {
                    Category = VarianceCategory.UnmatchedPaid, Paid = p, ClaimId = p.ClaimId, Payer = p.Payer,
                    Note = candidates is null
                        ? $"claim {p.ClaimId} is not among the billed claims"
                        : $"no unmatched billed line of claim {p.ClaimId} has {p.Code} on {Time.EffectivePeriod.Iso(p.DateOfService)} x{p.Units}",
                });
                continue;
            }
            match.Used = true;
            results.Add(Classify(p, match, rule!, tolerance(p.Payer ?? match.Payer)));
        }
        if (reportUnpaid)
        {
            foreach (var (claimId, candidates) in byClaim)
                foreach (var c in candidates.Where(c => !c.Used))
                    results.Add(new ReconciledLine
                    {
                        Category = VarianceCategory.NotInRemittance, Expected = c.Line, ClaimId = claimId, Payer = c.Payer,
                        Note = "billed, but the payer's file has no line for it",
                    });
        }
        return results;
    }

    private sealed class Candidate(ExpectedLinePrice line, string payer)
    {
        public ExpectedLinePrice Line { get; } = line;
        public string Payer { get; } = payer;
        public bool Used { get; set; }
    }

    private static (Candidate? Match, string? Rule) Match(PaidLine p, List<Candidate> candidates)
    {
        if (p.LineId is { Length: > 0 } lineId)
            foreach (var c in candidates)
                if (!c.Used && c.Line.Line.LineId == lineId && c.Line.Line.Service.Code == p.Code)
                    return (c, "claim+line");
        foreach (var c in candidates)
            if (!c.Used && SameService(c, p) && SameModifiers(c.Line.Line.Service.Modifiers, p.Modifiers, out var ordered))
                return (c, ordered ? "claim+code+date+units" : "claim+code+date+units (modifiers reordered)");
        foreach (var c in candidates)
            if (!c.Used && SameService(c, p))
                return (c, $"claim+code+date+units (modifiers differ: billed {Text(c.Line.Line.Service.Modifiers)}, paid {Text(p.Modifiers)})");
        return (null, null);
    }

    private static bool SameService(Candidate c, PaidLine p)
    {
        var s = c.Line.Line.Service;
        return s.Code == p.Code && s.DateOfService == p.DateOfService && s.Units == p.Units;
    }

    private static bool SameModifiers(ModifierList billed, ModifierList paid, out bool sameOrder)
    {
        sameOrder = billed.Count == paid.Count;
        if (billed.Count != paid.Count) return false;
        for (var i = 0; i < billed.Count; i++)
        {
            if (!paid.Contains(billed[i])) return false;
            if (billed[i] != paid[i]) sameOrder = false;
        }
        return true;
    }

    private static string Text(ModifierList m) => m.Count == 0 ? "none" : m.ToString();

    private static ReconciledLine Classify(PaidLine p, Candidate match, string rule, Tolerance tolerance)
    {
        var expected = match.Line;
        var line = new ReconciledLine
        {
            Category = VarianceCategory.AsExpected, Paid = p, Expected = expected, ClaimId = p.ClaimId, MatchRule = rule,
            Payer = p.Payer ?? match.Payer,
        };
        if (p.Paid.Amount == 0m && p.AdjustmentCodes.Length > 0)
            return line with { Category = VarianceCategory.Denied, Note = $"denied: {p.AdjustmentCodes}" };
        if (expected.Expected is not { } amount)
            return line with { Category = VarianceCategory.NoExpected, Note = $"no expected amount: {expected.Reason}" };
        var variance = p.Actual.Amount - amount.Amount;
        line = line with { Variance = new Money.Money(variance) };
        if (variance < 0m && tolerance.IsExceededBy(-variance, amount.Amount))
            return line with { Category = VarianceCategory.Underpaid, Note = $"{p.ActualBasis} {p.Actual} is {new Money.Money(-variance)} below the expected {amount} (tolerance {tolerance})" };
        if (variance > 0m && tolerance.IsExceededBy(variance, amount.Amount))
            return line with { Category = VarianceCategory.Overpaid, Note = $"{p.ActualBasis} {p.Actual} is {new Money.Money(variance)} above the expected {amount} (tolerance {tolerance})" };
        return line;
    }
}
