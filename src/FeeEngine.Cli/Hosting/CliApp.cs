using FeeEngine.Core.Pfs;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Hosting;

/// <summary>
/// Dispatches <c>feeengine</c> command lines: global options (<c>--db</c>, <c>--help</c>), then the command.
/// Errors the user can fix print one clear line and exit 2 (usage) or 1 (failure); nothing is swallowed.
/// </summary>
public sealed class CliApp(IReadOnlyList<ICommand> commands)
{
    public int Run(string[] args, CliContext context)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db")
            {
                if (i + 1 >= args.Length) return Usage(context, null, "option --db needs a value");
                context.DatabasePathOption = args[++i];
            }
            else if (args[i].StartsWith("--db=", StringComparison.Ordinal))
            {
                context.DatabasePathOption = args[i][5..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (rest.Count == 0 || rest[0] is "--help" or "-h" or "help")
        {
            PrintOverview(context.Out);
            return rest.Count == 0 ? 2 : 0;
        }

        var command = commands
            .Where(c => Matches(c.Name, rest))
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault();
        if (command is null)
            return Usage(context, null, $"unknown command '{string.Join(' ', rest.Take(2))}'");

        var commandArgs = rest.Skip(command.Name.Split(' ').Length).ToList();
        if (commandArgs.Contains("--help") || commandArgs.Contains("-h"))
        {
            context.Out.WriteLine(command.Usage);
            return 0;
        }

        try
        {
            var parsed = CommandLine.Parse(commandArgs, command.ValueOptions, command.FlagOptions);
            return command.Run(parsed, context);
        }
        catch (UsageException e)
        {
            return Usage(context, command, e.Message);
        }
        catch (Exception e) when (e is ImportConflictException or ReferenceDataNotFoundException or FileNotFoundException
                                       or DirectoryNotFoundException or InvalidDataException or Schedules.CmsFileException
                                       or Core.Contracts.ContractValidationException)
        {
            context.Error.WriteLine($"feeengine {command.Name}: {e.Message}");
            return 1;
        }
    }

    private static bool Matches(string name, List<string> args)
    {
        var words = name.Split(' ');
        return args.Count >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }

    private static int Usage(CliContext context, ICommand? command, string message)
    {
        context.Error.WriteLine($"feeengine: {message}");
        context.Error.WriteLine(command is null ? "Run 'feeengine --help' for the commands." : command.Usage);
        return 2;
    }

    private void PrintOverview(TextWriter w)
    {
        w.WriteLine("feeengine: Medicare Physician Fee Schedule pricing from CMS's own files.");
        w.WriteLine();
        w.WriteLine("Usage: feeengine [--db PATH] <command> [options]    (--help after any command for its options)");
        w.WriteLine();
        w.WriteLine("Commands:");
        var width = commands.Max(c => c.Name.Length);
        foreach (var c in commands)
            w.WriteLine($"  {c.Name.PadRight(width)}  {c.Summary}");
        w.WriteLine();
        w.WriteLine("Global options:");
        w.WriteLine("  --db PATH    SQLite database file (default: $FEEENGINE_DB, else ./feeengine.db)");
        w.WriteLine("  --help       this text; after a command, that command's usage");
    }
}
