using System.Diagnostics;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Benchmark;

internal sealed record InMemoryResult(TimeSpan Elapsed, long Priced, decimal Total);

/// <summary>Prices every line once on the calling thread, after a warm-up pass so the JIT has settled.</summary>
internal static class InMemoryBenchmark
{
    public static InMemoryResult Run(MedicarePfsPricer pricer, PfsLine[] lines)
    {
        Pass(pricer, lines.AsSpan(0, Math.Min(lines.Length, 200_000)));
        var sw = Stopwatch.StartNew();
        var (priced, total) = Pass(pricer, lines);
        sw.Stop();
        return new InMemoryResult(sw.Elapsed, priced, total);
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
