using System.Globalization;
using FeeEngine.Cli.Hosting;
using FeeEngine.Application.Pricing;
using FeeEngine.Application.Reconciliation;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine reconcile</c>: compare what payers paid with what their contracts say.</summary>
public sealed class ReconcileCommand : ICommand
{
    public string Name => "reconcile";
    public string Summary => "compare payments (835 remittance or paid-lines CSV) with the contracts; flag underpayments";
    public string Usage => $"""
        Usage: feeengine reconcile <paid.csv> --out results.csv [--payer NAME] [--tolerance-usd 1.00] [--tolerance-pct 2]
                                   [--tolerances payer-tolerances.csv]
               feeengine reconcile <remit.835> --claims claims.csv --out results.csv [--payer NAME] [...]

          paid.csv columns: {string.Join(',', PaidCsvReconciler.Columns)}
            (payer, payer_allowed and adjustment_codes may be absent; adjustment codes such as CO-45 PR-2, separated
            by spaces). Each row is a billed line and its payment: the expected amount is priced from the row
            (Medicare's rules, then the payer's contract) and compared. A claim's rows must be together.
          remit.835: an X12 835 (5010) remittance; --claims gives the billed claim lines (price-file columns, with
            an optional payer column) the payments are compared with. The payer is --payer, else the claim's payer
            column, else the remittance's payer (N1*PR).
          Matching (per claim): by line id, else by code, date and units with the same modifiers in any order, else
            whatever the modifiers; the rule is reported. Unmatched lines are reported, never dropped.
          Variance = payer allowed (or paid + patient responsibility) - expected. Underpaid / overpaid when the
            difference exceeds both --tolerance-usd (default 1.00) and --tolerance-pct of expected (default 2);
            --tolerances sets them per payer (CSV payer,tolerance_usd,tolerance_pct). Zero paid with adjustment codes
            is a denial.
          Output: results.csv (one row per line: {ReconciliationOutput.Header.Replace(",", ", ", StringComparison.Ordinal)}),
            results.summary.csv (by payer, code and reason), and the run stored in the database (its id is printed).
          A file with a bad row is rejected with every problem listed; nothing is written or stored.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "payer", "claims", "tolerance-usd", "tolerance-pct", "tolerances"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give one payment file (.835 or paid-lines .csv)");
        var request = new ReconciliationRequest(args.Positional[0], args.Required("out"), args.Value("claims"), args.Value("payer"),
            new Tolerance(Dec(args, "tolerance-usd", 1.00m), Dec(args, "tolerance-pct", 2m)), args.Value("tolerances"));
        if (request.IsRemittance && request.Claims is null) throw new UsageException("an 835 remittance needs --claims: the billed claim lines to compare the payments with");
        if (!request.IsRemittance && request.Claims is not null) throw new UsageException("--claims is for 835 remittances; a paid-lines CSV carries its billed lines");
        if (!File.Exists(request.Input)) throw new FileNotFoundException($"file not found: {request.Input}", request.Input);

        var result = ReconciliationRunner.Run(context.LoadPricing(), new ReconciliationStore(context.Database, context.Clock), request);

        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"Reconciliation run {result.RunId}: {result.PaidLines.ToString("N0", inv)} paid lines, {result.ResultLines.ToString("N0", inv)} result lines; wrote {request.Output} and {request.SummaryPath}.");
        foreach (var r in result.Summary.Where(r => r.Dimension is "reason" or "payer"))
            context.Out.WriteLine($"  {r.Dimension} {r.Key}: {r.Lines.ToString("N0", inv)} lines, expected {r.Expected.ToString("N2", inv)}, actual {r.Actual.ToString("N2", inv)}" +
                                  (r.Underpaid > 0 ? $", {r.Underpaid.ToString("N0", inv)} underpaid by {r.Shortfall.ToString("N2", inv)}" : "") +
                                  (r.Denied > 0 ? $", {r.Denied.ToString("N0", inv)} denied" : ""));
        return 0;
    }

    private static decimal Dec(CommandLine args, string name, decimal fallback)
    {
        if (args.Value(name) is not { } text) return fallback;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && (name != "tolerance-pct" || d <= 100m)
            ? d
            : throw new UsageException($"--{name} '{text}' is not {(name == "tolerance-pct" ? "a percentage from 0 to 100" : "a dollar amount")}");
    }
}
