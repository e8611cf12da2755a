using FeeEngine.Core.Claims;
using FeeEngine.Core.Dmepos;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Routing;

/// <summary>
/// DMEPOS and parenteral/enteral nutrition lines: the fee of the row the line's modifiers select (NU, UE, RR...),
/// in the column of the ZIP's state, rural when its ZIP5 rural indicator is R or B, times units. Deductible and
/// coinsurance apply. The state and the rural flag come only from the ZIP: a line given by locality is not guessed.
/// </summary>
public sealed class DmeposRoute(DmeposCatalog catalog) : IOtherSchedule
{
    public MedicareSchedule Schedule => MedicareSchedule.Dmepos;

    public DmeposCatalog Catalog => catalog;

    public ScheduleAttempt TryPrice(ClaimLine line)
    {
        var s = line.Service;
        if (catalog.WhyNotListed(s.Code, s.DateOfService) is { } notListed) return ScheduleAttempt.No(notListed);
        if (s.LocalitySource?.Record is not { } zip)
            return ScheduleAttempt.No($"{s.Code} is priced by state, rural or not, from the ZIP5 file: the line gives a locality, not a ZIP");
        var price = catalog.Price(s.Code, s.Modifiers, s.DateOfService, zip, s.Units);
        if (!price.IsPriced) return ScheduleAttempt.No(price.NotPricedReason!);
        var file = catalog.FindSchedule(price.File!.Value, s.DateOfService)!;
        var kind = price.File == DmeposFile.ParenteralEnteral ? MedicareSchedule.ParenteralEnteral : MedicareSchedule.Dmepos;
        var area = price.Rural ? $"rural (ZIP5 rural indicator {zip.RuralIndicator.Trim()})" : "non-rural";
        return ScheduleAttempt.Priced(new SchedulePrice(kind, file.Id, price.UnitFee!.Value.Amount, s.Units, price.Total!.Value, PatientCostSharing.Standard,
        [
            $"{(kind == MedicareSchedule.Dmepos ? "DMEPOS" : "Parenteral and enteral nutrition")} fee schedule {file.Id} ({EffectivePeriod.Iso(file.EffectiveFrom)}..{EffectivePeriod.Iso(file.EffectiveTo)}): ZIP {zip.Zip} is in {price.State}, {area}.",
            price.Explanation + ".",
            "Part B deductible and coinsurance apply.",
        ], price.Column!));
    }
}
