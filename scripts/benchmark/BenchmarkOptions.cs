namespace FeeEngine.Benchmark;

internal sealed record BenchmarkOptions(int Lines, string Schedules, string? CmsRelease, string? CsvOut, string? ZipFile)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var lines = 1_000_000;
        var schedules = "schedules";
        string? cms = null, csv = null, zip = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--schedules": schedules = args[++i]; break;
                case "--cms-release": cms = args[++i]; break;
                case "--csv-out": csv = args[++i]; break;
                case "--zip-file": zip = args[++i]; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        return new BenchmarkOptions(lines, schedules, cms, csv, zip);
    }
}
