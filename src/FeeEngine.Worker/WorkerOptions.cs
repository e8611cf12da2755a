namespace FeeEngine.Worker;

/// <summary>
/// The worker's settings, from the command line (<c>--db PATH</c>) or the environment (<c>FEEENGINE_DB</c>...), checked
/// at start-up.
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The database: a SQLite file, or <c>postgres:</c>/<c>sqlserver:</c> and a connection string.</summary>
    public string Db { get; set; } = "feeengine.db";

    /// <summary>This worker's name in the jobs table; default host name and process id.</summary>
    public string? WorkerId { get; set; }

    /// <summary>How long a claimed job stays this worker's without renewal; a worker silent longer is presumed dead.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often an idle worker looks for jobs.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Rows per committed chunk of a price-file job: what a worker that dies can lose and redo.</summary>
    public int ChunkRows { get; set; } = Application.Jobs.PriceFileJob.DefaultChunkRows;

    /// <summary>The folder of the project's dated tables (conversion factors...); default the copy beside the program.</summary>
    public string? Schedules { get; set; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Db)) throw new ArgumentException("--db is empty: give a SQLite file or postgres:/sqlserver: and a connection string");
        if (LeaseSeconds is < 1 or > 3600) throw new ArgumentException($"--lease-seconds {LeaseSeconds} is outside 1..3600");
        if (ChunkRows is < 1 or > 1_000_000) throw new ArgumentException($"--chunk-rows {ChunkRows} is outside 1..1000000");
        if (PollMilliseconds is < 10 or > 60_000) throw new ArgumentException($"--poll-milliseconds {PollMilliseconds} is outside 10..60000");
    }
}
