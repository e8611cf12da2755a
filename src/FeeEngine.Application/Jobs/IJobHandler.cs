namespace FeeEngine.Application.Jobs;

/// <summary>
/// Runs one kind of job. A handler works in chunks: it resumes after <see cref="JobContext.Checkpoint"/>, commits
/// each chunk's output with <see cref="JobContext.CommitChunk"/> (which also stops it when the job was cancelled, the
/// worker is stopping, or the lease was lost), and returns a one-line result. A handler whose work is one
/// transaction (an import) simply does it and returns.
/// </summary>
public interface IJobHandler
{
    /// <summary>The job kind it runs, e.g. "price-file".</summary>
    string Kind { get; }

    /// <returns>The result in words, stored with the job ("1,000 lines priced into out.csv").</returns>
    string Run(JobContext context);
}

/// <summary>The job was cancelled (<c>feeengine jobs cancel</c>) while it ran.</summary>
public sealed class JobCancelledException(string jobId) : Exception($"job {jobId} was cancelled");
