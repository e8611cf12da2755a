using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine import clfs</c>: load a quarterly Clinical Laboratory Fee Schedule file.</summary>
public sealed class ImportClfsCommand : ICommand
{
    public string Name => "import clfs";
    public string Summary => "import a quarterly Clinical Laboratory Fee Schedule file (CMS's XLSX or CSV)";
    public string Usage => """
        Usage: feeengine import clfs <CLFS_2026_Q1V1.xlsx|.csv> [...]

          Reads CMS's quarterly CLFS file (columns YEAR, HCPCS, MOD, EFF_DATE, INDICATOR, RATE; descriptions are not
          read) and stores its national rates by code and modifier for the quarter of its EFF_DATE (e.g. 26CLABQ1:
          2026-01-01..2026-03-31). Importing the same file again changes nothing; a different file for a stored
          quarter is refused. Every bad row is reported (row, column, value) and nothing is stored.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 0) throw new UsageException("give at least one CLFS file");
        var store = new ClfsStore(context.Database, context.Clock);
        foreach (var path in args.Positional)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
            var schedule = ClfsReader.Read(path);
            var stored = store.Import(schedule, path);
            context.Out.WriteLine($"{Path.GetFileName(path)}: CLFS {schedule.Id} ({schedule.EffectiveFrom:yyyy-MM-dd}..{schedule.EffectiveTo:yyyy-MM-dd}), {schedule.Count:N0} rates: {(stored ? "stored" : "unchanged (already stored)")}.");
        }
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
