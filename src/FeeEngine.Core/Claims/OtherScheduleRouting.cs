using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;

namespace FeeEngine.Core.Claims;

/// <summary>
/// After the PFS and its payment policies: each line whose code the PFS does not pay (a lab test of status X, a
/// supply, a drug, a code the release lacks) is offered to the other Medicare schedules, and the first that lists it
/// prices it. The PFS lines are untouched, since the policies only ever compare lines the PFS priced. A line nothing
/// prices keeps the PFS's reason followed by each schedule tried. When a claim mixes schedules, the deductible is
/// shared out again over all its lines in line-id order, skipping the lab lines, which carry no cost-sharing.
/// </summary>
internal static class OtherScheduleRouting
{
    public static ClaimPrice Route(Claim claim, ClaimPrice pfs, OtherSchedules others)
    {
        ClaimLinePrice[]? results = null;
        var routed = false;
        for (var i = 0; i < pfs.Lines.Count; i++)
        {
            var line = pfs.Lines[i];
            if (line.Anesthesia is not null || line.Base is not { IsPriced: false } pfsBase) continue;
            if (line.Line.Service.Units < 1) continue; // the PFS's error already says so; no schedule prices fewer than one unit
            results ??= [.. pfs.Lines];
            var (price, tried) = others.Price(line.Line);
            if (price is null)
            {
                var outcome = pfsBase.Outcome == PricingOutcome.Error && !MedicarePfsPricer.IsCodeNotInRelease(pfsBase) ? PricingOutcome.Error : PricingOutcome.NotPayable;
                results[i] = line.WithOutcome(outcome, $"{line.Message}; no other Medicare schedule prices it: {string.Join("; ", tried)}", tried);
                continue;
            }
            results[i] = PricedBy(line.Line, price);
            routed = true;
        }
        if (results is null) return pfs;
        if (routed) ShareCosts(claim, results);
        return new ClaimPrice(claim, results);
    }

    private static ClaimLinePrice PricedBy(ClaimLine line, SchedulePrice price)
    {
        var lesser = line.BilledCharge is { } charge ? Money.Money.Min(charge, price.Allowed) : price.Allowed;
        return new ClaimLinePrice
        {
            Line = line, Outcome = PricingOutcome.Priced, OtherSchedule = price, Allowed = price.Allowed, LesserOfBilled = lesser,
        };
    }

    /// <summary>Deductible, coinsurance and sequestration for every priced line, the deductible taken in line-id order.</summary>
    private static void ShareCosts(Claim claim, ClaimLinePrice[] results)
    {
        var deductible = claim.DeductibleRemaining?.Amount ?? 0m;
        foreach (var i in MedicareClaimPricer.CostSharingOrder(claim, deductible))
        {
            var line = results[i];
            if (!line.IsPriced) continue;
            var rule = line.OtherSchedule?.CostSharing ?? PatientCostSharing.Standard;
            var noDeductible = 0m; // lab lines neither pay nor use up the deductible
            var split = rule.PatientPays
                ? CostSharing.Apply(line.LesserOfBilled!.Value, ref deductible, rule.CoinsuranceRate ?? claim.CoinsuranceRate)
                : CostSharing.Apply(line.LesserOfBilled!.Value, ref noDeductible, 0m);
            results[i] = line.WithCostSharing(split);
        }
    }
}
