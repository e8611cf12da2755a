using System.Diagnostics;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

internal sealed record InMemoryResult(TimeSpan Elapsed, long Priced, decimal Total);

/// <summary>
/// Prices every line on the calling thread: one warm-up pass so the JIT has settled, then five timed passes;
/// the median pass is reported (the machine is shared, so single runs are noisy).
/// </summary>
internal static class InMemoryBenchmark
{
    public static InMemoryResult Run(MedicarePfsPricer pricer, PfsLine[] lines)
    {
        Pass(pricer, lines);
        var times = new List<TimeSpan>();
        (long Priced, decimal Total) result = default;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            result = Pass(pricer, lines);
            times.Add(sw.Elapsed);
        }
        times.Sort();
        return new InMemoryResult(times[2], result.Priced, result.Total);
    }

    private static (long Priced, decimal Total) Pass(MedicarePfsPricer pricer, ReadOnlySpan<PfsLine> lines)
    {
        long priced = 0;
        var total = 0m;
        foreach (ref readonly var line in lines)
        {
            var price = pricer.Price(line);
            if (price.IsPriced)
            {
                priced++;
                total += price.Allowed.Amount;
            }
        }
        return (priced, total);
    }
}
