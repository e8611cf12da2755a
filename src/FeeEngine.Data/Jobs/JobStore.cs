using System.Data.Common;
using System.Globalization;
using Dapper;

namespace FeeEngine.Data.Jobs;

/// <summary>
/// The jobs table: submit, claim with a lease, commit a chunk of output with its checkpoint, finish. Every write a
/// worker makes to a job it runs is fenced by its worker id and status: once the lease has passed to another worker
/// (because this one stopped renewing it), the old worker's writes match no row and are rolled back, so no output row
/// is written twice and none is lost. Times are UTC text of one fixed width, so they compare as strings.
/// </summary>
public sealed class JobStore(FeeEngineDatabase database, TimeProvider clock)
{
    private const string Columns =
        "job_id AS JobId, kind AS Kind, arguments AS Arguments, status AS Status, created_at AS CreatedAt, started_at AS StartedAt, finished_at AS FinishedAt, " +
        "worker_id AS WorkerId, lease_until AS LeaseUntil, attempts AS Attempts, completions AS Completions, rows_done AS RowsDone, rows_total AS RowsTotal, " +
        "checkpoint AS Checkpoint, cancel_requested AS CancelRequested, result AS Result, error AS Error";

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private string Now() => Time(clock.GetUtcNow());

    public string Submit(string kind, string argumentsJson)
    {
        var now = clock.GetUtcNow();
        var id = $"J{now.UtcDateTime.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
        using var connection = database.Open();
        connection.Execute(
            "INSERT INTO job (job_id, kind, arguments, status, created_at, attempts, completions, rows_done, cancel_requested) VALUES (@id, @kind, @args, 'queued', @now, 0, 0, 0, 0)",
            new { id, kind, args = argumentsJson, now = Time(now) });
        return id;
    }

    /// <summary>Claims the oldest claimable job for <paramref name="workerId"/>, or null when there is none.</summary>
    public Job? Claim(string workerId, TimeSpan lease)
    {
        var now = clock.GetUtcNow();
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var id = connection.QuerySingleOrDefault<string?>(database.Dialect.ClaimJob, new { Worker = workerId, Now = Time(now), LeaseUntil = Time(now + lease) }, tx);
        tx.Commit();
        return id is null ? null : Find(id);
    }

    public Job? Find(string jobId)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<JobRow>($"SELECT {Columns} FROM job WHERE job_id = @jobId", new { jobId })?.ToJob();
    }

    public IReadOnlyList<Job> List()
    {
        using var connection = database.Open();
        return [.. connection.Query<JobRow>($"SELECT {Columns} FROM job ORDER BY created_at, job_id").Select(r => r.ToJob())];
    }

    /// <summary>
    /// Commits one chunk: its output rows (numbered from <paramref name="firstSeq"/>), the progress and checkpoint,
    /// and a renewed lease, in one transaction, only if <paramref name="workerId"/> still holds the job.
    /// </summary>
    /// <exception cref="LeaseLostException">Another worker holds the job now; nothing was written.</exception>
    public void CommitChunk(string jobId, string workerId, long firstSeq, IReadOnlyList<string> rows, long rowsDone, long? rowsTotal, string checkpoint, TimeSpan lease)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        Fence(connection, tx, jobId, workerId,
            "UPDATE job SET rows_done = @rowsDone, rows_total = @rowsTotal, checkpoint = @checkpoint, lease_until = @leaseUntil",
            new { rowsDone, rowsTotal, checkpoint, leaseUntil = Time(clock.GetUtcNow() + lease) });
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO job_output (job_id, seq, content) VALUES (@job, @seq, @content)";
            Parameter(insert, "@job", jobId);
            var seq = Parameter(insert, "@seq", 0L);
            var content = Parameter(insert, "@content", "");
            insert.Prepare();
            for (var i = 0; i < rows.Count; i++)
            {
                seq.Value = firstSeq + i;
                content.Value = rows[i];
                insert.ExecuteNonQuery();
            }
        }
        tx.Commit();
    }

    /// <summary>Renews the lease without progress (a long single-chunk job); false when the lease was lost.</summary>
    public bool Renew(string jobId, string workerId, TimeSpan lease)
    {
        using var connection = database.Open();
        return connection.Execute(
            "UPDATE job SET lease_until = @leaseUntil WHERE job_id = @jobId AND worker_id = @workerId AND status = 'running'",
            new { jobId, workerId, leaseUntil = Time(clock.GetUtcNow() + lease) }) == 1;
    }

    /// <summary>The job's output rows in order.</summary>
    public IEnumerable<string> Output(string jobId)
    {
        using var connection = database.Open();
        foreach (var row in connection.Query<string>("SELECT content FROM job_output WHERE job_id = @jobId ORDER BY seq", new { jobId }, buffered: false))
            yield return row;
    }

    public long OutputCount(string jobId)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM job_output WHERE job_id = @jobId", new { jobId });
    }

    /// <summary>Finishes the job (succeeded, failed or cancelled) if <paramref name="workerId"/> still holds it.</summary>
    /// <exception cref="LeaseLostException">Another worker holds the job now.</exception>
    public void Finish(string jobId, string workerId, string status, string? result, string? error)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        Fence(connection, tx, jobId, workerId,
            "UPDATE job SET status = @status, finished_at = @now, result = @result, error = @error, completions = completions + 1, lease_until = NULL",
            new { status, now = Now(), result, error });
        tx.Commit();
    }

    /// <summary>Gives the job back to the queue (a graceful stop); its committed chunks and checkpoint stay.</summary>
    public void Release(string jobId, string workerId)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE job SET status = 'queued', worker_id = NULL, lease_until = NULL WHERE job_id = @jobId AND worker_id = @workerId AND status = 'running'",
            new { jobId, workerId });
    }

    /// <summary>Cancels a queued job at once, or asks a running job's worker to stop at its next chunk.</summary>
    /// <returns>The job's status after the request, or null when there is no such job.</returns>
    public string? Cancel(string jobId)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        connection.Execute("UPDATE job SET status = 'cancelled', finished_at = @now, completions = completions + 1 WHERE job_id = @jobId AND status = 'queued'",
            new { jobId, now = Now() }, tx);
        connection.Execute("UPDATE job SET cancel_requested = 1 WHERE job_id = @jobId AND status = 'running'", new { jobId }, tx);
        var status = connection.QuerySingleOrDefault<string?>("SELECT status FROM job WHERE job_id = @jobId", new { jobId }, tx);
        tx.Commit();
        return status;
    }

    private static void Fence(DbConnection connection, DbTransaction tx, string jobId, string workerId, string update, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("jobId", jobId);
        parameters.Add("workerId", workerId);
        if (connection.Execute($"{update} WHERE job_id = @jobId AND worker_id = @workerId AND status = 'running'", parameters, tx) != 1)
            throw new LeaseLostException(jobId, workerId);
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    private sealed class JobRow
    {
        public string JobId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Arguments { get; set; } = "";
        public string Status { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string? StartedAt { get; set; }
        public string? FinishedAt { get; set; }
        public string? WorkerId { get; set; }
        public string? LeaseUntil { get; set; }
        public long Attempts { get; set; }
        public long Completions { get; set; }
        public long RowsDone { get; set; }
        public long? RowsTotal { get; set; }
        public string? Checkpoint { get; set; }
        public long CancelRequested { get; set; }
        public string? Result { get; set; }
        public string? Error { get; set; }

        public Job ToJob() => new(JobId, Kind, Arguments, Status, CreatedAt, StartedAt, FinishedAt, WorkerId, LeaseUntil, (int)Attempts, (int)Completions,
            RowsDone, RowsTotal, Checkpoint, CancelRequested != 0, Result, Error);
    }
}
