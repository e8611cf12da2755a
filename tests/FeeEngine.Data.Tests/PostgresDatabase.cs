using Npgsql;

namespace FeeEngine.Data.Tests;

/// <summary>
/// A scratch PostgreSQL database for one test, on the server named by FEEENGINE_POSTGRES (CI starts a throw-away
/// cluster with scripts/postgres-test-cluster.sh), dropped afterwards. Skipped, with the reason, when it is not set.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "FEEENGINE_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static string SkipReason => $"PostgreSQL tests need {Variable} (scripts/postgres-test-cluster.sh start prints it); it is not set";

    private readonly string _server;

    public PostgresDatabase()
    {
        _server = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        Name = "feeengine_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(_server, $"CREATE DATABASE {Name}");
        ConnectionStringOfDatabase = new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;
        Database = FeeEngineDatabase.Postgres(ConnectionStringOfDatabase);
    }

    public string Name { get; }
    public string ConnectionStringOfDatabase { get; }
    public FeeEngineDatabase Database { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql) => ServerAdmin.Execute(new NpgsqlConnection(connectionString), sql);
}

/// <summary>A fact that runs against PostgreSQL; skipped, with the reason, when FEEENGINE_POSTGRES is not set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ConnectionString is null) Skip = PostgresDatabase.SkipReason;
    }
}
