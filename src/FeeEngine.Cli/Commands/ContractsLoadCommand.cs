using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules.Contracts;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine contracts load</c>: validate contract files and store them.</summary>
public sealed class ContractsLoadCommand : ICommand
{
    public string Name => "contracts load";
    public string Summary => "validate and store payer contract files (JSON: versions, terms, carve-outs)";
    public string Usage => """
        Usage: feeengine contracts load <contract.json> [<contract.json> ...]

          Each file holds one payer's contract: its versions (inclusive effective periods that must not overlap) and
          each version's terms: carve-outs (fixed fees), percent of Medicare (current, or a frozen year or date, the
          service's or a fixed locality), percent of billed charges, by code range or category, a default term,
          lesser-of-billed and whether Medicare's payment policies apply. Format: schedules/contracts/README.md.
          Every file is checked before anything is stored; a file with any problem stores nothing and lists every
          problem (line, field, value). Loading a file again replaces that contract's versions and terms; its
          imported fee schedules are kept. Samples: schedules/contracts/*.json
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 0) throw new UsageException("give at least one contract file");
        var files = new List<(string Path, Core.Contracts.Contract Contract, string Hash)>();
        foreach (var path in args.Positional)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
            var bytes = File.ReadAllBytes(path);
            files.Add((path, ContractFileReader.Parse(bytes, Path.GetFileName(path)), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))));
        }
        var store = new ContractStore(context.Database, context.Clock);
        foreach (var (path, contract, hash) in files)
        {
            var outcome = store.SaveContract(contract, path, hash);
            var what = outcome switch { SaveOutcome.Created => "stored", SaveOutcome.Replaced => "replaced the stored versions", _ => "unchanged (already stored)" };
            context.Out.WriteLine($"{Path.GetFileName(path)}: {contract} with {contract.Versions.Count} version(s): {what}.");
            foreach (var v in contract.Versions)
                context.Out.WriteLine($"  {v.Label} {v.Period}: {v.Terms.Count} term(s){(v.Default is null ? "" : ", default")}{(v.CarveOuts is { } c ? $", {c.Count} carve-out(s)" : "")}");
        }
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }
}
