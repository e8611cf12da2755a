using FeeEngine.Data.Jobs;

namespace FeeEngine.Application.Jobs;

/// <summary>
/// Claims jobs and runs them with their handlers. A job's lease is renewed in the background while it runs; a
/// handler's exception fails the job with its message (a bad input file fails the same way on every worker, so it is
/// not retried); a stop request releases the job after its current chunk; a lost lease drops the job silently (its
/// new holder carries on from the last committed chunk).
/// </summary>
public sealed class JobRunner(JobStore store, string workerId, IEnumerable<IJobHandler> handlers, TimeSpan lease, TextWriter? log = null)
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public string WorkerId => workerId;

    /// <summary>Claims and runs one job.</summary>
    /// <returns>False when no job was waiting.</returns>
    public bool RunNext(CancellationToken stopping)
    {
        if (store.Claim(workerId, lease) is not { } job) return false;
        log?.WriteLine($"{workerId}: {job.JobId} {job.Kind} (attempt {job.Attempts}{(job.Checkpoint is null ? "" : $", resuming after {job.Checkpoint}")})");
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            store.Finish(job.JobId, workerId, JobStatus.Failed, null, $"unknown job kind '{job.Kind}' (known: {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))})");
            return true;
        }
        using var renewing = new CancellationTokenSource();
        var renewal = Task.Run(() => RenewWhileRunning(job.JobId, renewing.Token), CancellationToken.None);
        try
        {
            var result = handler.Run(new JobContext(store, job, workerId, lease, stopping));
            store.Finish(job.JobId, workerId, JobStatus.Succeeded, result, null);
            log?.WriteLine($"{workerId}: {job.JobId} succeeded: {result}");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            store.Release(job.JobId, workerId);
            log?.WriteLine($"{workerId}: {job.JobId} released (stopping)");
        }
        catch (JobCancelledException)
        {
            store.Finish(job.JobId, workerId, JobStatus.Cancelled, null, "cancelled");
        }
        catch (LeaseLostException e)
        {
            log?.WriteLine($"{workerId}: {e.Message}");
        }
#pragma warning disable CA1031 // a job's failure is recorded with the job and the worker goes on with the next one
        catch (Exception e)
#pragma warning restore CA1031
        {
            try { store.Finish(job.JobId, workerId, JobStatus.Failed, null, e.Message); }
            catch (LeaseLostException) { /* another worker holds it now */ }
            log?.WriteLine($"{workerId}: {job.JobId} failed: {e.Message}");
        }
        finally
        {
            renewing.Cancel();
            renewal.Wait(CancellationToken.None);
        }
        return true;
    }

    private async Task RenewWhileRunning(string jobId, CancellationToken done)
    {
        try
        {
            while (!done.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, done).ConfigureAwait(false);
                if (!store.Renew(jobId, workerId, lease)) return;   // lost: the next commit will say so
            }
        }
        catch (OperationCanceledException)
        {
            // the job is over
        }
    }
}
