using System.Diagnostics;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

/// <summary>
/// Prices the generated lines as claims of four lines (one encounter each) with every Medicare payment policy on,
/// on the calling thread: one warm-up pass, then the median of five timed passes.
/// </summary>
internal static class ClaimBenchmark
{
    public static InMemoryResult Run(MedicareClaimPricer pricer, PfsLine[] lines)
    {
        var claims = new Claim[(lines.Length + 3) / 4];
        for (var c = 0; c < claims.Length; c++)
        {
            var claimLines = new List<ClaimLine>(4);
            for (var i = c * 4; i < Math.Min(lines.Length, (c + 1) * 4); i++)
                claimLines.Add(new ClaimLine(((i % 4) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), lines[i], new Core.Money.Money(150m)));
            claims[c] = new Claim($"C{c}", claimLines);
        }
        Pass(pricer, claims);
        var times = new List<TimeSpan>();
        (long Priced, decimal Total) result = default;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            result = Pass(pricer, claims);
            times.Add(sw.Elapsed);
        }
        times.Sort();
        return new InMemoryResult(times[2], result.Priced, result.Total);
    }

    private static (long Priced, decimal Total) Pass(MedicareClaimPricer pricer, Claim[] claims)
    {
        // The harness adds whole cents (not decimals) so that it measures the pricer, not its own sums.
        long priced = 0, cents = 0;
        foreach (var claim in claims)
        {
            var lines = pricer.Price(claim).Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].AllowedCents is not { } allowed) continue;
                priced++;
                cents += allowed;
            }
        }
        return (priced, cents / 100m);
    }
}
