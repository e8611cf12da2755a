using FeeEngine.Application.Import;
using FeeEngine.Data;
using FeeEngine.Data.Stores;

namespace FeeEngine.Application.Jobs;

/// <summary>Imports CMS files as <c>feeengine import cms</c> does: one transaction per release, a repeat is a no-op.</summary>
public sealed class ImportCmsJob(FeeEngineDatabase database, PricingEnvironmentCache environments) : IJobHandler
{
    public string Kind => JobKinds.ImportCms;

    public string Run(JobContext context)
    {
        var a = context.Arguments<ImportCmsArguments>();
        using var log = new StringWriter();
        new CmsImporter(new ReleaseStore(database, TimeProvider.System), log).Import(CmsImportPlan.Build(a.Paths), null);
        environments.Invalidate();
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "imported" : lines[^1];
    }
}

/// <summary>Every job handler, sharing one cache of pricing reference data.</summary>
public static class JobHandlers
{
    public static IReadOnlyList<IJobHandler> All(FeeEngineDatabase database, string? schedulesFolder, int chunkRows = PriceFileJob.DefaultChunkRows)
    {
        var environments = new PricingEnvironmentCache(database, schedulesFolder);
        return [new PriceFileJob(environments, chunkRows), new ReconcileJob(database, environments), new ImportCmsJob(database, environments)];
    }
}
