using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>One loaded ZIP5 file: the ZIP-to-locality crosswalk CMS publishes quarterly.</summary>
public sealed class ZipRelease
{
    // Each ZIP's lookup result is built once, so resolving a line's ZIP allocates nothing.
    private readonly System.Collections.Frozen.FrozenDictionary<int, ZipLookup> _byZip;

    public ZipRelease(string id, LocalDate effectiveFrom, IEnumerable<ZipLocalityRecord> zips)
    {
        Id = id;
        EffectiveFrom = effectiveFrom;
        _byZip = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(zips.ToDictionary(z => ZipKey(z.Zip), z => new ZipLookup(z, this, null)));
    }

    public string Id { get; }
    public LocalDate EffectiveFrom { get; }
    public int Count => _byZip.Count;
    public IEnumerable<ZipLocalityRecord> Zips => _byZip.Values.Select(z => z.Record);

    public ZipLocalityRecord? FindOrNull(ReadOnlySpan<char> zip5) => FindLookupOrNull(zip5)?.Record;

    internal ZipLookup? FindLookupOrNull(ReadOnlySpan<char> zip5) =>
        TryZipKey(zip5, out var key) && _byZip.TryGetValue(key, out var lookup) ? lookup : null; // no interface call per line

    internal static int ZipKey(string zip) =>
        TryZipKey(zip, out var k) ? k : throw new ArgumentException($"ZIP code '{zip}' is not 5 digits.", nameof(zip));

    /// <summary>Accepts 5 digits, or ZIP+4 written 12345-6789 / 123456789 (the first five digits decide).</summary>
    public static bool TryZipKey(ReadOnlySpan<char> zip, out int key)
    {
        key = 0;
        zip = zip.Trim();
        if (zip.Length is not (5 or 9 or 10)) return false;
        if (zip.Length == 10 && zip[5] != '-') return false;
        for (var i = 0; i < 5; i++)
        {
            if (!char.IsAsciiDigit(zip[i])) return false;
            key = (key * 10) + (zip[i] - '0');
        }
        return true;
    }
}

/// <summary>The result of looking a ZIP code up: the record, the file used, and a note when that file is not dated for the service.</summary>
public sealed record ZipLookup(ZipLocalityRecord Record, ZipRelease Release, string? Note);

/// <summary>
/// The loaded ZIP5 files. A ZIP is looked up in the latest file effective on or before the date of service.
/// When every loaded file is later than the date (e.g. only the 2025 file is loaded and the line is from 2024),
/// the earliest loaded file is used and the lookup says so: ZIP-to-locality assignments rarely change and CMS's
/// older ZIP files may not be at hand.
/// </summary>
public sealed class ZipLocalityCatalog(IEnumerable<ZipRelease> releases)
{
    private readonly ZipRelease[] _releases = releases.OrderBy(r => r.EffectiveFrom).ToArray();

    public IReadOnlyList<ZipRelease> Releases => _releases;

    public ZipRelease? FindFileFor(LocalDate date, out string? note)
    {
        note = null;
        if (_releases.Length == 0) return null;
        for (var i = _releases.Length - 1; i >= 0; i--)
            if (_releases[i].EffectiveFrom <= date) return _releases[i];
        note = $"no ZIP file dated on or before {EffectivePeriod.Iso(date)} is loaded; used {_releases[0].Id} (effective {EffectivePeriod.Iso(_releases[0].EffectiveFrom)})";
        return _releases[0];
    }

    public ZipLookup? FindOrNull(ReadOnlySpan<char> zip, LocalDate date)
    {
        var file = FindFileFor(date, out var note);
        var lookup = file?.FindLookupOrNull(zip);
        return lookup is null || note is null ? lookup : lookup with { Note = note };
    }
}
