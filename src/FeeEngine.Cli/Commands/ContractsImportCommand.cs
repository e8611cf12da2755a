using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Time;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules.Contracts;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine contracts import</c>: load a payer's fixed-fee schedule from a spreadsheet or CSV.</summary>
public sealed class ContractsImportCommand : ICommand
{
    public string Name => "contracts import";
    public string Summary => "import a payer fee schedule spreadsheet (XLSX or CSV) into a contract";
    public string Usage => """
        Usage: feeengine contracts import <file.xlsx|file.csv> --payer NAME --contract NAME --effective-from DATE
                                          [--effective-to DATE] [--sheet NAME] [--map code=CPT,modifier=Mod,amount="Allowed"]
                                          [--skip-bad-rows]

          Reads the sheet (the first, or --sheet), finds the header row among the first 30 rows (title rows above it
          are passed over) and the code, modifier and amount columns by their usual names, or as --map names them.
          Amounts may be numbers or currency text ($1,234.50). Every bad row is reported (row, column, value,
          reason); a file with bad rows loads nothing unless --skip-bad-rows, which loads the rest and lists the
          rows skipped. The fees are the contract's fixed fees from --effective-from through --effective-to
          (inclusive; open-ended when omitted); they take precedence over the contract's percentage terms.
          Importing again with the same start date replaces that fee schedule; an overlapping period is refused.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["payer", "contract", "effective-from", "effective-to", "sheet", "map"];
    public IReadOnlyCollection<string> FlagOptions { get; } = ["skip-bad-rows"];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give exactly one fee schedule file");
        var path = args.Positional[0];
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        var payer = args.Required("payer");
        var contract = args.Required("contract");
        var from = Date(args, "effective-from") ?? throw new UsageException("option --effective-from is required");
        var to = Date(args, "effective-to");
        if (to is { } end && end < from) throw new UsageException($"--effective-to {EffectivePeriod.Iso(end)} is before --effective-from {EffectivePeriod.Iso(from)}");
        FeeColumnMap? map = null;
        if (args.Value("map") is { } mapText)
        {
            try { map = FeeColumnMap.Parse(mapText); }
            catch (ArgumentException e) { throw new UsageException(e.Message.Split(" (Parameter")[0]); }
        }

        var file = PayerFeeScheduleReader.Read(path, args.Value("sheet"), map, args.Flag("skip-bad-rows"));
        var schedule = new FeeSchedule(file.FileName, new ContractPeriod(from, to), file.Fees);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var outcome = new ContractStore(context.Database, context.Clock).SaveFeeSchedule(payer, contract, schedule, hash);
        context.Out.WriteLine($"{file.FileName}: header on row {file.HeaderRow} (code '{file.CodeColumn}'{(file.ModifierColumn is null ? "" : $", modifier '{file.ModifierColumn}'")}, amount '{file.AmountColumn}'); " +
                              $"{file.Fees.Count} fees for {payer}/{contract} {schedule.Period}: " +
                              (outcome switch { SaveOutcome.Created => "stored.", SaveOutcome.Replaced => "replaced the fee schedule stored for that start date.", _ => "unchanged (already stored)." }));
        if (file.Skipped.Count > 0)
        {
            context.Out.WriteLine($"Skipped {file.Skipped.Count} bad row(s):");
            foreach (var s in file.Skipped) context.Out.WriteLine($"  {s.Problem}");
        }
        context.Out.WriteLine($"Database: {context.Database.Description}");
        return 0;
    }

    private static NodaTime.LocalDate? Date(CommandLine args, string name)
    {
        if (args.Value(name) is not { } text) return null;
        return EffectivePeriod.TryParseIso(text, out var date) ? date : throw new UsageException($"--{name} '{text}' is not a date (YYYY-MM-DD)");
    }
}
