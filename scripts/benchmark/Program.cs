using System.Diagnostics;
using System.Globalization;
using FeeEngine.Benchmark;

// Prices generated lines in memory on one thread, then writes the same lines as a price-file input CSV so that
// scripts/benchmark.sh can time `feeengine price-file` end to end.
var options = BenchmarkOptions.Parse(args);
var data = BenchmarkData.Load(options);
Console.WriteLine($"Reference data: {data.Description}");
var lines = LineGenerator.Generate(data, options.Lines, seed: 42, options.Mix);
Console.WriteLine($"Line mix: {options.Mix}");

var result = InMemoryBenchmark.Run(data.Pricer, lines);
var inv = CultureInfo.InvariantCulture;
Console.WriteLine($"in-memory fee schedule: {lines.Length.ToString("N0", inv)} lines in {result.Elapsed.TotalSeconds.ToString("0.000", inv)} s = " +
                  $"{(lines.Length / result.Elapsed.TotalSeconds).ToString("N0", inv)} lines/s on one thread " +
                  $"({result.Priced.ToString("N0", inv)} priced, total allowed {result.Total.ToString("N2", inv)})");
string[] apis = options.Api == "both" ? ["batch", "object"] : [options.Api];
foreach (var (api, claims, fastest, cpu) in ClaimBenchmark.Run(data.Claims, lines, apis))
{
    var name = api == "batch" ? "batch API, PriceInto" : "object API, Price";
    Console.WriteLine($"in-memory claims ({name}): {lines.Length.ToString("N0", inv)} lines in {claims.Elapsed.TotalSeconds.ToString("0.000", inv)} s = " +
                      $"{(lines.Length / claims.Elapsed.TotalSeconds).ToString("N0", inv)} lines/s on one thread with every payment policy " +
                      $"({claims.Priced.ToString("N0", inv)} priced, total allowed {claims.Total.ToString("N2", inv)}); fastest pass " +
                      $"{fastest.TotalSeconds.ToString("0.000", inv)} s = {(lines.Length / fastest.TotalSeconds).ToString("N0", inv)} lines/s; " +
                      $"median CPU time of a pass {cpu.TotalSeconds.ToString("0.000", inv)} s (all threads)");
}
Console.WriteLine($"in-memory: peak working set {(Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", inv)} MB");

if (options.CsvOut is { } csv)
{
    LineGenerator.WriteCsv(lines, csv);
    Console.WriteLine($"wrote {csv} for the price-file run");
}
