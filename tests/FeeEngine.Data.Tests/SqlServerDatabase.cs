using Microsoft.Data.SqlClient;

namespace FeeEngine.Data.Tests;

/// <summary>
/// A scratch SQL Server database for one test, made on the server named by FEEENGINE_SQLSERVER (a connection string
/// with rights to create databases) and dropped afterwards. Tests that need it are skipped, with that reason, when
/// the variable is not set: no SQL Server runs on this project's CI machine.
/// </summary>
public sealed class SqlServerDatabase : IDisposable
{
    public const string Variable = "FEEENGINE_SQLSERVER";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static string SkipReason => $"SQL Server store tests need {Variable} (a connection string with rights to create databases); it is not set";

    private readonly string _master;
    private readonly string _name = "feeengine_test_" + Guid.NewGuid().ToString("N")[..12];

    public SqlServerDatabase()
    {
        var server = ConnectionString ?? throw new InvalidOperationException(SkipReason);
        _master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString;
        Execute(_master, $"CREATE DATABASE [{_name}]");
        Database = FeeEngineDatabase.SqlServer(new SqlConnectionStringBuilder(server) { InitialCatalog = _name }.ConnectionString);
    }

    public FeeEngineDatabase Database { get; }

    public void Dispose()
    {
        SqlConnection.ClearAllPools();
        Execute(_master, $"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
    }

    private static void Execute(string connectionString, string sql) => ServerAdmin.Execute(new SqlConnection(connectionString), sql);
}

/// <summary>A fact that runs against SQL Server; skipped, with the reason, when FEEENGINE_SQLSERVER is not set.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (SqlServerDatabase.ConnectionString is null) Skip = SqlServerDatabase.SkipReason;
    }
}
