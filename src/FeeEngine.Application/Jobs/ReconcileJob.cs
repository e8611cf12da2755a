using System.Globalization;
using FeeEngine.Application.Reconciliation;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Data;
using FeeEngine.Data.Stores;

namespace FeeEngine.Application.Jobs;

/// <summary>
/// Reconciles a payment file as <c>feeengine reconcile</c> does. The run is one transaction (the stored run and its
/// lines, the output files moved into place at the end), so a job taken over by another worker starts it again:
/// nothing of the first attempt was kept.
/// </summary>
public sealed class ReconcileJob(FeeEngineDatabase database, PricingEnvironmentCache environments) : IJobHandler
{
    public string Kind => JobKinds.Reconcile;

    public string Run(JobContext context)
    {
        var a = context.Arguments<ReconcileArguments>();
        var request = new ReconciliationRequest(a.Input, a.Output, a.Claims, a.Payer, new Tolerance(a.ToleranceUsd, a.TolerancePct), a.Tolerances);
        var result = ReconciliationRunner.Run(environments.Get(), new ReconciliationStore(database, TimeProvider.System), request);
        var under = result.Summary.FirstOrDefault(r => r.Dimension == "reason" && r.Key == "underpaid");
        return $"run {result.RunId}: {result.ResultLines.ToString("N0", CultureInfo.InvariantCulture)} lines into {a.Output}" +
               (under is null ? "" : $"; {under.Lines.ToString("N0", CultureInfo.InvariantCulture)} underpaid by {under.Shortfall.ToString("N2", CultureInfo.InvariantCulture)}");
    }
}
