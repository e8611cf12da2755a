using System.Diagnostics;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

/// <summary>
/// Prices the generated lines as claims of four lines (one encounter each) with every Medicare payment policy on,
/// on the calling thread. A pass prices every claim and adds up its lines' allowed cents, through the batch API
/// (<see cref="MedicareClaimPricer.PriceInto"/>, what price-file uses) or the object API
/// (<see cref="MedicareClaimPricer.Price"/>). One warm-up pass of each, then nine timed passes of each, the two
/// APIs in turn so that both see the same load (the machine is shared); the median and the fastest are reported.
/// </summary>
internal static class ClaimBenchmark
{
    public static IReadOnlyList<(string Api, InMemoryResult Median, TimeSpan Fastest, TimeSpan MedianCpu)> Run(MedicareClaimPricer pricer, PfsLine[] lines, IReadOnlyList<string> apis)
    {
        var claims = new Claim[(lines.Length + 3) / 4];
        for (var c = 0; c < claims.Length; c++)
        {
            var claimLines = new List<ClaimLine>(4);
            for (var i = c * 4; i < Math.Min(lines.Length, (c + 1) * 4); i++)
                claimLines.Add(new ClaimLine(((i % 4) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), lines[i], new Core.Money.Money(150m)));
            claims[c] = new Claim($"C{c}", claimLines);
        }
        Func<MedicareClaimPricer, Claim[], (long, decimal)> PassOf(string api) => api == "batch" ? BatchPass : ObjectPass;
        foreach (var api in apis) PassOf(api)(pricer, claims);
        var times = apis.ToDictionary(a => a, _ => new List<TimeSpan>());
        var cpu = apis.ToDictionary(a => a, _ => new List<TimeSpan>());
        var results = new Dictionary<string, (long Priced, decimal Total)>();
        const int passes = 9; // an odd number: the median is one pass
        for (var i = 0; i < passes; i++)
        {
            foreach (var api in apis)
            {
                // CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var sw = Stopwatch.StartNew();
                results[api] = PassOf(api)(pricer, claims);
                times[api].Add(sw.Elapsed);
                cpu[api].Add(Environment.CpuUsage.TotalTime - cpuBefore);
            }
        }
        return [.. apis.Select(api =>
        {
            var t = times[api].Order().ToList();
            return (api, new InMemoryResult(t[passes / 2], results[api].Priced, results[api].Total), t[0], cpu[api].Order().ElementAt(passes / 2));
        })];
    }

    private static (long Priced, decimal Total) ObjectPass(MedicareClaimPricer pricer, Claim[] claims)
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

    private static (long Priced, decimal Total) BatchPass(MedicareClaimPricer pricer, Claim[] claims)
    {
        long priced = 0, cents = 0;
        var results = new ClaimLineResults();
        foreach (var claim in claims)
        {
            results.Clear();
            pricer.PriceInto(claim, results);
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i].AllowedCents is not { } allowed) continue;
                priced++;
                cents += allowed;
            }
        }
        return (priced, cents / 100m);
    }
}
