using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// The claim policies of the common claim, in whole numbers: physician lines without payment modifiers, no
/// anesthesia, no deductible left and 20% coinsurance. Then the only rules that can apply are status T bundling and
/// the rankings (multiple surgery with endoscopy families, <see cref="MultipleProcedures"/>; diagnostic imaging,
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

    /// <summary>
    /// A unit of a line in a ranking, with the amount it is ranked by. In the multiple surgery ranking a slot can
    /// stand for a whole endoscopy family: then its units are <see cref="Count"/> entries from <see cref="From"/> of
    /// the family members' slots.
    /// </summary>
    private readonly struct Slot<TKey>(int line, int unit, TKey key, int from = -1, int count = 0)
        where TKey : unmanaged, IComparable<TKey>
    {
        public readonly int Line = line;
        public readonly int Unit = unit;
        public readonly TKey Key = key;
        public readonly int From = from;
        public readonly int Count = count;
    }

    // What a priced line is to the rankings: its MULT PROC indicator, surgeries (1, 2, 3) only when not add-ons; or
    // an injection bundled into the claim's other services (not paid, not ranked).
    private const byte NotRanked = 0, Surgery = 1, Endoscopy = 2, Imaging = 4, Therapy = 5, Cardiovascular = 6, Ophthalmology = 7, BundledInjection = 9;

    /// <summary>The allowed cents <see cref="TryComputeAllowed"/> gives a status T line bundled into the other services (see <see cref="BundledMessage"/>).</summary>
    internal const long Bundled = -2;

    /// <summary>Prices the claim's lines, or returns null when the claim needs the general path.</summary>
    public static ClaimLinePrice[]? TryPrice(Claim claim, ReadOnlySpan<ClaimLine> lines, PfsPrice[] bases, MedicarePfsPricer pricer)
    {
        if (bases.Length > MaxLines) return null;
        Span<long> allowed = stackalloc long[bases.Length];
        Span<long> charges = stackalloc long[bases.Length];
        var steps = new ObjectSteps(bases.Length);
        if (!TryComputeAllowed(claim, lines, bases, pricer, allowed, charges, ref steps)) return null;
        var results = new ClaimLinePrice[bases.Length];
        for (var i = 0; i < bases.Length; i++)
        {
            ref readonly var b = ref bases[i];
            results[i] = !b.IsPriced ? new ClaimLinePrice { Line = lines[i], Outcome = b.Outcome, Message = b.Message, BaseSource = (bases, i) }
                : allowed[i] == Bundled ? new ClaimLinePrice { Line = lines[i], Outcome = PricingOutcome.NotPayable, Message = BundledMessage(lines, bases, i), BaseSource = (bases, i) }
                : MedicareClaimPricer.PricedInCents(lines[i], (bases, i), allowed[i], null, steps.Of(i));
        }
        return results;
    }

    /// <summary>
    /// The allowed cents of each line (-1 for a line not priced, <see cref="Bundled"/> for an injection bundled into
    /// the claim's other services) and its billed charge in cents (-1 when none), with
    /// each step given to <paramref name="steps"/>; false when the claim needs the general path (then the steps
    /// given so far must be discarded).
    /// </summary>
    internal static bool TryComputeAllowed<TSteps>(Claim claim, ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, MedicarePfsPricer pricer,
        Span<long> allowed, Span<long> charges, ref TSteps steps)
        where TSteps : struct, IPolicySteps
    {
        var count = bases.Length;
        if (count > MaxLines || (claim.DeductibleRemaining is { } d && d.Amount > 0m) || claim.CoinsuranceRate != CostSharing.DefaultCoinsurance)
            return false;

        // One pass over the lines: whether the path can take each, its units' place, and what it is to the rankings.
        Span<int> offsets = stackalloc int[MaxLines + 1];
        Span<byte> kinds = stackalloc byte[MaxLines];
        var units = 0;
        int surgeries = 0, imaging = 0, therapy = 0, cardiovascular = 0, ophthalmology = 0;
        bool injection = false, others = false, endoscopy = false;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (!IsPlain(line, bases[i], out charges[i])) return false;
            offsets[i] = units;
            kinds[i] = NotRanked;
            if (!bases[i].IsPriced) continue;
            var row = bases[i].RowFacts;
            var lineUnits = line.Service.Units;
            units += lineUnits;
            if (units > MaxUnits) return false;
            if (row.Status == 'T') injection = true;
            else others = true;
            switch (row.MultipleProcedure)
            {
                case '1' or '2' when !row.IsAddOn: kinds[i] = Surgery; surgeries += lineUnits; break;
                case '3' when !row.IsAddOn:
                    var family = row.Has(RvuFlags.HasEndoscopicBase);
                    if (family && !row.Has(RvuFlags.EndoscopicBaseIsCode)) return false; // a family key the general path compares as text
                    kinds[i] = family ? Endoscopy : Surgery;
                    endoscopy |= family;
                    surgeries += lineUnits;
                    break;
                case '4': kinds[i] = Imaging; imaging += lineUnits; break;
                case '5': kinds[i] = Therapy; therapy += lineUnits; break;
                case '6': kinds[i] = Cardiovascular; cardiovascular += lineUnits; break;
                case '7': kinds[i] = Ophthalmology; ophthalmology += lineUnits; break;
            }
        }
        offsets[count] = units;
        if (injection && others)
        {
            // Status T: an injection is paid only when nothing else is billed; bundled, it is not ranked either.
            for (var i = 0; i < count; i++)
            {
                if (!bases[i].IsPriced || bases[i].RowFacts.Status != 'T') continue;
                var lineUnits = lines[i].Service.Units;
                switch (kinds[i])
                {
                    case Surgery or Endoscopy: surgeries -= lineUnits; break;
                    case Imaging: imaging -= lineUnits; break;
                    case Therapy: therapy -= lineUnits; break;
                    case Cardiovascular: cardiovascular -= lineUnits; break;
                    case Ophthalmology: ophthalmology -= lineUnits; break;
                }
                kinds[i] = BundledInjection;
            }
        }

        // Each unit's amount in hundredths of a cent, starting at the fee schedule amount.
        Span<long> amounts = stackalloc long[Math.Max(units, 1)];
        for (var i = 0; i < count; i++)
            for (var u = offsets[i]; u < offsets[i + 1]; u++) amounts[u] = bases[i].UnitCents * Hundredths;

        var ties = new TieKeys(claim);
        var claimLines = new ClaimLines(lines, bases, kinds, offsets);
        if (surgeries >= 2) RankSurgeries(claimLines, surgeries, endoscopy, amounts, ref steps, ref ties, pricer);
        if (imaging >= 2) ReduceDiagnostics(DiagnosticReductions.Rules[0], claimLines, Imaging, imaging, amounts, ref steps, ref ties, pricer);
        if (cardiovascular >= 2) ReduceDiagnostics(DiagnosticReductions.Rules[1], claimLines, Cardiovascular, cardiovascular, amounts, ref steps, ref ties, pricer);
        if (ophthalmology >= 2) ReduceDiagnostics(DiagnosticReductions.Rules[2], claimLines, Ophthalmology, ophthalmology, amounts, ref steps, ref ties, pricer);
        if (therapy >= 2) ReduceTherapy(claimLines, therapy, amounts, ref steps, ref ties);

        for (var i = 0; i < count; i++)
        {
            if (!bases[i].IsPriced || kinds[i] == BundledInjection)
            {
                allowed[i] = bases[i].IsPriced ? Bundled : -1;
                continue;
            }
            long total = 0;
            for (var u = offsets[i]; u < offsets[i + 1]; u++) total += amounts[u];
            if (total < 0) return false; // a reduction below zero: leave it to the decimal path's rounding of negatives
            allowed[i] = (total + (Hundredths / 2)) / Hundredths;
        }
        return true;
    }

    /// <summary>Why the status T line <paramref name="line"/> is not paid (worded as the general path words it).</summary>
    internal static string BundledMessage(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, int line)
    {
        var others = new SortedSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < lines.Length; j++)
            if (bases[j].IsPriced && bases[j].RowFacts.Status is 'A' or 'R') others.Add(lines[j].Service.Code.ToString());
        return MedicareClaimPricer.InjectionBundled(bases[line].Rvu!.Key, others);
    }

    /// <summary>The claim's lines as the rankings read them: the lines, their prices, kinds and units' places.</summary>
    private readonly ref struct ClaimLines(ReadOnlySpan<ClaimLine> lines, ReadOnlySpan<PfsPrice> bases, ReadOnlySpan<byte> kinds, ReadOnlySpan<int> offsets)
    {
        public readonly ReadOnlySpan<ClaimLine> Lines = lines;
        public readonly ReadOnlySpan<PfsPrice> Bases = bases;
        public readonly ReadOnlySpan<byte> Kinds = kinds;
        public readonly ReadOnlySpan<int> Offsets = offsets;

        public int Count => Bases.Length;
        public int UnitsOf(int line) => Offsets[line + 1] - Offsets[line];
        public int Place(int line, int unit) => Offsets[line] + unit;
        public bool IsSurgery(int line) => Kinds[line] is Surgery or Endoscopy;
    }

    /// <summary>
    /// A physician line without payment modifiers, not anesthesia, with a charge in whole cents (given in
    /// <paramref name="chargeCents"/>, -1 when the line has none).
    /// </summary>
    private static bool IsPlain(ClaimLine line, in PfsPrice b, out long chargeCents)
    {
        chargeCents = -1;
        if (line.Provider != ProviderType.Physician) return false;
        if (PaymentModifiers.Any(line.Service.Modifiers)) return false;
        // Not priced (a priced line is never status J): anesthesia or not?
        if (!b.IsPriced && (b.Rvu?.Status == 'J' || (b.Rvu is null && AnesthesiaPricer.IsAnesthesiaCode(line.Service.Code)))) return false;
        return line.BilledCharge is not { } charge || ScaledRates.TryToCents(charge.Amount, out chargeCents);
    }

    /// <summary>
    /// Multiple surgery: endoscopy families valued first (as <see cref="MultipleProcedures"/> does: the highest
    /// member in full, each other unit at its fee less the base endoscopy's, a billed base not paid separately),
    /// then every other surgery unit and each family ranked as one procedure; 50% from the second on.
    /// </summary>
    private static void RankSurgeries<TSteps>(in ClaimLines claim, int surgeryUnits, bool endoscopy, Span<long> amounts, ref TSteps steps, ref TieKeys ties,
        MedicarePfsPricer pricer)
        where TSteps : struct, IPolicySteps
    {
        Span<Slot<long>> procedures = stackalloc Slot<long>[surgeryUnits];
        Span<Slot<long>> members = stackalloc Slot<long>[endoscopy ? surgeryUnits : 0];
        Span<bool> inFamily = stackalloc bool[claim.Count]; // a member or the billed base of a valued family
        var n = 0;
        if (endoscopy) n = ValueEndoscopyFamilies(claim, amounts, procedures, members, inFamily, ref steps, ref ties, pricer);
        for (var i = 0; i < claim.Count; i++)
        {
            if (!claim.IsSurgery(i) || inFamily[i]) continue;
            for (var u = 0; u < claim.UnitsOf(i); u++) procedures[n++] = new Slot<long>(i, u, claim.Bases[i].UnitCents);
        }
        if (n < 2) return;
        procedures = procedures[..n];
        Sort(procedures, ref ties);

        Span<bool> ranked = stackalloc bool[claim.Count]; // lines with a mult_proc step
        for (var r = 1; r < n; r++)
        {
            var p = procedures[r];
            for (var k = 0; k < Math.Max(p.Count, 1); k++)
            {
                var (line, unit) = p.From < 0 ? (p.Line, p.Unit) : (members[p.From + k].Line, members[p.From + k].Unit);
                amounts[claim.Place(line, unit)] /= 2; // MultipleProcedures.SecondaryShare, 50%: exact, the amount is even (cents x 100)
                steps.Ranked(line, r + 1, n, p.Key, claim.UnitsOf(line), unit);
                ranked[line] = true;
            }
        }
        var highest = procedures[0];
        for (var k = 0; k < Math.Max(highest.Count, 1); k++)
        {
            var line = highest.From < 0 ? highest.Line : members[highest.From + k].Line;
            if (ranked[line]) continue;
            steps.Highest(line, n);
            ranked[line] = true;
        }
    }

    /// <summary>
    /// Values each endoscopy family of two or more units (its members, or one member and its billed base) and adds
    /// it to <paramref name="procedures"/> as one procedure; returns how many were added. A lone endoscopy is left
    /// to rank as any surgery.
    /// </summary>
    private static int ValueEndoscopyFamilies<TSteps>(in ClaimLines claim, Span<long> amounts, Span<Slot<long>> procedures, Span<Slot<long>> members,
        Span<bool> inFamily, ref TSteps steps, ref TieKeys ties, MedicarePfsPricer pricer)
        where TSteps : struct, IPolicySteps
    {
        Span<bool> grouped = stackalloc bool[claim.Count];
        int n = 0, used = 0;
        for (var i = 0; i < claim.Count; i++)
        {
            if (claim.Kinds[i] != Endoscopy || grouped[i]) continue;
            var family = claim.Bases[i].Entry!.EndoscopicBase;
            int memberUnits = 0, baseUnits = 0;
            for (var j = i; j < claim.Count; j++)
            {
                if (claim.Kinds[j] == Endoscopy && claim.Bases[j].Entry!.EndoscopicBase == family)
                {
                    grouped[j] = true;
                    memberUnits += claim.UnitsOf(j);
                }
            }
            for (var j = 0; j < claim.Count; j++)
                if (IsBilledBase(claim, j, family)) baseUnits += claim.UnitsOf(j);
            if (memberUnits + baseUnits < 2) continue;

            // The base's own full row in the same place, setting and date (as the general path prices it).
            var first = claim.Lines[i].Service;
            var basePrice = pricer.Price(first with { Code = family, Modifiers = default, Units = 1 });
            var baseFee = basePrice.IsPriced ? basePrice.UnitCents : -1;
            for (var j = 0; j < claim.Count; j++)
            {
                if (!IsBilledBase(claim, j, family)) continue;
                for (var u = 0; u < claim.UnitsOf(j); u++) amounts[claim.Place(j, u)] = 0;
                steps.EndoscopyBaseIncluded(j, family);
                inFamily[j] = true;
            }
            var from = used;
            for (var j = i; j < claim.Count; j++)
            {
                if (claim.Kinds[j] != Endoscopy || claim.Bases[j].Entry!.EndoscopicBase != family) continue;
                inFamily[j] = true;
                for (var u = 0; u < claim.UnitsOf(j); u++) members[used++] = new Slot<long>(j, u, claim.Bases[j].UnitCents);
            }
            var slots = members[from..used];
            Sort(slots, ref ties);
            long value = 0;
            for (var k = 0; k < slots.Length; k++)
            {
                var s = slots[k];
                if (k == 0)
                {
                    steps.EndoscopyHighest(s.Line, family);
                }
                else if (baseFee >= 0)
                {
                    var reduced = Math.Max(0, s.Key - baseFee);
                    amounts[claim.Place(s.Line, s.Unit)] = reduced * Hundredths;
                    steps.EndoscopyMinusBase(s.Line, family, s.Key, baseFee, reduced);
                }
                value += amounts[claim.Place(s.Line, s.Unit)] / Hundredths;
            }
            procedures[n++] = new Slot<long>(slots[0].Line, slots[0].Unit, value, from, slots.Length);
        }
        return n;
    }

    /// <summary>The family's base endoscopy billed as a surgery of its own (not itself an endoscopy of a family).</summary>
    private static bool IsBilledBase(in ClaimLines claim, int line, Codes.HcpcsCode family) =>
        claim.IsSurgery(line) && claim.Bases[line].RowFacts.MultipleProcedure != '3' && claim.Lines[line].Service.Code == family;

    private static void ReduceDiagnostics<TSteps>(DiagnosticReductions.Rule rule, in ClaimLines claim, byte kind, int units, Span<long> amounts,
        ref TSteps steps, ref TieKeys ties, MedicarePfsPricer pricer)
        where TSteps : struct, IPolicySteps
    {
        Span<Slot<long>> tc = stackalloc Slot<long>[units];
        Span<Slot<long>> pc = stackalloc Slot<long>[units];
        int tcCount = 0, pcCount = 0;
        for (var i = 0; i < claim.Count; i++)
        {
            if (claim.Kinds[i] != kind) continue;
            var (tcCents, pcCents) = Components(claim.Lines[i], claim.Bases[i], pricer);
            for (var u = 0; u < claim.UnitsOf(i); u++)
            {
                if (tcCents > 0) tc[tcCount++] = new Slot<long>(i, u, tcCents);
                if (pcCents > 0) pc[pcCount++] = new Slot<long>(i, u, pcCents);
            }
        }
        Reduce(tc[..tcCount], rule.TcReduction, rule.Policy, "TC", rule.TcDetail, claim, amounts, ref steps, ref ties);
        Reduce(pc[..pcCount], rule.PcReduction, rule.Policy, "PC", rule.PcDetail, claim, amounts, ref steps, ref ties);
    }

    private static void Reduce<TSteps>(Span<Slot<long>> slots, decimal reduction, string policy, string component, string detail, in ClaimLines claim,
        Span<long> amounts, ref TSteps steps, ref TieKeys ties)
        where TSteps : struct, IPolicySteps
    {
        if (reduction == 0m || slots.Length < 2) return;
        // 50%, 5%, 25% or 20% of whole cents: a whole number of hundredths of a cent.
        var percent = (long)(reduction * 100m);
        Sort(slots, ref ties);
        var count = slots.Length;
        for (var r = 1; r < count; r++)
        {
            var s = slots[r];
            amounts[claim.Place(s.Line, s.Unit)] -= s.Key * percent;
            steps.Diagnostic(s.Line, policy, detail, component, r + 1, count, s.Key, reduction, claim.UnitsOf(s.Line), s.Unit);
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

    private static void ReduceTherapy<TSteps>(in ClaimLines claim, int units, Span<long> amounts, ref TSteps steps, ref TieKeys ties)
        where TSteps : struct, IPolicySteps
    {
        Span<Slot<decimal>> slots = stackalloc Slot<decimal>[units];
        var n = 0;
        for (var i = 0; i < claim.Count; i++)
        {
            if (claim.Kinds[i] != Therapy) continue;
            var pe = TherapyReduction.PePayment(claim.Bases[i]);
            for (var u = 0; u < claim.UnitsOf(i); u++) slots[n++] = new Slot<decimal>(i, u, pe);
        }
        Sort(slots, ref ties);
        // Every unit after the highest is paid at the reduced amount; each line says how many of its units were.
        for (var r = 1; r < units; r++)
        {
            var line = slots[r].Line;
            var seen = false;
            for (var k = 1; k < r; k++) seen |= slots[k].Line == line;
            if (seen) continue; // the line's step was added with its first reduced unit
            var reducedUnits = 0;
            for (var k = r; k < units; k++) if (slots[k].Line == line) reducedUnits++;
            var reduced = TherapyReduction.ReducedAmount(claim.Bases[line]);
            var reducedCents = ScaledRates.TryToCents(reduced, out var c) ? c : throw new InvalidOperationException("a rounded amount is whole cents");
            for (var k = r; k < units; k++)
                if (slots[k].Line == line) amounts[claim.Place(line, slots[k].Unit)] = reducedCents * Hundredths;
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
