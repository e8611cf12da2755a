namespace FeeEngine.Data.Jobs;

/// <summary>A job's state: queued -> running -> succeeded | failed | cancelled (running returns to queued when released).</summary>
public static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}

/// <summary>A row of the jobs table.</summary>
/// <param name="Arguments">The job's arguments as JSON (input and output paths, payer...).</param>
/// <param name="Checkpoint">Where the last committed chunk ended (e.g. the next input line); null before the first.</param>
/// <param name="Completions">How many times the job was finished: exactly 1 for a finished job (a test checks it).</param>
public sealed record Job(
    string JobId, string Kind, string Arguments, string Status, string CreatedAt, string? StartedAt, string? FinishedAt,
    string? WorkerId, string? LeaseUntil, int Attempts, int Completions, long RowsDone, long? RowsTotal, string? Checkpoint,
    bool CancelRequested, string? Result, string? Error);

/// <summary>The job's lease passed to another worker (this one was too slow or presumed dead): stop, write nothing.</summary>
public sealed class LeaseLostException(string jobId, string workerId)
    : Exception($"job {jobId}: worker {workerId} no longer holds the lease; another worker has taken the job over");
