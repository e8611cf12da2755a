using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// The loaded PFS releases, and which one is in force on a date of service. A release runs from its effective
/// date until the day before the next release's (whatever files that release carries), capped at 31 December of
/// its own year: a release never reaches into the next calendar year. Where the release in force did not ship a
/// GPCI or ANES file, the latest earlier release of the same year that did is used (GPCIs usually change only in
/// January), and the explanation names it.
/// </summary>
public sealed class PfsCatalog
{
    private readonly PfsRelease[] _releases;
    private readonly LocalDate[] _inForceTo;

    public PfsCatalog(IEnumerable<PfsRelease> releases)
    {
        _releases = releases.OrderBy(r => r.EffectiveFrom).ToArray();
        for (var i = 1; i < _releases.Length; i++)
            if (_releases[i].EffectiveFrom == _releases[i - 1].EffectiveFrom)
                throw new ArgumentException($"Releases {_releases[i - 1].Id} and {_releases[i].Id} both take effect on {EffectivePeriod.Iso(_releases[i].EffectiveFrom)}.", nameof(releases));
        _inForceTo = new LocalDate[_releases.Length];
        for (var i = 0; i < _releases.Length; i++)
        {
            var r = _releases[i];
            var end = new LocalDate(r.EffectiveFrom.Year, 12, 31);
            if (i + 1 < _releases.Length && _releases[i + 1].EffectiveFrom.PlusDays(-1) < end) end = _releases[i + 1].EffectiveFrom.PlusDays(-1);
            if (r.DeclaredEffectiveTo is { } declared && declared < end) end = declared;
            _inForceTo[i] = end;
        }
    }

    public IReadOnlyList<PfsRelease> Releases => _releases;

    /// <summary>The inclusive last date of service the release prices.</summary>
    public LocalDate InForceUntil(PfsRelease release) => _inForceTo[Array.IndexOf(_releases, release)];

    public PfsRelease? FindInForceOrNull(LocalDate date)
    {
        for (var i = _releases.Length - 1; i >= 0; i--)
        {
            if (_releases[i].EffectiveFrom > date) continue;
            return date <= _inForceTo[i] ? _releases[i] : null;
        }
        return null;
    }

    /// <summary>The release in force on the date; throws with the loaded releases and their periods when none is.</summary>
    public PfsRelease GetInForce(LocalDate date) =>
        FindInForceOrNull(date) ?? throw new ReferenceDataNotFoundException(NoReleaseMessage(date));

    public string NoReleaseMessage(LocalDate date) =>
        $"No loaded PFS release covers date of service {EffectivePeriod.Iso(date)}; loaded releases: " +
        (_releases.Length == 0 ? "none (run 'feeengine import cms <folder>')" : DescribeReleases()) + ".";

    public string DescribeReleases() =>
        string.Join(", ", _releases.Select((r, i) => $"{r.Id} ({EffectivePeriod.Format(r.EffectiveFrom, _inForceTo[i])})"));

    /// <summary>The release whose GPCI file applies on the date: the one in force, or the latest earlier one of the same year with GPCIs.</summary>
    public PfsRelease? FindGpciSourceOrNull(LocalDate date) => FindSource(date, r => r.HasGpcis);

    public PfsRelease? FindAnesthesiaSourceOrNull(LocalDate date) => FindSource(date, r => r.HasAnesthesia);

    private PfsRelease? FindSource(LocalDate date, Func<PfsRelease, bool> has)
    {
        var inForce = FindInForceOrNull(date);
        if (inForce is null) return null;
        for (var i = Array.IndexOf(_releases, inForce); i >= 0; i--)
        {
            var r = _releases[i];
            if (r.EffectiveFrom.Year != date.Year) break;
            if (has(r)) return r;
        }
        return null;
    }
}
