using System.Text;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Data.Stores;

namespace FeeEngine.Application.Reconciliation;

/// <summary>What to reconcile: the payment file, the billed claims for an 835, the payer and the tolerances.</summary>
/// <param name="Claims">The billed claim lines (price-file CSV); required for an 835, refused for a paid-lines CSV.</param>
/// <param name="Tolerances">A per-payer tolerance CSV (payer,tolerance_usd,tolerance_pct), or null.</param>
public sealed record ReconciliationRequest(string Input, string Output, string? Claims, string? Payer, Tolerance Tolerance, string? Tolerances)
{
    /// <summary>An X12 835 remittance (any extension but .csv).</summary>
    public bool IsRemittance => !Input.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The summary CSV written beside <see cref="Output"/>: results.csv -> results.summary.csv.</summary>
    public string SummaryPath => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Output))!, Path.GetFileNameWithoutExtension(Output) + ".summary.csv");
}

/// <summary>The outcome of a reconciliation run.</summary>
public sealed record ReconciliationResult(string RunId, long PaidLines, long ResultLines, IReadOnlyList<SummaryRow> Summary);

/// <summary>
/// Runs a reconciliation end to end, the same for the command line and the worker: reads the payments, prices the
/// expected amounts, writes the line CSV (through a temporary file, moved into place only when complete) and the
/// summary CSV, and stores the run and its lines in one transaction. A bad input file leaves nothing behind.
/// </summary>
public static class ReconciliationRunner
{
    public static ReconciliationResult Run(PricingEnvironment environment, ReconciliationStore store, ReconciliationRequest request)
    {
        if (!File.Exists(request.Input)) throw new FileNotFoundException($"file not found: {request.Input}", request.Input);
        if (request.IsRemittance && request.Claims is null) throw new ArgumentException("an 835 remittance needs the billed claims (--claims): the claim lines to compare the payments with");
        if (!request.IsRemittance && request.Claims is not null) throw new ArgumentException("--claims is for 835 remittances; a paid-lines CSV carries its billed lines");
        var tolerances = ToleranceTable.Read(request.Tolerances, request.Tolerance);
        var temp = request.Output + ".partial";
        using var run = store.Start(request.Input, request.Claims, request.Payer, request.Tolerance);
        ReconciliationSummary summary;
        long lines;
        try
        {
            using (var writer = PriceFileRunner.CreateOutput(temp))
            {
                writer.Write(ReconciliationOutput.Header);
                writer.Write('\n');
                if (request.IsRemittance)
                {
                    (lines, summary) = RemittanceReconciler.Run(environment, request.Input, request.Claims!, request.Payer, tolerances.For, run.Add, writer);
                }
                else
                {
                    using var reader = new StreamReader(request.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
                    var result = new PaidCsvReconciler(environment, request.Payer, tolerances.For).Run(reader, Path.GetFileName(request.Input), run.Add, writer);
                    (lines, summary) = (result.Lines, result.Summary);
                }
            }
            run.Complete(summary.Rows());
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        File.Move(temp, request.Output, overwrite: true);
        var rows = summary.Rows();
        using (var w = PriceFileRunner.CreateOutput(request.SummaryPath)) ReconciliationOutput.WriteSummary(w, rows);
        return new ReconciliationResult(run.RunId, lines, run.Lines, rows);
    }
}
