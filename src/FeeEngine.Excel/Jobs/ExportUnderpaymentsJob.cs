using System.Globalization;
using FeeEngine.Application.Jobs;
using FeeEngine.Data;
using FeeEngine.Excel.Csv;
using FeeEngine.Excel.Underpayments;
using FeeEngine.Excel.Workbooks;

namespace FeeEngine.Excel.Jobs;

/// <summary>Write the underpayments workbook (or CSV) of a reconciliation run, as <c>feeengine export underpayments</c> does.</summary>
public sealed record ExportUnderpaymentsArguments(string Run, string Output);

/// <summary>
/// The underpayments export as a worker job (typically queued after a reconcile job). One step: the file is written
/// through a temporary file and moved into place, so a job taken over after a crash simply writes it again.
/// </summary>
public sealed class ExportUnderpaymentsJob(FeeEngineDatabase database) : IJobHandler
{
    public const string JobKind = "export-underpayments";

    public string Kind => JobKind;

    public string Run(JobContext context)
    {
        var a = context.Arguments<ExportUnderpaymentsArguments>();
        var queries = new Data.Stores.ReconciliationLineQueries(database);
        var run = queries.FindRunOrNull(a.Run) ?? throw new InvalidDataException($"no reconciliation run '{a.Run}' is stored");
        if (run.Status != "complete") throw new InvalidDataException($"reconciliation run {a.Run} is {run.Status}: it did not finish, so its lines are not all there");
        var report = new UnderpaymentReport(run, queries.Lines(a.Run, UnderpaymentReport.Categories));
        var workbook = a.Output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        var temp = a.Output + ".partial" + (workbook ? ".xlsx" : ".csv");
        if (workbook) UnderpaymentsWorkbook.Save(report, UnderpaymentsWorkbook.CoverFor(report, DateTimeOffset.UtcNow, $"job {context.Job.JobId}: export underpayments --run {a.Run}"), temp);
        else ExportCsv.Underpayments(report, temp);
        File.Move(temp, a.Output, overwrite: true);
        var inv = CultureInfo.InvariantCulture;
        return $"{report.Total.Underpaid.ToString("N0", inv)} underpaid and {report.Total.Denied.ToString("N0", inv)} denied lines into {a.Output}";
    }
}
