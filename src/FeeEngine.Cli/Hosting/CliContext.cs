using FeeEngine.Data;

namespace FeeEngine.Cli.Hosting;

/// <summary>What every command gets: its output streams, the environment and the database (opened on first use).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider clock)
{
    private FeeEngineDatabase? _database;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public TimeProvider Clock { get; } = clock;
    public Func<string, string?> Environment { get; } = environment;

    /// <summary>Database: --db, else FEEENGINE_DB, else feeengine.db in the current folder. A SQLite file path, or
    /// <c>sqlserver:</c> or <c>postgres:</c> followed by a connection string.</summary>
    public string? DatabasePathOption { get; set; }

    public string DatabasePath
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(DatabasePathOption)) return DatabasePathOption;
            var env = Environment("FEEENGINE_DB");
            return string.IsNullOrWhiteSpace(env) ? "feeengine.db" : env;
        }
    }

    public FeeEngineDatabase Database => _database ??= OpenDatabase();

    /// <summary>The pricing reference data from the database and the schedules folder (FEEENGINE_SCHEDULES).</summary>
    /// <param name="years">Load only releases of these years (null: all).</param>
    public Application.Pricing.PricingEnvironment LoadPricing(IReadOnlyCollection<int>? years = null) =>
        Application.Pricing.PricingEnvironment.Load(Database, Clock, Environment("FEEENGINE_SCHEDULES"), years);

    private FeeEngineDatabase OpenDatabase() => FeeEngineDatabase.FromLocation(DatabasePath, Clock);
}
