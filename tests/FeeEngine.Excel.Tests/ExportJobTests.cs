using ClosedXML.Excel;
using FeeEngine.Application.Jobs;
using FeeEngine.Data;
using FeeEngine.Data.Jobs;
using FeeEngine.Excel.Jobs;
using static FeeEngine.Excel.Tests.SampleExports;

namespace FeeEngine.Excel.Tests;

/// <summary>The underpayments export as a worker job: queued with `jobs submit`, run by a worker's job runner.</summary>
public sealed class ExportJobTests(SampleExports sample) : IClassFixture<SampleExports>
{
    [Fact]
    public void A_queued_underpayments_export_is_written_by_the_worker_and_the_job_says_what_it_wrote()
    {
        var path = sample.Path_($"job-under-{Guid.NewGuid():N}.xlsx");
        var id = Must(sample.Cli.Run("jobs", "submit", "export-underpayments", "--run", sample.RunId, "--out", path)).Out.Trim();
        var database = FeeEngineDatabase.Sqlite(sample.Cli.DatabasePath);
        var store = new JobStore(database, TimeProvider.System);

        new JobRunner(store, "test-worker", [new ExportUnderpaymentsJob(database)], TimeSpan.FromMinutes(1)).RunNext(CancellationToken.None).Should().BeTrue();

        store.Find(id)!.Should().Match<Job>(j => j.Status == JobStatus.Succeeded && j.Result == $"1 underpaid and 1 denied lines into {path}");
        using var wb = new XLWorkbook(path);
        wb.Worksheets.Select(w => w.Name).Should().Equal("Cover", "By payer", "By code", "Lines");
        wb.Worksheet("By payer").Cell("H2").GetDouble().Should().BeApproximately(107.77, 1e-9);
    }
}
