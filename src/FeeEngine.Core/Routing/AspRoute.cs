using FeeEngine.Core.Asp;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Routing;

/// <summary>
/// Part B drugs: the quarter's ASP payment limit per billing unit times the units billed, rounded once to the cent.
/// The patient's coinsurance is the file's percentage for the drug when it gives one (CMS lowers it for some drugs),
/// otherwise the claim's.
/// </summary>
public sealed class AspRoute(IEnumerable<AspSchedule> files) : IOtherSchedule
{
    private readonly AspSchedule[] _files = [.. files.OrderBy(f => f.EffectiveFrom)];

    public MedicareSchedule Schedule => MedicareSchedule.Asp;

    public ScheduleAttempt TryPrice(ClaimLine line)
    {
        var s = line.Service;
        var file = Array.Find(_files, f => f.Covers(s.DateOfService));
        if (file is null) return ScheduleAttempt.No(OtherSchedules.NoQuarterlyFile(Schedule, s.DateOfService, [.. _files.Select(f => f.Id)]));
        if (file.FindOrNull(s.Code) is not { } rate) return ScheduleAttempt.No($"{s.Code} is not in {file.Id}");
        var allowed = AspSchedule.Allowed(rate, s.Units);
        var coinsurance = rate.CoinsuranceRate is not null
            ? $"Coinsurance {rate.CoinsurancePercent:0.##}% (the file's percentage for {s.Code}) after the Part B deductible."
            : "Part B deductible and coinsurance apply.";
        return ScheduleAttempt.Priced(new SchedulePrice(MedicareSchedule.Asp, file.Id, rate.PaymentLimit, s.Units, allowed, new PatientCostSharing(true, rate.CoinsuranceRate),
        [
            $"ASP pricing file {file.Id} ({EffectivePeriod.Iso(file.EffectiveFrom)}..{EffectivePeriod.Iso(file.EffectiveTo)}): {s.Code} payment limit {rate.PaymentLimit} per billing unit ({rate.Dosage}).",
            $"{rate.PaymentLimit} x {s.Units} billing unit(s) = {rate.PaymentLimit * s.Units} -> {allowed} (rounded once to the cent, half away from zero).",
            coinsurance,
        ]));
    }
}
