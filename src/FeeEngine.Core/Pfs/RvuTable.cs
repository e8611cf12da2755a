using System.Numerics;
using System.Runtime.CompilerServices;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// A release's PPRRVU rows by packed key, for the per-line lookup, with what pricing a line and ranking it on a claim
/// read held in the slot itself (<see cref="RvuSlot"/>: the RVUs in fixed point, status, MULT PROC, flags). A line
/// drawn from any of the 19,000 rows then costs one cache miss, the slot, instead of two (the slot, then the row's
/// entry object): measured on the uniform benchmark mix, that second miss was most of a line's price. The entry is
/// still referenced from the slot, for explanations and the rare rows the hot fields do not cover. Read-only once built.
/// </summary>
internal sealed class RvuTable
{
    private readonly RvuSlot[] _slots;
    private readonly int _shift;

    public RvuTable(IReadOnlyCollection<KeyValuePair<ulong, RvuEntry>> entries)
    {
        // At most half full, so that probe sequences stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Count * 2));
        _slots = new RvuSlot[size];
        Count = entries.Count;
        _shift = 64 - BitOperations.Log2((uint)size);
        foreach (var (key, entry) in entries)
        {
            var i = Home(key);
            while (_slots[i].Entry is not null) i = (i + 1) & (_slots.Length - 1);
            _slots[i] = new RvuSlot(key, entry);
        }
    }

    public int Count { get; }

    /// <summary>The row's slot, or a null reference (<see cref="Unsafe.IsNullRef{T}(ref readonly T)"/>) when the release lacks it.</summary>
    public ref readonly RvuSlot Find(ulong key)
    {
        var slots = _slots;
        for (var i = Home(key); ; i = (i + 1) & (slots.Length - 1))
        {
            ref readonly var slot = ref slots[i];
            if (slot.Entry is null) return ref Unsafe.NullRef<RvuSlot>();
            if (slot.Key == key) return ref slot;
        }
    }

    /// <summary>
    /// Asks the processor to start loading the row's home slot, so that the lookups of a claim's lines wait for
    /// their cache misses together rather than one after another. A hint only: nothing is read or written.
    /// </summary>
    public unsafe void Prefetch(ulong key)
    {
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref _slots[Home(key)]));
    }

    // Fibonacci hashing: the packed keys share many bits (codes are mostly digits), so they are spread by a multiply.
    private int Home(ulong key) => (int)(unchecked(key * 0x9E3779B97F4A7C15UL) >> _shift); // the multiply wraps by design
}

/// <summary>
/// One row in <see cref="RvuTable"/>: its key, its entry, and copies of the fields every priced line reads (40 bytes).
/// The RVUs are the entry's fixed-point values (scale 100, so at most 9,999,999 and an <see cref="int"/> holds them).
/// </summary>
internal readonly struct RvuSlot
{
    public RvuSlot(ulong key, RvuEntry entry)
    {
        Key = key;
        Entry = entry;
        var flags = (entry.PricedFromRvus ? RvuFlags.PricedFromRvus : 0) | (entry.NonFacilityNa ? RvuFlags.NonFacilityNa : 0)
                    | (entry.OppsCapped ? RvuFlags.OppsCapped : 0) | (entry.AddOn ? RvuFlags.AddOn : 0)
                    | (entry.HasEndoscopicBase ? RvuFlags.HasEndoscopicBase : 0) | (entry.EndoscopicBaseIsCode ? RvuFlags.EndoscopicBaseIsCode : 0);
        if (entry.Exact && entry.Work <= int.MaxValue && entry.NonFacilityPe <= int.MaxValue && entry.FacilityPe <= int.MaxValue && entry.Mp <= int.MaxValue)
        {
            flags |= RvuFlags.Exact;
            (Work, NonFacilityPe, FacilityPe, Mp) = ((int)entry.Work, (int)entry.NonFacilityPe, (int)entry.FacilityPe, (int)entry.Mp);
        }
        Facts = new RowFacts(entry.Status, entry.MultipleProcedure, flags);
    }

    public readonly ulong Key;
    public readonly RvuEntry? Entry;
    public readonly int Work, NonFacilityPe, FacilityPe, Mp;
    public readonly RowFacts Facts;
}

/// <summary>
/// The facts of a PPRRVU row that pricing a line and ranking it on a claim read: status, MULT PROC and flags. Copied
/// into each priced line's <see cref="PfsPrice"/>, so the claim policies do not go back to the row.
/// </summary>
internal readonly record struct RowFacts(char Status, char MultipleProcedure, RvuFlags Flags)
{
    public bool Has(RvuFlags flag) => (Flags & flag) != 0;
    public bool IsAddOn => Has(RvuFlags.AddOn);
}

[Flags]
internal enum RvuFlags : byte
{
    None = 0,
    PricedFromRvus = 1,
    NonFacilityNa = 2,
    OppsCapped = 4,
    AddOn = 8,
    HasEndoscopicBase = 16,
    EndoscopicBaseIsCode = 32,
    /// <summary>The RVUs are exact in fixed point (the fields above hold them).</summary>
    Exact = 64,
}
