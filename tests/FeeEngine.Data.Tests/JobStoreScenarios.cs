using FeeEngine.Data.Jobs;

namespace FeeEngine.Data.Tests;

/// <summary>What the job queue must guarantee on every database: the same scenarios on SQLite and PostgreSQL.</summary>
internal static class JobStoreScenarios
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static void Jobs_are_claimed_oldest_first_and_each_by_one_worker(Func<TimeProvider, FeeEngineDatabase> open)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var store = new JobStore(open(clock), clock);
        var first = store.Submit("price-file", "{}");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = store.Submit("price-file", "{}");

        store.Claim("w1", Lease)!.JobId.Should().Be(first);
        store.Claim("w2", Lease)!.JobId.Should().Be(second);
        store.Claim("w3", Lease).Should().BeNull();
        store.Find(first)!.Should().Match<Job>(j => j.Status == JobStatus.Running && j.WorkerId == "w1" && j.Attempts == 1);
    }

    public static void Concurrent_claims_never_give_one_job_to_two_workers(Func<TimeProvider, FeeEngineDatabase> open)
    {
        var db = open(TimeProvider.System);
        var store = new JobStore(db, TimeProvider.System);
        var ids = Enumerable.Range(0, 60).Select(_ => store.Submit("price-file", "{}")).ToHashSet();
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, w =>
        {
            var mine = new JobStore(db, TimeProvider.System);
            while (mine.Claim($"w{w}", Lease) is { } job) claimed.Add(job.JobId);
        });

        claimed.Should().HaveCount(60).And.OnlyHaveUniqueItems();
        claimed.ToHashSet().SetEquals(ids).Should().BeTrue();
    }

    public static void A_worker_that_lost_its_lease_writes_nothing_and_the_new_holder_continues_from_the_checkpoint(Func<TimeProvider, FeeEngineDatabase> open)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var store = new JobStore(open(clock), clock);
        var id = store.Submit("price-file", "{}");
        store.Claim("slow", Lease);
        store.CommitChunk(id, "slow", 0, ["a", "b"], 2, 6, "line:4", Lease);

        clock.Advance(Lease + TimeSpan.FromSeconds(1));            // "slow" stops renewing: presumed dead
        var taken = store.Claim("fresh", Lease)!;
        var late = () => store.CommitChunk(id, "slow", 2, ["c", "d"], 4, 6, "line:6", Lease);

        taken.Checkpoint.Should().Be("line:4");
        taken.RowsDone.Should().Be(2);
        taken.Attempts.Should().Be(2);
        late.Should().Throw<LeaseLostException>();
        store.CommitChunk(id, "fresh", 2, ["c", "d"], 4, 6, "line:6", Lease);
        store.CommitChunk(id, "fresh", 4, ["e", "f"], 6, 6, "line:8", Lease);
        store.Finish(id, "fresh", JobStatus.Succeeded, "6 rows", null);
        var finishAgain = () => store.Finish(id, "slow", JobStatus.Succeeded, "6 rows", null);

        finishAgain.Should().Throw<LeaseLostException>();
        store.Output(id).Should().Equal("a", "b", "c", "d", "e", "f");
        store.Find(id)!.Should().Match<Job>(j => j.Status == JobStatus.Succeeded && j.Completions == 1 && j.RowsDone == 6);
    }

    public static void Release_requeues_a_job_with_its_checkpoint_and_cancel_stops_queued_and_running_jobs(Func<TimeProvider, FeeEngineDatabase> open)
    {
        var store = new JobStore(open(TimeProvider.System), TimeProvider.System);
        var a = store.Submit("price-file", "{}");
        var b = store.Submit("price-file", "{}");
        store.Claim("w1", Lease);
        store.CommitChunk(a, "w1", 0, ["x"], 1, 3, "line:3", Lease);

        store.Release(a, "w1");
        store.Find(a)!.Should().Match<Job>(j => j.Status == JobStatus.Queued && j.WorkerId == null && j.Checkpoint == "line:3");
        store.Cancel(b).Should().Be(JobStatus.Cancelled);
        store.Claim("w2", Lease)!.JobId.Should().Be(a);
        store.Cancel(a).Should().Be(JobStatus.Running);
        store.Find(a)!.CancelRequested.Should().BeTrue();
        store.Cancel("J-none").Should().BeNull();
    }
}

public sealed class SqliteJobStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feeengine-jobs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private FeeEngineDatabase Open(TimeProvider clock) => FeeEngineDatabase.Sqlite(Path.Combine(_folder, "jobs.db"), clock);

    [Fact] public void Jobs_are_claimed_oldest_first_and_each_by_one_worker() => JobStoreScenarios.Jobs_are_claimed_oldest_first_and_each_by_one_worker(Open);
    [Fact] public void Concurrent_claims_never_give_one_job_to_two_workers() => JobStoreScenarios.Concurrent_claims_never_give_one_job_to_two_workers(Open);
    [Fact] public void A_worker_that_lost_its_lease_writes_nothing_and_the_new_holder_continues_from_the_checkpoint() => JobStoreScenarios.A_worker_that_lost_its_lease_writes_nothing_and_the_new_holder_continues_from_the_checkpoint(Open);
    [Fact] public void Release_requeues_a_job_with_its_checkpoint_and_cancel_stops_queued_and_running_jobs() => JobStoreScenarios.Release_requeues_a_job_with_its_checkpoint_and_cancel_stops_queued_and_running_jobs(Open);
}

public sealed class PostgresJobStoreTests : IDisposable
{
    private PostgresDatabase? _db;

    public void Dispose() => _db?.Dispose();

    private FeeEngineDatabase Open(TimeProvider clock)
    {
        _db ??= new PostgresDatabase();
        return FeeEngineDatabase.Postgres(_db.ConnectionStringOfDatabase, clock);
    }

    [PostgresFact] public void Jobs_are_claimed_oldest_first_and_each_by_one_worker() => JobStoreScenarios.Jobs_are_claimed_oldest_first_and_each_by_one_worker(Open);
    [PostgresFact] public void Concurrent_claims_never_give_one_job_to_two_workers() => JobStoreScenarios.Concurrent_claims_never_give_one_job_to_two_workers(Open);
    [PostgresFact] public void A_worker_that_lost_its_lease_writes_nothing_and_the_new_holder_continues_from_the_checkpoint() => JobStoreScenarios.A_worker_that_lost_its_lease_writes_nothing_and_the_new_holder_continues_from_the_checkpoint(Open);
    [PostgresFact] public void Release_requeues_a_job_with_its_checkpoint_and_cancel_stops_queued_and_running_jobs() => JobStoreScenarios.Release_requeues_a_job_with_its_checkpoint_and_cancel_stops_queued_and_running_jobs(Open);
}
