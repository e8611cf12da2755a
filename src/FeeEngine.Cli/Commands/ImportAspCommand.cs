using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine import asp</c>: load CMS's quarterly ASP pricing file for Part B drugs.</summary>
public sealed class ImportAspCommand : ICommand
{
    public string Name => "import asp";
    public string Summary => "import a quarterly ASP pricing file for Part B drugs (CMS's CSV or XLSX)";
    public string Usage => """
        Usage: feeengine import asp <"January 2026 ASP Pricing File.csv"|.xlsx> [...]

          Reads CMS's quarterly ASP pricing file (preamble rows, then HCPCS Code, Short Description, HCPCS Code Dosage,
          Payment Limit, Co-insurance Percentage, ...; other columns are ignored) and stores the payment limit per
          billing unit of each code for the quarter the preamble names (January 2026 = 2026-01-01..2026-03-31).
          Allowed = payment limit x units, rounded once to the cent. Importing the same file again changes nothing; a
          different file for a stored quarter is refused. Every bad row is reported (line, column, value) and nothing
          is stored.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 0) throw new UsageException("give at least one ASP pricing file");
        var store = new AspStore(context.Database, context.Clock);
        foreach (var path in args.Positional)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
            var schedule = AspReader.Read(path);
            var stored = store.Import(schedule, path);
            context.Out.WriteLine($"{Path.GetFileName(path)}: {schedule.Id} ({schedule.EffectiveFrom:yyyy-MM-dd}..{schedule.EffectiveTo:yyyy-MM-dd}), {schedule.Count:N0} payment limits: {(stored ? "stored" : "unchanged (already stored)")}.");
        }
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
