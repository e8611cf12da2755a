using FeeEngine.Application.Jobs;
using Microsoft.Extensions.Hosting;

namespace FeeEngine.Worker;

/// <summary>
/// Runs jobs one after another until the host stops. On SIGTERM the current job finishes its chunk and is released
/// back to the queue (another worker resumes it from there); nothing is lost or written twice.
/// </summary>
public sealed class WorkerService(JobRunner runner, WorkerOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Console.WriteLine($"{runner.WorkerId}: started ({options.Db})");
        while (!stoppingToken.IsCancellationRequested)
        {
            // Jobs run on a pool thread; the stop request reaches the handler between chunks.
            var ran = await Task.Run(() => runner.RunNext(stoppingToken), CancellationToken.None).ConfigureAwait(false);
            if (ran) continue;
            try { await Task.Delay(options.PollMilliseconds, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
        }
        Console.WriteLine($"{runner.WorkerId}: stopped");
    }
}
