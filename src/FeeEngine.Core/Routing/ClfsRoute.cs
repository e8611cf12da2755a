using System.Globalization;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Clfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Routing;

/// <summary>
/// Clinical Laboratory Fee Schedule lines: the national rate of the quarter's file for the code (and a modifier the
/// file lists with it, e.g. QW), times units. Medicare takes no deductible or coinsurance from the patient.
/// </summary>
public sealed class ClfsRoute(IEnumerable<ClfsSchedule> files) : IOtherSchedule
{
    private readonly ClfsSchedule[] _files = [.. files.OrderBy(f => f.EffectiveFrom)];

    public MedicareSchedule Schedule => MedicareSchedule.Clfs;

    public IReadOnlyList<ClfsSchedule> Files => _files;

    public ScheduleAttempt TryPrice(ClaimLine line)
    {
        var s = line.Service;
        var file = Array.Find(_files, f => f.Covers(s.DateOfService));
        if (file is null) return ScheduleAttempt.No(OtherSchedules.NoQuarterlyFile(Schedule, s.DateOfService, [.. _files.Select(f => f.Id)]));
        if (file.FindOrNull(s.Code, s.Modifiers) is not { } rate) return ScheduleAttempt.No($"{s.Code} is not in {file.Id}");
        var key = rate.Modifier.IsNone ? s.Code.ToString() : $"{s.Code}-{rate.Modifier}";
        var allowed = SchedulePrice.Times(rate.Rate.Amount, s.Units);
        return ScheduleAttempt.Priced(new SchedulePrice(MedicareSchedule.Clfs, file.Id, rate.Rate.Amount, s.Units, allowed, PatientCostSharing.None,
        [
            $"Clinical Laboratory Fee Schedule {file.Id} ({EffectivePeriod.Iso(file.EffectiveFrom)}..{EffectivePeriod.Iso(file.EffectiveTo)}): {key} national rate {rate.Rate} (indicator {rate.Indicator}, effective {EffectivePeriod.Iso(rate.EffectiveFrom)}).",
            $"{rate.Rate} x {s.Units.ToString(CultureInfo.InvariantCulture)} unit(s) = {allowed}.",
            "Clinical laboratory tests: no Part B deductible and no coinsurance for the patient.",
        ]));
    }
}
