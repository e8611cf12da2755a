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

    /// <summary>True when the claim is priced by the whole-cent path (not by the general or no-policy path).</summary>
    public static bool TakesCentsPath(MedicareClaimPricer pricer, Claim claim)
    {
        var bases = claim.Lines.Select(l => pricer.Pfs.Price(l.Service)).ToArray();
        return MedicareClaimPricer.NeedsPolicies(MedicareClaimPricer.LinesOf(claim), bases) && CentsPolicyPath.TryPrice(claim, MedicareClaimPricer.LinesOf(claim), bases, pricer.Pfs) is not null;
    }
}
