using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// The claim policies of the common claim, in whole numbers: physician lines without payment modifiers, no
/// anesthesia, no injection to bundle, no endoscopy family, no deductible left and 20% coinsurance. Then the only
/// rules that can apply are the rankings (multiple surgery, <see cref="MultipleProcedures"/>; diagnostic imaging,
/// cardiovascular and ophthalmology, <see cref="DiagnosticReductions"/>; therapy, <see cref="TherapyReduction"/>),
/// and each unit's amount is a whole number of hundredths of a cent (50%, 5%, 20% and 25% of whole cents), so the
/// line is summed exactly in a <see cref="long"/> and rounded once, half away from zero, as the general path does in
/// <see cref="decimal"/>. No per-line work objects: rankings on the stack, one small explanation object per step.
/// For any other claim <see cref="TryPrice"/> returns null and the general path prices it. The two paths must agree
/// to the cent and word: ClaimPathEquivalenceTests (fixture rows) and ClaimPathRealReleaseTests (every payable row of
/// the real October 2025 release) compare them claim by claim.
/// </summary>
internal static class CentsPolicyPath
{
    internal const int MaxLines = 16;
    private const int MaxUnits = 64;
    private const long Hundredths = 100; // a unit's amount is held in hundredths of a cent

    private static readonly ushort[] PolicyModifiers =
        [.. new[] { "50", "62", "80", "81", "82", "AS", "RT", "LT" }.Select(m => Modifier.Parse(m).Packed)];

    /// <summary>A unit of a line in a ranking, with the amount it is ranked by.</summary>
    private struct Slot<TKey>(int line, int unit, TKey key)
        where TKey : unmanaged, IComparable<TKey>
    {
        public readonly int Line = line;
        public readonly int Unit = unit;
        public readonly TKey Key = key;
    }

    /// <summary>Prices the claim's lines, or returns null when the claim needs the general path.</summary>
    public static ClaimLinePrice[]? TryPrice(Claim claim, ReadOnlySpan<ClaimLine> lines, PfsPrice[] bases, MedicarePfsPricer pricer)
    {
        if (bases.Length > MaxLines) return null;
        Span<long> allowed = stackalloc long[bases.Length];
        var steps = new ObjectSteps(bases.Length);
        if (!TryComputeAllowed(claim, lines, bases, pricer, allowed, ref steps)) return null;
        var results = new ClaimLinePrice[bases.Length];
        for (var i = 0; i < bases.Length; i++)
        {
            ref readonly var b = ref bases[i];
            results[i] = b.IsPriced
                ? MedicareClaimPricer.PricedInCents(lines[i], (bases, i), allowed[i], null, steps.Of(i))
                : new ClaimLinePrice { Line = lines[i], Outcome = b.Outcome, Message = b.Message, BaseSource = (bases, i) };
        }
        return results;
    }

    /// <summary>
    /// The allowed cents of each line (-1 for a line not priced), with each step given to <paramref name="steps"/>;
    /// false when the claim needs the general path (then the steps given so far must be discarded).
    /// </summary>
    internal static bool TryComputeAllowed<TSteps>(Claim claim, ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, MedicarePfsPricer pricer,
        Span<long> allowed, ref TSteps steps)
        where TSteps : struct, IPolicySteps
    {
        var count = bases.Length;
        if (count > MaxLines || (claim.DeductibleRemaining is { } d && d.Amount > 0m) || claim.CoinsuranceRate != CostSharing.DefaultCoinsurance)
            return false;

        Span<int> offsets = stackalloc int[MaxLines + 1];
        var units = 0;
        bool injection = false, others = false;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (!IsPlain(line, bases[i])) return false;
            offsets[i] = units;
            if (bases[i].Entry is { } entry)
            {
                units += line.Service.Units;
                if (units > MaxUnits) return false;
                if (entry.Status == 'T') injection = true;
                else others = true;
            }
        }
        offsets[count] = units;
        if (injection && others) return false; // status T bundling: the general path words the message
        if (FormsEndoscopyFamily(lines, bases)) return false;

        // Each unit's amount in hundredths of a cent, starting at the fee schedule amount.
        Span<long> amounts = stackalloc long[Math.Max(units, 1)];
        for (var i = 0; i < count; i++)
            for (var u = offsets[i]; u < offsets[i + 1]; u++) amounts[u] = bases[i].UnitCents * Hundredths;

        var ties = new TieKeys(claim);
        RankSurgeries(lines, bases, offsets, amounts, ref steps, ref ties);
        foreach (var rule in DiagnosticReductions.Rules)
            ReduceDiagnostics(rule, lines, bases, offsets, amounts, ref steps, ref ties, pricer);
        ReduceTherapy(lines, bases, offsets, amounts, ref steps, ref ties);

        for (var i = 0; i < count; i++)
        {
            if (!bases[i].IsPriced)
            {
                allowed[i] = -1;
                continue;
            }
            long total = 0;
            for (var u = offsets[i]; u < offsets[i + 1]; u++) total += amounts[u];
            if (total < 0) return false; // a reduction below zero: leave it to the decimal path's rounding of negatives
            allowed[i] = (total + (Hundredths / 2)) / Hundredths;
        }
        return true;
    }

    /// <summary>A physician line without payment modifiers, not anesthesia, with a charge in whole cents.</summary>
    private static bool IsPlain(ClaimLine line, in PfsPrice b)
    {
        if (line.Provider != ProviderType.Physician) return false;
        var modifiers = line.Service.Modifiers;
        for (var m = 0; m < modifiers.Count; m++)
            if (Array.IndexOf(PolicyModifiers, modifiers[m].Packed) >= 0) return false;
        if (b.Entry is null)
        {
            // Not priced (a priced line always has its row's entry, and is never status J): anesthesia or not?
            if (b.IsPriced || b.Rvu?.Status == 'J' || (b.Rvu is null && AnesthesiaPricer.IsAnesthesiaCode(line.Service.Code))) return false;
        }
        return line.BilledCharge is not { } charge || ScaledRates.TryToCents(charge.Amount, out _);
    }

    /// <summary>
    /// True when endoscopies of one family (two or more units with the same ENDO BASE, or one with its base code
    /// billed as a surgery) are on the claim: the general path values the family. A lone endoscopy ranks as any
    /// surgery, as in <see cref="MultipleProcedures"/>.
    /// </summary>
    private static bool FormsEndoscopyFamily(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases)
    {
        for (var i = 0; i < bases.Length; i++)
        {
            if (!IsEndoscopy(bases[i])) continue;
            var endoBase = bases[i].Rvu!.EndoscopicBase;
            if (endoBase.Length != 5) continue;
            var familyUnits = 0;
            for (var j = 0; j < bases.Length; j++)
                if (IsEndoscopy(bases[j]) && string.Equals(bases[j].Rvu!.EndoscopicBase, endoBase, StringComparison.Ordinal)) familyUnits += lines[j].Service.Units;
            if (familyUnits >= 2) return true;
            if (!HcpcsCode.TryParse(endoBase, out var baseCode) || baseCode.ToString() != endoBase) return true; // cannot tell: general path
            for (var j = 0; j < bases.Length; j++)
                if (IsSurgery(bases[j]) && bases[j].Entry!.MultipleProcedure != '3' && lines[j].Service.Code == baseCode) return true;
        }
        return false;
    }

    private static bool IsEndoscopy(in PfsPrice b) => IsSurgery(b) && b.Entry!.MultipleProcedure == '3';

    /// <summary>A line ranked as a surgery: MULT PROC 1, 2 or 3, not an add-on code.</summary>
    private static bool IsSurgery(in PfsPrice b) => b.IsPriced && b.Entry is { MultipleProcedure: '1' or '2' or '3', AddOn: false };

    private static void RankSurgeries<TSteps>(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, ReadOnlySpan<int> offsets, Span<long> amounts, ref TSteps steps, ref TieKeys ties)
        where TSteps : struct, IPolicySteps
    {
        var count = 0;
        for (var i = 0; i < bases.Length; i++)
            if (IsSurgery(bases[i])) count += offsets[i + 1] - offsets[i];
        if (count < 2) return;

        Span<Slot<long>> slots = stackalloc Slot<long>[count];
        var n = 0;
        for (var i = 0; i < bases.Length; i++)
        {
            if (!IsSurgery(bases[i])) continue;
            for (var u = 0; u < offsets[i + 1] - offsets[i]; u++) slots[n++] = new Slot<long>(i, u, bases[i].UnitCents);
        }
        Sort(slots, ref ties);
        for (var r = 1; r < count; r++)
        {
            var s = slots[r];
            amounts[offsets[s.Line] + s.Unit] /= 2; // MultipleProcedures.SecondaryShare, 50%: exact, the amount is even (cents x 100)
            steps.Ranked(s.Line, r + 1, count, s.Key, lines[s.Line].Service.Units, s.Unit);
        }
        var first = slots[0].Line;
        if (!steps.HasAny(first)) steps.Highest(first, count);
    }

    private static void ReduceDiagnostics<TSteps>(DiagnosticReductions.Rule rule, ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, ReadOnlySpan<int> offsets, Span<long> amounts,
        ref TSteps steps, ref TieKeys ties, MedicarePfsPricer pricer)
        where TSteps : struct, IPolicySteps
    {
        var count = 0;
        for (var i = 0; i < bases.Length; i++)
            if (Follows(bases[i], rule.Indicator)) count += offsets[i + 1] - offsets[i];
        if (count < 2) return;

        Span<Slot<long>> tc = stackalloc Slot<long>[count];
        Span<Slot<long>> pc = stackalloc Slot<long>[count];
        int tcCount = 0, pcCount = 0;
        for (var i = 0; i < bases.Length; i++)
        {
            if (!Follows(bases[i], rule.Indicator)) continue;
            var (tcCents, pcCents) = Components(lines[i], bases[i], pricer);
            for (var u = 0; u < offsets[i + 1] - offsets[i]; u++)
            {
                if (tcCents > 0) tc[tcCount++] = new Slot<long>(i, u, tcCents);
                if (pcCents > 0) pc[pcCount++] = new Slot<long>(i, u, pcCents);
            }
        }
        Reduce(tc[..tcCount], rule.TcReduction, rule.Policy, "TC", lines, offsets, amounts, ref steps, ref ties);
        Reduce(pc[..pcCount], rule.PcReduction, rule.Policy, "PC", lines, offsets, amounts, ref steps, ref ties);
    }

    private static bool Follows(in PfsPrice b, char indicator) => b.IsPriced && b.Entry!.MultipleProcedure == indicator;

    private static void Reduce<TSteps>(Span<Slot<long>> slots, decimal reduction, string policy, string component, ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<int> offsets,
        Span<long> amounts, ref TSteps steps, ref TieKeys ties)
        where TSteps : struct, IPolicySteps
    {
        if (reduction == 0m || slots.Length < 2) return;
        // 50%, 5%, 25% or 20% of whole cents: a whole number of hundredths of a cent.
        var percent = (long)(reduction * 100m);
        Sort(slots, ref ties);
        var detail = DiagnosticReductions.Detail(component, reduction);
        var count = slots.Length;
        for (var r = 1; r < count; r++)
        {
            var s = slots[r];
            amounts[offsets[s.Line] + s.Unit] -= s.Key * percent;
            steps.Diagnostic(s.Line, policy, detail, component, r + 1, count, s.Key, reduction, lines[s.Line].Service.Units, s.Unit);
        }
    }

    /// <summary>The TC and PC cents of one unit (as <see cref="DiagnosticReductions"/> takes them).</summary>
    private static (long Tc, long Pc) Components(ClaimLine line, in PfsPrice b, MedicarePfsPricer pricer)
    {
        var row = b.Rvu!;
        if (row.Modifier == Modifier.TechnicalComponent) return (b.UnitCents, 0);
        if (row.Modifier == Modifier.ProfessionalComponent) return (0, b.UnitCents);
        if (row.PcTcIndicator == '3') return (b.UnitCents, 0);
        if (row.PcTcIndicator == '2') return (0, b.UnitCents);
        var s = line.Service;
        var tc = pricer.Price(s with { Modifiers = new ModifierList(Modifier.TechnicalComponent), Units = 1 });
        var pc = pricer.Price(s with { Modifiers = new ModifierList(Modifier.ProfessionalComponent), Units = 1 });
        return (tc.IsPriced ? tc.UnitCents : b.UnitCents, pc.IsPriced ? pc.UnitCents : 0);
    }

    private static void ReduceTherapy<TSteps>(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, ReadOnlySpan<int> offsets, Span<long> amounts, ref TSteps steps, ref TieKeys ties)
        where TSteps : struct, IPolicySteps
    {
        var count = 0;
        for (var i = 0; i < bases.Length; i++)
            if (Follows(bases[i], '5')) count += offsets[i + 1] - offsets[i];
        if (count < 2) return;

        Span<Slot<decimal>> slots = stackalloc Slot<decimal>[count];
        var n = 0;
        for (var i = 0; i < bases.Length; i++)
        {
            if (!Follows(bases[i], '5')) continue;
            var pe = TherapyReduction.PePayment(bases[i]);
            for (var u = 0; u < offsets[i + 1] - offsets[i]; u++) slots[n++] = new Slot<decimal>(i, u, pe);
        }
        Sort(slots, ref ties);
        // Every unit after the highest is paid at the reduced amount; each line says how many of its units were.
        for (var r = 1; r < count; r++)
        {
            var line = slots[r].Line;
            var seen = false;
            for (var k = 1; k < r; k++) seen |= slots[k].Line == line;
            if (seen) continue; // the line's step was added with its first reduced unit
            var reducedUnits = 0;
            for (var k = r; k < count; k++) if (slots[k].Line == line) reducedUnits++;
            var reduced = TherapyReduction.ReducedAmount(bases[line]);
            var reducedCents = ScaledRates.TryToCents(reduced, out var c) ? c : throw new InvalidOperationException("a rounded amount is whole cents");
            for (var k = r; k < count; k++)
                if (slots[k].Line == line) amounts[offsets[line] + slots[k].Unit] = reducedCents * Hundredths;
            steps.Therapy(line, reducedUnits, reduced);
        }
    }

    /// <summary>Highest key first; ties by code, modifiers and line id, then unit (as the general path ranks).</summary>
    private static void Sort<TKey>(Span<Slot<TKey>> slots, ref TieKeys ties) where TKey : unmanaged, IComparable<TKey>
    {
        // Insertion sort: a claim ranks a handful of units, and this allocates nothing.
        for (var i = 1; i < slots.Length; i++)
        {
            var s = slots[i];
            var j = i - 1;
            while (j >= 0 && Compare(s, slots[j], ref ties) < 0)
            {
                slots[j + 1] = slots[j];
                j--;
            }
            slots[j + 1] = s;
        }
    }

    private static int Compare<TKey>(in Slot<TKey> a, in Slot<TKey> b, ref TieKeys ties) where TKey : unmanaged, IComparable<TKey>
    {
        var c = b.Key.CompareTo(a.Key);
        if (c != 0) return c;
        if (a.Line != b.Line) c = string.CompareOrdinal(ties.Of(a.Line), ties.Of(b.Line));
        return c != 0 ? c : a.Unit.CompareTo(b.Unit);
    }

    /// <summary>The lines' tie keys, built only when two amounts tie (rare: most ties are units of one line).</summary>
    private struct TieKeys(Claim claim)
    {
        private string?[]? _keys;

        public string Of(int line) => (_keys ??= new string?[claim.Lines.Count])[line] ??= LineWork.TieKeyOf(claim.Lines[line]);
    }
}
