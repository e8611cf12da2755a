using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Compares a claim priced the usual way (which may take the whole-cent policy path) with the same claim through
/// the general decimal path: every line's outcome, message, amounts, adjustments and explanations must be equal.
/// Used over fixture claims here and over claims of every code of the real CMS release in FeeEngine.Cli.Tests.
/// </summary>
public static class ClaimPathComparison
{
    /// <summary>The differences, in words (none when the paths agree).</summary>
    public static IEnumerable<string> Differences(MedicareClaimPricer pricer, Claim claim)
    {
        var usual = pricer.Price(claim);
        var general = pricer.PriceWithGeneralPath(claim);
        for (var i = 0; i < claim.Lines.Count; i++)
        {
            var a = usual.Lines[i];
            var b = general.Lines[i];
            var where = $"claim {claim.ClaimId} line {a.Line.LineId} ({a.Line.Service.Code}{(a.Line.Service.Modifiers.Count > 0 ? "-" + a.Line.Service.Modifiers : "")} x{a.Line.Service.Units})";
            if (a.Outcome != b.Outcome) yield return $"{where}: outcome {a.Outcome} vs general {b.Outcome}";
            if (a.Message != b.Message) yield return $"{where}: message '{a.Message}' vs general '{b.Message}'";
            if (a.AllowedCents != b.AllowedCents) yield return $"{where}: allowed {a.AllowedCents} vs general {b.AllowedCents}";
            if (a.LesserOfBilledCents != b.LesserOfBilledCents) yield return $"{where}: lesser of billed {a.LesserOfBilledCents} vs general {b.LesserOfBilledCents}";
            if (a.Deductible != b.Deductible || a.Coinsurance != b.Coinsurance || a.PaymentBeforeSequestration != b.PaymentBeforeSequestration
                || a.Sequestration != b.Sequestration)
                yield return $"{where}: split {a.Deductible}/{a.Coinsurance}/{a.PaymentBeforeSequestration}/{a.Sequestration} vs general " +
                             $"{b.Deductible}/{b.Coinsurance}/{b.PaymentBeforeSequestration}/{b.Sequestration}";
            if (a.AdjustmentsText != b.AdjustmentsText) yield return $"{where}: adjustments '{a.AdjustmentsText}' vs general '{b.AdjustmentsText}'";
            var stepsA = a.ExplainSteps();
            var stepsB = b.ExplainSteps();
            if (!stepsA.SequenceEqual(stepsB))
                yield return $"{where}: steps\n  {string.Join("\n  ", stepsA)}\nvs general\n  {string.Join("\n  ", stepsB)}";
        }
    }

    /// <summary>
    /// The differences between the batch API (<see cref="MedicareClaimPricer.PriceInto"/>, into
    /// <paramref name="results"/>, which may already hold other claims' lines) and the object API, line by line:
    /// outcome, message, the four amounts, the adjustments text, and the fee schedule facts a price file writes
    /// (release, setting, non-facility NA, OPPS cap). None when they agree.
    /// </summary>
    public static IEnumerable<string> BatchDifferences(MedicareClaimPricer pricer, Claim claim, ClaimLineResults results)
    {
        var objects = pricer.Price(claim);
        var first = results.Count;
        pricer.PriceInto(claim, results);
        if (results.Count != first + claim.Lines.Count)
        {
            yield return $"claim {claim.ClaimId}: {results.Count - first} batch lines for {claim.Lines.Count}";
            yield break;
        }
        for (var i = 0; i < claim.Lines.Count; i++)
        {
            var a = objects.Lines[i];
            var b = results[first + i];
            var where = $"claim {claim.ClaimId} line {a.Line.LineId} ({a.Line.Service.Code}{(a.Line.Service.Modifiers.Count > 0 ? "-" + a.Line.Service.Modifiers : "")} x{a.Line.Service.Units})";
            if (a.Outcome != b.Outcome) yield return $"{where}: outcome {a.Outcome} vs batch {b.Outcome}";
            if (a.Message != b.Message) yield return $"{where}: message '{a.Message}' vs batch '{b.Message}'";
            if (a.AllowedCents != b.AllowedCents || a.LesserOfBilledCents != b.LesserOfBilledCents || a.PatientShareCents != b.PatientShareCents
                || a.MedicarePaymentCents != b.MedicarePaymentCents)
                yield return $"{where}: cents {a.AllowedCents}/{a.LesserOfBilledCents}/{a.PatientShareCents}/{a.MedicarePaymentCents} vs batch " +
                             $"{b.AllowedCents}/{b.LesserOfBilledCents}/{b.PatientShareCents}/{b.MedicarePaymentCents}";
            if (a.AdjustmentsText != results.AdjustmentsText(first + i)) yield return $"{where}: adjustments '{a.AdjustmentsText}' vs batch '{results.AdjustmentsText(first + i)}'";
            if ((a.Anesthesia is null) != (b.Anesthesia is null)) yield return $"{where}: anesthesia {a.Anesthesia is not null} vs batch {b.Anesthesia is not null}";
            if (a.Base is { } p && (p.RvuRelease != b.RvuRelease || (a.IsPriced && (p.Setting != b.Setting || p.NonFacilityNaApplied != b.NonFacilityNaApplied || p.OppsCapApplied != b.OppsCapApplied))))
                yield return $"{where}: base {p.RvuRelease}/{p.Setting}/NA {p.NonFacilityNaApplied}/OPPS {p.OppsCapApplied} vs batch " +
                             $"{b.RvuRelease}/{b.Setting}/NA {b.NonFacilityNaApplied}/OPPS {b.OppsCapApplied}";
        }
    }

    /// <summary>True when the claim is priced by the whole-cent path (not by the general or no-policy path).</summary>
    public static bool TakesCentsPath(MedicareClaimPricer pricer, Claim claim)
    {
        var bases = claim.Lines.Select(l => pricer.Pfs.Price(l.Service)).ToArray();
        return MedicareClaimPricer.NeedsPolicies(MedicareClaimPricer.LinesOf(claim), bases) && CentsPolicyPath.TryPrice(claim, MedicareClaimPricer.LinesOf(claim), bases, pricer.Pfs) is not null;
    }
}
