using System.Globalization;
using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Stores;
using FeeEngine.Excel.Csv;
using FeeEngine.Excel.Underpayments;
using FeeEngine.Excel.Workbooks;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine export underpayments</c>: a reconciliation run's underpaid and denied lines, for appeals.</summary>
public sealed class ExportUnderpaymentsCommand : ICommand
{
    public string Name => "export underpayments";
    public string Summary => "underpayments workbook of a reconciliation run: by payer, by code, and the lines for appeals";
    public string Usage => """
        Usage: feeengine export underpayments --run ID --out under.xlsx|under.csv

          --run   a reconciliation run id, as 'feeengine reconcile' printed it.
          --out   .xlsx: a cover sheet, totals by payer and by code, and every underpaid or denied line with its contract,
                  version, term and adjustment codes; .csv: the lines.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["run", "out"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var output = args.Required("out");
        var workbook = ExportOptions.IsWorkbook(output);
        var runId = args.Required("run");
        var queries = new ReconciliationLineQueries(context.Database);
        var run = queries.FindRunOrNull(runId);
        if (run is null)
        {
            var runs = new ReconciliationStore(context.Database, context.Clock).Runs();
            throw new UsageException($"no reconciliation run '{runId}' is stored (runs: {(runs.Count == 0 ? "none" : string.Join(", ", runs.TakeLast(5).Select(r => r.RunId)))})");
        }
        if (run.Status != "complete") throw new InvalidDataException($"reconciliation run {runId} is {run.Status}: it did not finish, so its lines are not all there");

        var report = new UnderpaymentReport(run, queries.Lines(runId, UnderpaymentReport.Categories));
        if (workbook) UnderpaymentsWorkbook.Save(report, UnderpaymentsWorkbook.CoverFor(report, context.Clock.GetUtcNow(), ExportOptions.CommandText(Name, args)), output);
        else ExportCsv.Underpayments(report, output);
        var inv = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"Wrote {output}: {report.Total.Underpaid.ToString("N0", inv)} underpaid and {report.Total.Denied.ToString("N0", inv)} denied lines, shortfall {report.Total.Shortfall.ToString("N2", inv)}.");
        return 0;
    }
}
