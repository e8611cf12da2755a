using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

// Batch pricing: the same prices as Price(claim), written into a caller-owned buffer. A batch caller (price-file,
// the benchmark) needs whole cents and a few fields per line, not an object graph per claim: the object API
// allocates about 1.3 KB a claim of four lines (the result objects, the price array, the adjustment arrays and
// their explanations). ClaimPathEquivalenceTests (random claims) and ClaimPathRealReleaseTests (every payable row of
// the real October 2025 release) check that both APIs give the same result for every line.
public sealed partial class MedicareClaimPricer
{
    /// <summary>
    /// Prices the claim as <see cref="Price"/> does and appends its lines, in the claim's line order, to
    /// <paramref name="results"/>: outcome, message and whole cents per line, the fee schedule facts a price file
    /// reports (release, setting, non-facility NA, OPPS cap) and the policy steps' labels. Claims the whole-cent
    /// policy path takes (almost all without a deductible to share out) allocate nothing; any other claim goes
    /// through <see cref="Price"/>, whose result objects the lines keep (<see cref="ClaimLineResult.ObjectPrice"/>).
    /// Explanations in words are on the object API only.
    /// </summary>
    public void PriceInto(Claim claim, ClaimLineResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = LinesOf(claim);
        if (lines.Length <= PageOfLines.Capacity) PriceOnePage(claim, lines, results);
        else if (lines.Length <= ClaimBases.Capacity) PriceManyLines(claim, lines, results);
        else PriceByObjects(claim, results);
    }

    // The fee schedule prices live on the stack, not in a heap array of the results: a claim's prices are needed only
    // while it is priced. The stack space is zeroed on every call, so a claim of a page or less (most) gets the small
    // buffer; each buffer in its own method, as the runtime zeroes a method's buffers whichever branch is taken.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void PriceOnePage(Claim claim, ReadOnlySpan<ClaimLine> lines, ClaimLineResults results)
    {
        var buffer = new PageOfLines();
        PriceLines(claim, lines, buffer[..lines.Length], results);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void PriceManyLines(Claim claim, ReadOnlySpan<ClaimLine> lines, ClaimLineResults results)
    {
        var buffer = new ClaimBases();
        PriceLines(claim, lines, buffer[..lines.Length], results);
    }

    private void PriceLines(Claim claim, ReadOnlySpan<ClaimLine> lines, Span<PfsPrice> prices, ClaimLineResults results)
    {
        var first = results.Count;
        // The rows of the claim's lines are asked for first, so that their cache misses overlap.
        for (var i = 0; i < lines.Length; i++)
            pfs.Prefetch(lines[i].Service);
        for (var i = 0; i < lines.Length; i++)
            prices[i] = pfs.Price(lines[i].Service);
        ReadOnlySpan<PfsPrice> bases = prices;
        if (others is { IsEmpty: false } && !AllPriced(bases))
        {
            // A line the PFS does not pay goes to the other schedules, which only the object API routes to.
            PriceByObjects(claim, results);
            return;
        }

        // The whole-cent path prices the claim whether or not a policy applies (with none, each line is its fee
        // schedule amount times units); it declines claims with a deductible to share out or another coinsurance.
        var mark = results.LabelMark;
        var steps = new BatchSteps(results, first);
        Span<long> allowed = stackalloc long[lines.Length];
        Span<long> charges = stackalloc long[lines.Length];
        if (CentsPolicyPath.TryComputeAllowed(claim, lines, bases, pfs, allowed, charges, ref steps))
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (allowed[i] == CentsPolicyPath.Bundled) results.Add(new ClaimLineResult(bases[i], PricingOutcome.NotPayable, CentsPolicyPath.BundledMessage(lines, bases, i)));
                else results.Add(InCents(bases[i], allowed[i], charges[i]));
            }
            results.EndClaim(first, mark);
            return;
        }
        results.DropLabels(mark);
        PriceByObjects(claim, results);
    }

    /// <summary>
    /// Claims the whole-cent path leaves to the general path (payment modifiers, a non-physician, anesthesia, a
    /// deductible to share out, more than 16 lines, a line another schedule prices): the object API, whose lines are
    /// kept whole.
    /// </summary>
    private void PriceByObjects(Claim claim, ClaimLineResults results)
    {
        var first = results.Count;
        var mark = results.LabelMark;
        var price = Price(claim);
        for (var i = 0; i < price.Lines.Count; i++)
        {
            var line = price.Lines[i];
            foreach (var a in line.Adjustments) results.AddLabel(first + i, a.Policy, a.Detail);
            results.Add(new ClaimLineResult(line));
        }
        results.EndClaim(first, mark);
    }

    private static bool AllPriced(ReadOnlySpan<PfsPrice> bases)
    {
        foreach (ref readonly var b in bases) if (!b.IsPriced) return false;
        return true;
    }

    /// <summary>Room for the fee schedule prices of a claim's lines, on the stack (as many as the whole-cent path takes).</summary>
    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct ClaimBases
    {
        public const int Capacity = CentsPolicyPath.MaxLines;
        private PfsPrice _first;
    }

    /// <summary>Room for the prices of a claim of six lines or fewer: one page of the CMS-1500 form, most claims.</summary>
    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct PageOfLines
    {
        public const int Capacity = 6;
        private PfsPrice _first;
    }

    /// <summary>A line of a claim priced in whole cents (no deductible left, 20% coinsurance); charge -1 when none was billed.</summary>
    private static ClaimLineResult InCents(in PfsPrice b, long allowedCents, long chargeCents)
    {
        if (!b.IsPriced) return new ClaimLineResult(b);
        var lesser = chargeCents >= 0 && chargeCents < allowedCents ? chargeCents : allowedCents;
        var (coinsurance, before, sequestration) = CostSharing.SplitWholeCents(lesser);
        return new ClaimLineResult(b, allowedCents, lesser, patientShare: coinsurance, payment: before - sequestration);
    }


    /// <summary>The steps of the whole-cent path as labels in the results, without their explanations.</summary>
    private readonly struct BatchSteps(ClaimLineResults results, int firstLine) : IPolicySteps
    {
        public void Ranked(int line, int rank, int count, long unitCents, int lineUnits, int unit) =>
            results.AddLabel(firstLine + line, "mult_proc", MultipleProcedures.RankDetail(rank));

        public void Highest(int line, int count) => results.AddLabel(firstLine + line, "mult_proc", MultipleProcedures.HighestDetail);

        public void Diagnostic(int line, string policy, string detail, string component, int rank, int count, long componentCents, decimal reduction, int lineUnits, int unit) =>
            results.AddLabel(firstLine + line, policy, detail);

        public void Therapy(int line, int units, decimal reduced) => results.AddLabel(firstLine + line, "therapy", TherapyReduction.Detail(units));

        public void EndoscopyBaseIncluded(int line, Codes.HcpcsCode family) => results.AddLabel(firstLine + line, "endoscopy", MultipleProcedures.BaseIncludedDetail);

        public void EndoscopyHighest(int line, Codes.HcpcsCode family) => results.AddLabel(firstLine + line, "endoscopy", MultipleProcedures.FamilyHighestDetail);

        public void EndoscopyMinusBase(int line, Codes.HcpcsCode family, long ownCents, long baseCents, long reducedCents) =>
            results.AddLabel(firstLine + line, "endoscopy", MultipleProcedures.MinusBaseDetail(ScaledRates.CentsToDecimal(baseCents)));
    }
}
