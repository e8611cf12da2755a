using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine import anesthesia-base-units</c>: load a base-unit CSV into the database.</summary>
public sealed class ImportAnesthesiaBaseUnitsCommand : ICommand
{
    public string Name => "import anesthesia-base-units";
    public string Summary => "import anesthesia base units (CSV: code,base_units,effective_from)";
    public string Usage => """
        Usage: feeengine import anesthesia-base-units <file.csv>

          Reads a CSV with the header code,base_units,effective_from (any column order; '#' lines are comments):
          a CPT anesthesia code (00100-01999), its base units, and the first date of service they apply to.
          Anesthesia lines are priced as (base units + minutes / 15) x the locality's anesthesia CF from the ANES
          file. Re-importing the same values changes nothing; a stored code and date with a different value is
          refused and nothing is imported (give a corrected value its own effective_from).
          Sample: schedules/anesthesia-base-units.sample.csv
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give exactly one base-unit CSV file");
        var path = args.Positional[0];
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        var file = AnesthesiaBaseUnitReader.Read(path);
        var stored = new AnesthesiaBaseUnitStore(context.Database, context.Clock).Import(path, file.Rows);
        context.Out.WriteLine($"{file.FileName}: {file.Rows.Count} rows read, {stored} new rows stored, {file.Rows.Count - stored} already stored.");
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
