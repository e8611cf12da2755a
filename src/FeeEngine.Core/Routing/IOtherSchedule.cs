using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Routing;

/// <summary>A Medicare schedule other than the PFS, with its loaded files: prices a line, or says why not.</summary>
public interface IOtherSchedule
{
    MedicareSchedule Schedule { get; }

    ScheduleAttempt TryPrice(ClaimLine line);
}
