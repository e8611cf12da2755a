using System.Text.Json;
using FeeEngine.Data.Jobs;

namespace FeeEngine.Application.Jobs;

/// <summary>A claimed job as its handler sees it: arguments, checkpoint, and the one way to commit progress.</summary>
public sealed class JobContext
{
    private readonly JobStore _store;
    private readonly TimeSpan _lease;

    internal JobContext(JobStore store, Job job, string workerId, TimeSpan lease, CancellationToken stopping)
    {
        _store = store;
        _lease = lease;
        Job = job;
        WorkerId = workerId;
        Stopping = stopping;
        RowsDone = job.RowsDone;
        Checkpoint = job.Checkpoint;
    }

    public Job Job { get; }
    public string WorkerId { get; }
    /// <summary>Signalled when the worker is asked to stop (SIGTERM): the handler finishes its chunk and stops.</summary>
    public CancellationToken Stopping { get; }
    /// <summary>Output rows committed so far (the next row's sequence number).</summary>
    public long RowsDone { get; private set; }
    /// <summary>Where the last committed chunk ended; null before the first.</summary>
    public string? Checkpoint { get; private set; }

    public T Arguments<T>() =>
        JsonSerializer.Deserialize<T>(Job.Arguments, JobArguments.Json) ?? throw new InvalidDataException($"job {Job.JobId}: arguments are empty");

    /// <summary>
    /// Commits a chunk: its output rows, the progress and the checkpoint, in one transaction fenced by this worker's
    /// lease. Then stops the handler if the job was cancelled or the worker is stopping.
    /// </summary>
    /// <exception cref="LeaseLostException">Another worker took the job over; nothing was written.</exception>
    /// <exception cref="JobCancelledException">The job was cancelled; the chunk was committed.</exception>
    /// <exception cref="OperationCanceledException">The worker is stopping; the chunk was committed.</exception>
    public void CommitChunk(IReadOnlyList<string> rows, long? rowsTotal, string checkpoint)
    {
        _store.CommitChunk(Job.JobId, WorkerId, RowsDone, rows, RowsDone + rows.Count, rowsTotal, checkpoint, _lease);
        RowsDone += rows.Count;
        Checkpoint = checkpoint;
        if (_store.Find(Job.JobId)?.CancelRequested == true) throw new JobCancelledException(Job.JobId);
        Stopping.ThrowIfCancellationRequested();
    }

    /// <summary>The committed output rows, in order (to assemble the output file at the end).</summary>
    public IEnumerable<string> Output() => _store.Output(Job.JobId);
}

/// <summary>How job arguments are written: snake_case JSON.</summary>
public static class JobArguments
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
