namespace FeeEngine.Benchmark;

internal sealed record BenchmarkOptions(int Lines, string Schedules, string? CmsRelease, string? CsvOut, string? ZipFile, string Mix, string Api)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var lines = 1_000_000;
        var schedules = "schedules";
        string? cms = null, csv = null, zip = null;
        var mix = "uniform";
        var api = "both";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines": lines = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--schedules": schedules = args[++i]; break;
                case "--cms-release": cms = args[++i]; break;
                case "--csv-out": csv = args[++i]; break;
                case "--zip-file": zip = args[++i]; break;
                case "--mix": mix = args[++i]; break;
                case "--api": api = args[++i]; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (mix is not ("uniform" or "clinic")) throw new ArgumentException($"--mix {mix}: expected uniform or clinic");
        if (api is not ("batch" or "object" or "both")) throw new ArgumentException($"--api {api}: expected batch, object or both");
        return new BenchmarkOptions(lines, schedules, cms, csv, zip, mix, api);
    }
}
