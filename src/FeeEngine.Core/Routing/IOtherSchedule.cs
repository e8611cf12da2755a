using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Routing;

/// <summary>A Medicare schedule other than the PFS, with its loaded files: prices a line, or says why not.</summary>
public interface IOtherSchedule
{
    MedicareSchedule Schedule { get; }

    /// <param name="line">A line of at least one unit (<see cref="OtherSchedules.Price"/> checks).</param>
    ScheduleAttempt TryPrice(ClaimLine line);
}
