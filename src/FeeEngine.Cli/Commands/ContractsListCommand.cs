using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine contracts list</c>: the stored payer contracts, versions and fee schedules.</summary>
public sealed class ContractsListCommand : ICommand
{
    public string Name => "contracts list";
    public string Summary => "list the stored payer contracts, their versions and fee schedules";
    public string Usage => "Usage: feeengine contracts list";
    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var contracts = new ContractStore(context.Database, context.Clock).List();
        if (contracts.Count == 0) context.Out.WriteLine("No payer contracts are stored. Load one with 'feeengine contracts load FILE'.");
        foreach (var c in contracts)
        {
            context.Out.WriteLine($"{c.Payer} / {c.Contract}{(c.SourceFile is null ? "" : $" (from {c.SourceFile})")}, loaded {c.LoadedAt}");
            foreach (var v in c.Versions) context.Out.WriteLine($"  version {v}");
            foreach (var f in c.FeeSchedules) context.Out.WriteLine($"  fee schedule {f}");
        }
        return 0;
    }
}
