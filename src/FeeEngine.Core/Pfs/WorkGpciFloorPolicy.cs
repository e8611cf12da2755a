using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>A period during which the 1.0 work GPCI floor is in law, and the law that put it there.</summary>
public sealed record WorkGpciFloorPeriod(LocalDate From, LocalDate To, string Authority);

/// <summary>
/// Whether the 1.0 work GPCI floor applies on a date of service. Dated data, not code: the floor lapsed on
/// 2025-10-01, was restored retroactively (H.R. 5371), then extended through 2026-12-31 (H.R. 7148).
/// Shipped in <c>schedules/work-gpci-floor.csv</c>.
/// </summary>
public sealed class WorkGpciFloorPolicy(IEnumerable<WorkGpciFloorPeriod> periods)
{
    private readonly WorkGpciFloorPeriod[] _periods = periods.OrderBy(p => p.From).ToArray();

    public IReadOnlyList<WorkGpciFloorPeriod> Periods => _periods;

    public WorkGpciFloorPeriod? FindOrNull(LocalDate date)
    {
        foreach (var p in _periods)
            if (date >= p.From && date <= p.To) return p;
        return null;
    }

    public override string ToString() =>
        string.Join("; ", _periods.Select(p => $"{EffectivePeriod.Format(p.From, p.To)} ({p.Authority})"));
}
