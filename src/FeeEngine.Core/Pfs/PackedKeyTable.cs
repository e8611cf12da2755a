using System.Numerics;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// A release's RVU or GPCI entries by packed key (row key, locality), for the per-line lookups: an open-addressing
/// table whose slots hold the key and the entry side by side, so a lookup usually reads one cache line before the
/// entry itself. A frozen dictionary reads its buckets, hash codes, keys and values from four arrays through a
/// virtual call: with claims that draw any of the 19,000 rows (the pessimistic benchmark mix) each of those was a
/// cache miss. Read-only once built.
/// </summary>
internal sealed class PackedKeyTable<TEntry>
    where TEntry : class
{
    private readonly (ulong Key, TEntry? Entry)[] _slots;
    private readonly int _shift;

    public PackedKeyTable(IEnumerable<KeyValuePair<ulong, TEntry>> entries, int count)
    {
        // At most half full, so that probe sequences stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 2));
        _slots = new (ulong, TEntry?)[size];
        Count = count;
        _shift = 64 - BitOperations.Log2((uint)size);
        foreach (var (key, entry) in entries)
        {
            var i = Home(key);
            while (_slots[i].Entry is not null) i = (i + 1) & (_slots.Length - 1);
            _slots[i] = (key, entry);
        }
    }

    public int Count { get; }

    public TEntry? Find(ulong key)
    {
        var slots = _slots;
        for (var i = Home(key); ; i = (i + 1) & (slots.Length - 1))
        {
            ref readonly var slot = ref slots[i];
            if (slot.Entry is null) return null;
            if (slot.Key == key) return slot.Entry;
        }
    }

    // Fibonacci hashing: the packed keys share many bits (codes are mostly digits), so they are spread by a multiply.
    private int Home(ulong key) => (int)(unchecked(key * 0x9E3779B97F4A7C15UL) >> _shift); // the multiply wraps by design
}
