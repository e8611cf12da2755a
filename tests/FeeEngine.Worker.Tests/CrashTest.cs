using System.Globalization;
using System.Text;
using System.Text.Json;
using FeeEngine.Application.Import;
using FeeEngine.Application.Jobs;
using FeeEngine.Data;
using FeeEngine.Data.Jobs;
using FeeEngine.Data.Stores;
using FeeEngine.Data.Tests;

namespace FeeEngine.Worker.Tests;

/// <summary>
/// Four worker processes share one database and 200 price-file jobs (1,000 lines each, committed in chunks of about
/// 100 rows); one worker is killed with SIGKILL twice while it holds a job half done. Every job must end exactly once,
/// with every output row written exactly once, and every output file must equal what a single worker produces.
/// </summary>
public sealed class CrashTest : IDisposable
{
    private const int Jobs = 200;
    private const int ClaimsPerJob = 250;   // four lines each: 1,000 lines
    private readonly string _folder = Directory.CreateTempSubdirectory("feeengine-crash-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Fact]
    public void On_SQLite_four_workers_with_one_killed_twice_finish_every_job_exactly_once_with_single_worker_results()
    {
        var path = Path.Combine(_folder, "crash.db");
        Run(path, FeeEngineDatabase.Sqlite(path));
    }

    [PostgresFact]
    public void On_PostgreSQL_four_workers_with_one_killed_twice_finish_every_job_exactly_once_with_single_worker_results()
    {
        using var pg = new PostgresDatabase();
        Run("postgres:" + pg.ConnectionStringOfDatabase, pg.Database);
    }

    private void Run(string location, FeeEngineDatabase database)
    {
        Import(database);
        var inputs = Enumerable.Range(0, Jobs).Select(WriteInput).ToList();
        var store = new JobStore(database, TimeProvider.System);
        var ids = inputs.Select(input => store.Submit(JobKinds.PriceFile,
            JsonSerializer.Serialize(new PriceFileArguments(input, input.Replace(".csv", ".out.csv", StringComparison.Ordinal)), JobArguments.Json))).ToList();

        // The victim (w1) commits smaller chunks, so it spends longer holding half-done jobs.
        var workers = Enumerable.Range(1, 4).Select(n => WorkerProcess.Start($"w{n}", location, _folder, chunkRows: n == 1 ? 20 : 100)).ToList();
        try
        {
            // Kill the victim while it holds a half-done job. The job may finish between the look and the kill; only a
            // kill that leaves its job running (held by the dead worker) counts, and the victim is killed until two did.
            var effective = 0;
            for (var attempt = 1; effective < 2; attempt++)
            {
                attempt.Should().BeLessThan(10, "two kills should land on a held job within a few tries");
                var victim = workers[0];
                string? held = null;
                WaitUntil(() => (held = store.List().FirstOrDefault(j => j.WorkerId == victim.Id && j.Status == JobStatus.Running && j.RowsDone > 0 && j.RowsDone < j.RowsTotal)?.JobId) is not null,
                    TimeSpan.FromSeconds(90), $"worker {victim.Id} to hold a half-done job");
                victim.Kill();
                if (store.Find(held!) is { Status: JobStatus.Running } job && job.WorkerId == victim.Id) effective++;
                workers[0] = WorkerProcess.Start($"w1-restart{attempt}", location, _folder, chunkRows: 20);
            }
            WaitUntil(() => store.List().All(j => j.Status is not (JobStatus.Queued or JobStatus.Running)), TimeSpan.FromMinutes(4), "every job to finish");
        }
        finally
        {
            foreach (var w in workers) w.Stop(TimeSpan.FromSeconds(20));
            foreach (var w in workers) w.Dispose();
        }

        var jobs = store.List();
        jobs.Should().HaveCount(Jobs);
        jobs.Where(j => j.Status != JobStatus.Succeeded).Select(j => $"{j.JobId} {j.Status} {j.Error}").Should().BeEmpty();
        jobs.Should().OnlyContain(j => j.Completions == 1 && j.RowsDone == ClaimsPerJob * 4 && j.RowsTotal == ClaimsPerJob * 4);
        // Each effective kill left a half-done job to be claimed again (both may hit the same job, taken over twice).
        jobs.Sum(j => j.Attempts - 1).Should().BeGreaterThanOrEqualTo(2, "each kill left a half-done job for another worker");
        foreach (var id in ids) store.OutputCount(id).Should().Be(ClaimsPerJob * 4);

        // The same jobs run by one worker, in process, on a database of its own: the files must be identical.
        var single = FeeEngineDatabase.Sqlite(Path.Combine(_folder, "single.db"));
        Import(single);
        var singleStore = new JobStore(single, TimeProvider.System);
        foreach (var input in inputs)
            singleStore.Submit(JobKinds.PriceFile, JsonSerializer.Serialize(new PriceFileArguments(input, input.Replace(".csv", ".single.csv", StringComparison.Ordinal)), JobArguments.Json));
        var runner = new JobRunner(singleStore, "single", JobHandlers.All(single, Repository.Schedules, chunkRows: 100), TimeSpan.FromMinutes(5));
        while (runner.RunNext(CancellationToken.None)) { }
        foreach (var input in inputs)
            File.ReadAllBytes(input.Replace(".csv", ".out.csv", StringComparison.Ordinal))
                .Should().Equal(File.ReadAllBytes(input.Replace(".csv", ".single.csv", StringComparison.Ordinal)), $"the output of {Path.GetFileName(input)}");
    }

    private static void Import(FeeEngineDatabase database) =>
        new CmsImporter(new ReleaseStore(database, TimeProvider.System), TextWriter.Null).Import(CmsImportPlan.Build([Repository.Sample]), null);

    private static readonly (string Code, string Modifiers, string Pos)[] Services =
    [
        ("99213", "", "11"), ("99214", "25", "11"), ("71046", "26", "22"), ("20610", "", "11"), ("27447", "", "22"), ("11042", "", "11"),
        ("17000", "", "11"), ("97110", "GP", "11"), ("93000", "", "11"), ("96372", "", "11"), ("80053", "", "11"), ("45378", "", "22"),
    ];

    private static readonly string[] Localities = ["10112-00", "13202-01", "01112-05", "02102-01"];

    /// <summary>A claim-line file of its own for each job: claims of four lines from the sample schedule's codes.</summary>
    private string WriteInput(int job)
    {
        var path = Path.Combine(_folder, $"job{job:D3}.csv");
        var text = new StringBuilder("claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge\n");
        for (var c = 0; c < ClaimsPerJob; c++)
        {
            var locality = Localities[(job + c) % Localities.Length];
            var day = 1 + ((job * 7 + c) % 28);
            for (var l = 0; l < 4; l++)
            {
                var (code, modifiers, pos) = Services[(job * 3 + c * 5 + l * 7) % Services.Length];
                text.Append(CultureInfo.InvariantCulture, $"J{job}-C{c},{l + 1},2025-11-{day:D2},{code},{modifiers},1,{pos},,{locality},{100 + (c % 50) * 10}.00\n");
            }
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}");
            Thread.Sleep(25);
        }
    }
}
