using FeeEngine.Core.Codes;
using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Prices a claim with Medicare's payment policies (reference sections 3, 4 and 7). Order: each line's fee schedule
/// amount (or anesthesia amount); status T injections bundled when other PFS services are billed; the line's own
/// modifiers and provider (bilateral 50, co-surgeons 62, assistants 80/81/82/AS, NPP 85%); multiple procedures
/// (with RT/LT pairs and endoscopy families); diagnostic imaging, cardiovascular and ophthalmology reductions;
/// therapy reduction; then each line is rounded once to cents, and the lesser of billed charge and allowed is split
/// between the patient (deductible, coinsurance) and Medicare (less 2% sequestration).
/// The result does not depend on the order of the lines: rankings break ties by code, modifiers and line id, and
/// the deductible is taken in line-id order.
/// </summary>
/// <param name="others">The other Medicare schedules (lab, DMEPOS, drugs) for lines the PFS does not pay; none by default.</param>
public sealed partial class MedicareClaimPricer(MedicarePfsPricer pfs, AnesthesiaPricer anesthesia, OtherSchedules? others = null)
{
    public MedicarePfsPricer Pfs => pfs;

    public OtherSchedules Others => others ?? OtherSchedules.None;

    public ClaimPrice Price(Claim claim)
    {
        var price = PricePfs(claim);
        return others is null || others.IsEmpty || AllPriced(price) ? price : OtherScheduleRouting.Route(claim, price, others);
    }

    private static bool AllPriced(ClaimPrice price)
    {
        foreach (var line in price.Lines) if (!line.IsPriced) return false;
        return true;
    }

    /// <summary>The claim by the PFS (and anesthesia) with every payment policy.</summary>
    private ClaimPrice PricePfs(Claim claim)
    {
        var lines = LinesOf(claim);
        var bases = new PfsPrice[lines.Length];
        for (var i = 0; i < bases.Length; i++)
            bases[i] = pfs.Price(lines[i].Service);
        if (!NeedsPolicies(lines, bases))
            return new ClaimPrice(claim, WithoutPolicies(claim, bases));
        if (CentsPolicyPath.TryPrice(claim, lines, bases, pfs) is { } inCents)
            return new ClaimPrice(claim, inCents);
        return new ClaimPrice(claim, WithGeneralPolicies(claim, bases));
    }

    /// <summary>
    /// The claim through the general policy path only (no whole-cent shortcut): tests compare the two paths with it.
    /// </summary>
    internal ClaimPrice PriceWithGeneralPath(Claim claim)
    {
        var bases = new PfsPrice[claim.Lines.Count];
        for (var i = 0; i < bases.Length; i++)
            bases[i] = pfs.Price(claim.Lines[i].Service);
        return new ClaimPrice(claim, NeedsPolicies(LinesOf(claim), bases) ? WithGeneralPolicies(claim, bases) : WithoutPolicies(claim, bases));
    }

    /// <summary>The claim's lines as a span (arrays and lists without a copy): the hot paths read them many times.</summary>
    internal static ReadOnlySpan<ClaimLine> LinesOf(Claim claim) => claim.Lines switch
    {
        ClaimLine[] array => array,
        List<ClaimLine> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        var other => other.ToArray(),
    };

    /// <summary>Every policy, on per-line work objects in <see cref="decimal"/>: any claim.</summary>
    private ClaimLinePrice[] WithGeneralPolicies(Claim claim, PfsPrice[] bases)
    {
        var lines = new LineWork[claim.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = PriceLine(i, claim.Lines[i], bases[i]);

        BundleInjections(lines);
        foreach (var w in lines) LinePolicies.Apply(w);
        BilateralPairs.Apply(lines);
        MultipleProcedures.Apply(lines, pfs);
        DiagnosticReductions.Apply(lines, pfs);
        TherapyReduction.Apply(lines);

        return Finish(claim, lines, bases);
    }

    /// <summary>
    /// True when some rule could change a line: a payment modifier, a non-physician provider, anesthesia, an
    /// injection with other services, or two or more units under one multiple-procedure rule. Most claims (visits,
    /// tests) need none, and are priced without the policy machinery.
    /// </summary>
    internal static bool NeedsPolicies(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases)
    {
        int surgery = 0, imaging = 0, cardiovascular = 0, ophthalmology = 0, therapy = 0, others = 0;
        var injection = false;
        for (var i = 0; i < bases.Length; i++)
        {
            var line = lines[i];
            if (line.Provider != ProviderType.Physician) return true;
            if (PaymentModifiers.Any(line.Service.Modifiers)) return true;
            ref readonly var b = ref bases[i];
            if (!b.IsPriced)
            {
                // Not priced: only anesthesia (status J, or an anesthesia code the file lacks) needs the claim pricer.
                if (b.Rvu?.Status == 'J' || (b.Rvu is null && AnesthesiaPricer.IsAnesthesiaCode(line.Service.Code))) return true;
                continue;
            }
            var row = b.RowFacts;
            if (row.Status == 'T') injection = true;
            else others++;
            var units = line.Service.Units;
            switch (row.MultipleProcedure)
            {
                case '1' or '2' or '3' when !row.IsAddOn: surgery += units; break;
                case '4': imaging += units; break;
                case '5': therapy += units; break;
                case '6': cardiovascular += units; break;
                case '7': ophthalmology += units; break;
            }
        }
        return (injection && others > 0) || surgery >= 2 || imaging >= 2 || therapy >= 2 || cardiovascular >= 2 || ophthalmology >= 2;
    }

    private static ClaimLinePrice[] WithoutPolicies(Claim claim, PfsPrice[] bases)
    {
        var results = new ClaimLinePrice[bases.Length];
        var deductible = claim.DeductibleRemaining?.Amount ?? 0m;
        if (deductible <= 0m && claim.CoinsuranceRate == CostSharing.DefaultCoinsurance)
        {
            // The common case: no deductible to share out, so order does not matter and everything is whole cents.
            for (var i = 0; i < bases.Length; i++)
            {
                var line = claim.Lines[i];
                ref readonly var b = ref bases[i];
                results[i] = b.IsPriced
                    ? PricedInCents(line, (bases, i), b.UnitCents * line.Service.Units)
                    : new ClaimLinePrice { Line = line, Outcome = b.Outcome, Message = b.Message, BaseSource = (bases, i) };
            }
            return results;
        }
        foreach (var i in CostSharingOrder(claim, deductible))
        {
            var line = claim.Lines[i];
            ref readonly var b = ref bases[i];
            results[i] = b.IsPriced
                ? Priced(line, (bases, i), null, [], b.Allowed, ref deductible, claim.CoinsuranceRate)
                : new ClaimLinePrice { Line = line, Outcome = b.Outcome, Message = b.Message, BaseSource = (bases, i) };
        }
        return results;
    }

    /// <summary>A priced line with no deductible left and 20% coinsurance, all in whole cents.</summary>
    internal static ClaimLinePrice PricedInCents(ClaimLine line, (PfsPrice[]? Prices, int Index) basePrice, long allowedCents,
        AnesthesiaPrice? anesthesia = null, IReadOnlyList<Adjustment>? adjustments = null)
    {
        var (lesserCents, coinsurance, before, sequestration) = SplitInCents(line, allowedCents);
        return new ClaimLinePrice
        {
            Line = line, Outcome = PricingOutcome.Priced, BaseSource = basePrice, Anesthesia = anesthesia, Adjustments = adjustments ?? [],
            Cents = (allowedCents, lesserCents, 0, coinsurance, before, sequestration),
        };
    }

    /// <summary>The lesser of the charge and allowed, and its split, with no deductible left and 20% coinsurance.</summary>
    internal static (long Lesser, long Coinsurance, long BeforeSequestration, long Sequestration) SplitInCents(ClaimLine line, long allowedCents)
    {
        var lesserCents = allowedCents;
        if (line.BilledCharge is { } billed && ScaledRates.TryToCents(billed.Amount, out var chargeCents) && chargeCents < lesserCents) lesserCents = chargeCents;
        var (coinsurance, before, sequestration) = CostSharing.SplitWholeCents(lesserCents);
        return (lesserCents, coinsurance, before, sequestration);
    }

    /// <summary>The order lines take the deductible in: line-id order (numeric where the ids are numbers), never file order.</summary>
    internal static int[] CostSharingOrder(Claim claim, decimal deductible)
    {
        var count = claim.Lines.Count;
        if (deductible <= 0m) return count < Identity.Length ? Identity[count] : [.. Enumerable.Range(0, count)]; // any order gives the same amounts
        return Enumerable.Range(0, count).OrderBy(i => LineOrder(claim.Lines[i].LineId)).ThenBy(i => claim.Lines[i].LineId, StringComparer.Ordinal)
            .ThenBy(i => claim.Lines[i].Service.Code.ToString(), StringComparer.Ordinal).ThenBy(i => claim.Lines[i].Service.Modifiers.ToString(), StringComparer.Ordinal).ToArray();
    }

    // 0..n-1 for the common claim sizes, shared: read-only once built.
    private static readonly int[][] Identity = [.. Enumerable.Range(0, 64).Select(n => Enumerable.Range(0, n).ToArray())];

    private static ClaimLinePrice Priced(ClaimLine line, (PfsPrice[]? Prices, int Index) basePrice, AnesthesiaPrice? anesthesia, IReadOnlyList<Adjustment> adjustments,
        Money.Money allowed, ref decimal deductible, decimal coinsuranceRate)
    {
        if (deductible <= 0m && coinsuranceRate == CostSharing.DefaultCoinsurance && ScaledRates.TryToCents(allowed.Amount, out var allowedCents)
            && (line.BilledCharge is not { } billed || ScaledRates.TryToCents(billed.Amount, out _)))
            return PricedInCents(line, basePrice, allowedCents, anesthesia, adjustments);
        var lesser = line.BilledCharge is { } charge ? Money.Money.Min(charge, allowed) : allowed;
        var split = CostSharing.Apply(lesser, ref deductible, coinsuranceRate);
        return new ClaimLinePrice
        {
            Line = line,
            Outcome = PricingOutcome.Priced,
            BaseSource = basePrice,
            Anesthesia = anesthesia,
            Adjustments = adjustments,
            Allowed = allowed,
            LesserOfBilled = lesser,
            Deductible = split.Deductible,
            Coinsurance = split.Coinsurance,
            PaymentBeforeSequestration = split.BeforeSequestration,
            Sequestration = split.Sequestration,
        };
    }

    private LineWork PriceLine(int index, ClaimLine line, PfsPrice basePrice)
    {
        var isAnesthesia = basePrice.Rvu?.Status == 'J' || (basePrice.Rvu is null && AnesthesiaPricer.IsAnesthesiaCode(line.Service.Code));
        if (!isAnesthesia) return new LineWork(index, line, basePrice);

        var a = anesthesia.Price(line.Service, line.AnesthesiaMinutes);
        var w = new LineWork(index, line, basePrice) { Anesthesia = a, Outcome = a.Outcome, Message = a.Message };
        return w;
    }

    /// <summary>
    /// Status T (injections): paid only when no other PFS service is billed on the same date by the same provider;
    /// otherwise bundled into the other services.
    /// </summary>
    private static void BundleInjections(LineWork[] lines)
    {
        if (!Array.Exists(lines, w => w.IsPriced && w.Anesthesia is null && w.Row?.Status == 'T')) return;
        var others = lines.Where(w => w.IsPriced && w.Anesthesia is null && w.Row?.Status is 'A' or 'R').Select(w => w.Code.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (others.Count == 0) return;
        foreach (var w in lines.Where(w => w.IsPriced && w.Anesthesia is null && w.Row?.Status == 'T'))
            w.NotPayable(InjectionBundled(w.Row!.Key, others));
    }

    /// <summary>Why a status T line is not paid: the other services billed with it (their codes, each once, in code order).</summary>
    internal static string InjectionBundled(RvuKey injection, IEnumerable<string> others) =>
        $"not payable: {injection} has status T (injection), paid only when no other PFS service is billed the same day by the same provider; bundled with {string.Join(", ", others)}";

    private static ClaimLinePrice[] Finish(Claim claim, LineWork[] lines, PfsPrice[] bases)
    {
        var results = new ClaimLinePrice[lines.Length];
        var deductible = claim.DeductibleRemaining?.Amount ?? 0m;
        foreach (var i in CostSharingOrder(claim, deductible))
        {
            var w = lines[i];
            var basePrice = w.Anesthesia is null ? (bases, i) : ((PfsPrice[]?)null, 0);
            if (!w.IsPriced)
            {
                results[i] = new ClaimLinePrice
                {
                    Line = w.Line, Outcome = w.Outcome, Message = w.Message, BaseSource = basePrice, Anesthesia = w.Anesthesia, Adjustments = w.Adjustments,
                };
                continue;
            }
            var allowed = w.Anesthesia is { } a
                ? a.Allowed
                : Money.PfsRounding.ToCents(new Money.Money(w.Total()));
            results[i] = Priced(w.Line, basePrice, w.Anesthesia, w.Adjustments, allowed, ref deductible, claim.CoinsuranceRate);
        }
        return results;
    }

    private static long LineOrder(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
}
