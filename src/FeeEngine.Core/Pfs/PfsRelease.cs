using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// One CMS PFS release (e.g. RVU25D, the October 2025 release) held in memory: its identity, the date it takes
/// effect, and whichever of its files were loaded (PPRRVU, GPCI, ANES, OPPSCAP).
/// A release is in force from <see cref="EffectiveFrom"/> until the next release starts, never past the end of its
/// calendar year, and never past <see cref="DeclaredEffectiveTo"/> when one was given.
/// </summary>
public sealed class PfsRelease
{
    // Frozen: built once, read by every priced line, so lookups get the fastest read-only layout.
    private readonly System.Collections.Frozen.FrozenDictionary<ulong, RvuEntry> _rvus;
    // The same entries, laid out for the per-line lookups.
    private readonly RvuTable _rvuTable;
    private readonly PackedKeyTable<GpciEntry> _gpciTable;
    private readonly System.Collections.Frozen.FrozenDictionary<int, GpciEntry> _gpcis;
    private readonly Dictionary<int, AnesthesiaCfRecord> _anesthesia;

    public PfsRelease(
        string id,
        LocalDate effectiveFrom,
        LocalDate? declaredEffectiveTo,
        IEnumerable<RvuRecord>? rvus = null,
        IEnumerable<GpciRecord>? gpcis = null,
        IEnumerable<AnesthesiaCfRecord>? anesthesia = null,
        IEnumerable<OppsCapRecord>? oppsCaps = null)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A release needs an id, e.g. RVU25D.", nameof(id));
        if (declaredEffectiveTo is { } to && to < effectiveFrom)
            throw new ArgumentException($"Release {id} ends ({EffectivePeriod.Iso(to)}) before it starts ({EffectivePeriod.Iso(effectiveFrom)}).", nameof(declaredEffectiveTo));
        Id = id;
        EffectiveFrom = effectiveFrom;
        DeclaredEffectiveTo = declaredEffectiveTo;
        _rvus = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            (rvus ?? []).ToDictionary(r => r.Key.Packed, r => new RvuEntry(r)));
        _rvuTable = new RvuTable(_rvus);
        _gpcis = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(
            (gpcis ?? []).ToDictionary(g => g.Locality.Packed, g => new GpciEntry(g)));
        _gpciTable = new PackedKeyTable<GpciEntry>(_gpcis.Select(g => KeyValuePair.Create((ulong)g.Key, g.Value)), _gpcis.Count);
        _anesthesia = anesthesia?.ToDictionary(a => a.Locality.Packed) ?? [];
        OppsCaps = oppsCaps?.ToArray() ?? [];
    }

    public string Id { get; }
    public LocalDate EffectiveFrom { get; }
    public LocalDate? DeclaredEffectiveTo { get; }

    public bool HasRvus => _rvuTable.Count > 0; // read per priced line: a field, not the frozen dictionary's virtual Count
    public bool HasGpcis => _gpcis.Count > 0;
    public bool HasAnesthesia => _anesthesia.Count > 0;
    public int RvuCount => _rvus.Count;
    public IEnumerable<RvuRecord> Rvus => _rvus.Values.Select(e => e.Record);
    public IEnumerable<GpciRecord> Gpcis => _gpcis.Values.Select(e => e.Record);
    public IEnumerable<AnesthesiaCfRecord> Anesthesia => _anesthesia.Values;
    public IReadOnlyList<OppsCapRecord> OppsCaps { get; }

    public RvuRecord? FindRvuOrNull(RvuKey key) => _rvus.GetValueOrDefault(key.Packed)?.Record;
    public GpciRecord? FindGpciOrNull(LocalityId locality) => _gpcis.GetValueOrDefault(locality.Packed)?.Record;

    // TryGetValue on the frozen dictionary itself: GetValueOrDefault would go through IReadOnlyDictionary (an
    // interface call per priced line, and shared generic code that runs unoptimized for a while after start-up).
    internal ref readonly RvuSlot FindRvuSlot(RvuKey key) => ref _rvuTable.Find(key.Packed);
    internal void PrefetchRvu(RvuKey key) => _rvuTable.Prefetch(key.Packed);
    internal GpciEntry? FindGpciEntry(LocalityId locality) => _gpciTable.Find((ulong)locality.Packed);
    public AnesthesiaCfRecord? FindAnesthesiaOrNull(LocalityId locality) => _anesthesia.GetValueOrDefault(locality.Packed);

    public override string ToString() => Id;
}
