using System.Text;
using System.Text.Json;
using FeeEngine.Application.Import;
using FeeEngine.Application.Jobs;
using FeeEngine.Data;
using FeeEngine.Data.Jobs;
using FeeEngine.Data.Stores;

namespace FeeEngine.Worker.Tests;

/// <summary>
/// SIGTERM stops a worker between chunks: the job goes back to the queue with its committed chunks, and the next
/// worker finishes it from there; a job cancelled while running stops at its next chunk.
/// </summary>
public sealed class GracefulStopTest : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feeengine-stop-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private (string Db, JobStore Store, string Input) Setup(int claims)
    {
        var db = Path.Combine(_folder, "stop.db");
        var database = FeeEngineDatabase.Sqlite(db);
        new CmsImporter(new ReleaseStore(database, TimeProvider.System), TextWriter.Null).Import(CmsImportPlan.Build([Repository.Sample]), null);
        var input = Path.Combine(_folder, "big.csv");
        var text = new StringBuilder("claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge\n");
        for (var c = 0; c < claims; c++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"C{c},1,2025-11-03,99213,,1,11,,10112-00,150.00\nC{c},2,2025-11-03,20610,,1,11,,10112-00,200.00\n");
        File.WriteAllText(input, text.ToString());
        return (db, new JobStore(database, TimeProvider.System), input);
    }

    [Fact]
    public void A_worker_stopped_with_SIGTERM_releases_its_job_and_the_next_worker_finishes_it_from_the_last_chunk()
    {
        var (db, store, input) = Setup(claims: 20_000);
        var id = store.Submit(JobKinds.PriceFile, JsonSerializer.Serialize(new PriceFileArguments(input, Path.Combine(_folder, "out.csv")), JobArguments.Json));

        using (var first = WorkerProcess.Start("first", db, _folder, leaseSeconds: 30, chunkRows: 50))
        {
            Wait(() => store.Find(id)!.RowsDone > 0);
            first.Stop(TimeSpan.FromSeconds(20)).Should().BeTrue("the worker stops after its current chunk");
        }
        var released = store.Find(id)!;
        released.Status.Should().Be(JobStatus.Queued);
        released.WorkerId.Should().BeNull();
        released.RowsDone.Should().BeGreaterThan(0).And.BeLessThan(40_000);

        using (var second = WorkerProcess.Start("second", db, _folder, leaseSeconds: 30, chunkRows: 50))
            Wait(() => store.Find(id)!.Status == JobStatus.Succeeded);

        var done = store.Find(id)!;
        done.Attempts.Should().Be(2);
        done.Completions.Should().Be(1);
        File.ReadAllLines(Path.Combine(_folder, "out.csv")).Should().HaveCount(40_001);
    }

    [Fact]
    public void A_running_job_that_is_cancelled_stops_at_its_next_chunk()
    {
        var (db, store, input) = Setup(claims: 20_000);
        var id = store.Submit(JobKinds.PriceFile, JsonSerializer.Serialize(new PriceFileArguments(input, Path.Combine(_folder, "out.csv")), JobArguments.Json));

        using var worker = WorkerProcess.Start("w", db, _folder, leaseSeconds: 30, chunkRows: 50);
        Wait(() => store.Find(id)!.RowsDone > 0);
        store.Cancel(id).Should().Be(JobStatus.Running);
        Wait(() => store.Find(id)!.Status == JobStatus.Cancelled);

        store.Find(id)!.RowsDone.Should().BeLessThan(40_000);
        File.Exists(Path.Combine(_folder, "out.csv")).Should().BeFalse();
    }

    private static void Wait(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached in 90 s");
            Thread.Sleep(20);
        }
    }
}
