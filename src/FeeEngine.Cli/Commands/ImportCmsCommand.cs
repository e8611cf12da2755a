using FeeEngine.Cli.Hosting;
using FeeEngine.Application.Import;
using FeeEngine.Core.Time;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine import cms</c>: load CMS PFS release files and ZIP5 files into the database.</summary>
public sealed class ImportCmsCommand : ICommand
{
    public string Name => "import cms";
    public string Summary => "import CMS PFS files (PPRRVU, GPCI, ANES, OPPSCAP, ZIP5) from folders or files";
    public string Usage => """
        Usage: feeengine import cms <folder or files...> [--effective-from YYYY-MM-DD]

          Detects each file's kind (PPRRVU, GPCI, ANES, OPPSCAP, ZIP5; CSV, fixed-width TXT or XLSX) and stores
          the files of each folder as one release (e.g. RVU25D, effective 2025-10-01), read from the PPRRVU
          file's title or name. Folders are searched recursively. Re-importing a release changes nothing.
          --effective-from   the date the release takes effect, when the file does not say (or to override it)
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["effective-from"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 0) throw new UsageException("give at least one folder or file");
        NodaTime.LocalDate? from = null;
        if (args.Value("effective-from") is { } text)
        {
            if (!EffectivePeriod.TryParseIso(text, out var d)) throw new UsageException($"--effective-from '{text}' is not a date (YYYY-MM-DD)");
            from = d;
        }
        var plan = CmsImportPlan.Build(args.Positional);
        new CmsImporter(new ReleaseStore(context.Database, context.Clock), context.Out).Import(plan, from);
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
