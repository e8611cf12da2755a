using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Prices a claim with Medicare's payment policies (reference sections 3, 4 and 7). Order: each line's fee schedule
/// amount (or anesthesia amount); status T injections bundled when other PFS services are billed; the line's own
/// modifiers and provider (bilateral 50, co-surgeons 62, assistants 80/81/82/AS, NPP 85%); multiple procedures
/// (with RT/LT pairs and endoscopy families); diagnostic imaging, cardiovascular and ophthalmology reductions;
/// therapy reduction; then each line is rounded once to cents, and the lesser of billed charge and allowed is split
/// between the patient (deductible, coinsurance) and Medicare (less 2% sequestration).
/// The result does not depend on the order of the lines: rankings break ties by code, modifiers and line id, and
/// the deductible is taken in line-id order.
/// </summary>
public sealed class MedicareClaimPricer(MedicarePfsPricer pfs, AnesthesiaPricer anesthesia)
{
    public MedicarePfsPricer Pfs => pfs;

    public ClaimPrice Price(Claim claim)
    {
        var lines = new LineWork[claim.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
            lines[i] = PriceLine(i, claim.Lines[i]);

        BundleInjections(lines);
        foreach (var w in lines) LinePolicies.Apply(w);
        MultipleProcedures.Apply(lines, pfs);
        DiagnosticReductions.Apply(lines, pfs);
        TherapyReduction.Apply(lines);

        return new ClaimPrice(claim, Finish(claim, lines));
    }

    private LineWork PriceLine(int index, ClaimLine line)
    {
        var basePrice = pfs.Price(line.Service);
        var isAnesthesia = basePrice.Rvu?.Status == 'J' || (basePrice.Rvu is null && AnesthesiaPricer.IsAnesthesiaCode(line.Service.Code));
        if (!isAnesthesia) return new LineWork(index, line, basePrice);

        var a = anesthesia.Price(line.Service, line.AnesthesiaMinutes);
        var w = new LineWork(index, line, basePrice) { Anesthesia = a, Outcome = a.Outcome, Message = a.Message };
        return w;
    }

    /// <summary>
    /// Status T (injections): paid only when no other PFS service is billed on the same date by the same provider;
    /// otherwise bundled into the other services.
    /// </summary>
    private static void BundleInjections(LineWork[] lines)
    {
        var others = lines.Where(w => w.IsPriced && w.Anesthesia is null && w.Row?.Status is 'A' or 'R').Select(w => w.Code.ToString()).Distinct().ToList();
        if (others.Count == 0) return;
        foreach (var w in lines.Where(w => w.IsPriced && w.Anesthesia is null && w.Row?.Status == 'T'))
            w.NotPayable($"not payable: {w.Row!.Key} has status T (injection), paid only when no other PFS service is billed the same day by the same provider; bundled with {string.Join(", ", others)}");
    }

    private static ClaimLinePrice[] Finish(Claim claim, LineWork[] lines)
    {
        var results = new ClaimLinePrice[lines.Length];
        var deductible = claim.DeductibleRemaining?.Amount ?? 0m;
        // The deductible is taken in line-id order (numeric where the ids are numbers), never file order.
        foreach (var w in lines.OrderBy(w => LineOrder(w.Line.LineId)).ThenBy(w => w.Line.LineId, StringComparer.Ordinal).ThenBy(w => w.TieKey, StringComparer.Ordinal))
        {
            if (!w.IsPriced)
            {
                results[w.Index] = new ClaimLinePrice
                {
                    Line = w.Line, Outcome = w.Outcome, Message = w.Message, Base = w.Anesthesia is null ? w.Base : null,
                    Anesthesia = w.Anesthesia, Adjustments = w.Adjustments,
                };
                continue;
            }
            var allowed = w.Anesthesia is { } a
                ? a.Allowed
                : Money.PfsRounding.ToCents(new Money.Money(w.Units.Sum() * w.Bilateral * w.Role));
            var lesser = w.Line.BilledCharge is { } charge ? Money.Money.Min(charge, allowed) : allowed;
            var split = CostSharing.Apply(lesser, ref deductible, claim.CoinsuranceRate);
            results[w.Index] = new ClaimLinePrice
            {
                Line = w.Line,
                Outcome = w.Outcome,
                Base = w.Anesthesia is null ? w.Base : null,
                Anesthesia = w.Anesthesia,
                Adjustments = w.Adjustments,
                Allowed = allowed,
                LesserOfBilled = lesser,
                Deductible = split.Deductible,
                Coinsurance = split.Coinsurance,
                PatientShare = split.PatientShare,
                PaymentBeforeSequestration = split.BeforeSequestration,
                Sequestration = split.Sequestration,
                MedicarePayment = split.Payment,
            };
        }
        return results;
    }

    private static long LineOrder(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
}
