using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Dmepos;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine import dmepos</c>: load CMS's DMEPOS and parenteral/enteral (PEN) fee schedule files.</summary>
public sealed class ImportDmeposCommand : ICommand
{
    public string Name => "import dmepos";
    public string Summary => "import DMEPOS and parenteral/enteral (PEN) fee schedule files (CMS's XLSX or CSV)";
    public string Usage => """
        Usage: feeengine import dmepos <DMEPOS26_JAN.xlsx|DMEPEN26_JAN.xlsx> [...]

          Reads CMS's DMEPOS fee schedule file (HCPCS, Mod, Mod2, JURIS, CATG, Ceiling, Floor, then a non-rural and a
          rural fee per state) or its parenteral/enteral file (HCPCS, MOD, MOD2, then the state fees); which one it is
          comes from the header. Descriptions are not read. A file is in force from the first day of the month its
          title names ("January 2026 Fee Schedule") until the day before the next file of the same kind, and never
          past December 31. Importing the same file again changes nothing; a different file under a stored name is
          refused. Every bad row is reported (row, column, value) and nothing is stored.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 0) throw new UsageException("give at least one DMEPOS or PEN file");
        var store = new DmeposStore(context.Database, context.Clock);
        foreach (var path in args.Positional)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
            var schedule = DmeposReader.Read(path);
            var stored = store.Import(schedule, path);
            var kind = schedule.File == DmeposFile.Dmepos ? "DMEPOS fee schedule" : "PEN fee schedule";
            context.Out.WriteLine($"{Path.GetFileName(path)}: {kind} {schedule.Id} (from {schedule.EffectiveFrom:yyyy-MM-dd}), {schedule.Count:N0} rows: {(stored ? "stored" : "unchanged (already stored)")}.");
        }
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
