using System.Globalization;
using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// Medicare's payment policies carried over to a fixed fee. The percentages Medicare applied to the line (bilateral
/// 150%, multiple-procedure rank 2+ at 50% per unit, co-surgeon 62.5%, assistant 16% or 13.6%, NPP 85%, an endoscopy
/// base not paid) apply to the fee in the same way. The reductions Medicare makes on RVU components (imaging TC/PC,
/// therapy PE, the endoscopy base subtracted in dollars) have no counterpart in a flat fee and are not applied.
/// Read from the adjustments the Medicare claim pricer recorded, in the form the price-file output documents.
/// </summary>
public static class FixedFeePolicies
{
    private static readonly HashSet<string> WholeLinePolicies = new(StringComparer.Ordinal) { "bilateral", "co_surgeon", "assistant", "npp", "endoscopy" };

    /// <summary>
    /// The multiplier of <c>fee x 1 unit</c> for the line: the sum of its units' shares times the whole-line
    /// percentages. E.g. 3 units of a surgery ranked 2nd and later: (1 + 0.5 + 0.5) = 2.0.
    /// </summary>
    public static decimal UnitFactor(IReadOnlyList<Adjustment> adjustments, int units, out IReadOnlyList<string> applied)
    {
        var steps = new List<string>();
        decimal percent = 1m;
        var reducedUnits = 0;
        var reducedShares = 0m;
        foreach (var a in adjustments)
        {
            if (a.Policy == "mult_proc")
            {
                if (!a.Detail.StartsWith("rank1:", StringComparison.Ordinal) && Percent(a.Detail) is { } p)
                {
                    reducedUnits++;
                    reducedShares += p;
                    steps.Add($"{a}: one unit at {Format(p)}");
                }
                continue;
            }
            if (!WholeLinePolicies.Contains(a.Policy)) continue;
            if (a.Detail == "base_included")
            {
                percent = 0m;
                steps.Add($"{a}: not paid");
            }
            else if (Percent(a.Detail) is { } p && p != 1m)
            {
                percent *= p;
                steps.Add($"{a}: {Format(p)}");
            }
        }
        applied = steps;
        // Each reduced unit carries its own share; the units Medicare did not reduce count in full.
        return (Math.Max(0, units - reducedUnits) + reducedShares) * percent;
    }

    /// <summary>The percentage at the end of a detail such as <c>rank2:50%</c> or <c>62.5%</c>, as a fraction.</summary>
    private static decimal? Percent(string detail)
    {
        var colon = detail.LastIndexOf(':');
        var text = colon < 0 ? detail : detail[(colon + 1)..];
        if (!text.EndsWith('%')) return null;
        return decimal.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct) ? pct / 100m : null;
    }

    private static string Format(decimal fraction) => $"{(fraction * 100m).ToString("0.###", CultureInfo.InvariantCulture)}%";
}
