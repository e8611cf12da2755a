using System.Data.Common;
using FeeEngine.Data.Sql;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FeeEngine.Data;

/// <summary>
/// Opens FeeEngine's database. The embedded default is a SQLite file (created with its schema on first use).
/// </summary>
public sealed class FeeEngineDatabase
{
    private readonly string _connectionString;
    private readonly Func<string, DbConnection> _open;

    private FeeEngineDatabase(string connectionString, ISqlDialect dialect, string description, Func<string, DbConnection> open)
    {
        _connectionString = connectionString;
        _open = open;
        Dialect = dialect;
        Description = description;
    }

    public ISqlDialect Dialect { get; }

    /// <summary>Where the data lives, for messages (e.g. the SQLite file path).</summary>
    public string Description { get; }

    /// <summary>A SQLite database in the given file; the folder must exist. Schema migrations run on open.</summary>
    public static FeeEngineDatabase Sqlite(string path, TimeProvider? clock = null)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true };
        var db = new FeeEngineDatabase(builder.ToString(), SqliteDialect.Instance, full, OpenSqlite);
        using var connection = db.Open();
        Migrator.Migrate(connection, db.Dialect, clock ?? TimeProvider.System);
        return db;
    }

    /// <summary>A SQL Server database (Microsoft.Data.SqlClient); schema migrations run on open.</summary>
    public static FeeEngineDatabase SqlServer(string connectionString, TimeProvider? clock = null)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var db = new FeeEngineDatabase(connectionString, SqlServerDialect.Instance, $"SQL Server {builder.DataSource}/{builder.InitialCatalog}", OpenSqlServer);
        using var connection = db.Open();
        Migrator.Migrate(connection, db.Dialect, clock ?? TimeProvider.System);
        return db;
    }

    /// <summary>A PostgreSQL database (Npgsql); schema migrations run on open.</summary>
    public static FeeEngineDatabase Postgres(string connectionString, TimeProvider? clock = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var db = new FeeEngineDatabase(connectionString, PostgresDialect.Instance, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}", OpenPostgres);
        using var connection = db.Open();
        Migrator.Migrate(connection, db.Dialect, clock ?? TimeProvider.System);
        return db;
    }

    /// <summary>
    /// Opens a database from one string: <c>sqlserver:</c> or <c>postgres:</c> followed by a connection string, or
    /// else a SQLite file path (its folder is created).
    /// </summary>
    public static FeeEngineDatabase FromLocation(string location, TimeProvider? clock = null)
    {
        const string SqlServerPrefix = "sqlserver:", PostgresPrefix = "postgres:";
        if (location.StartsWith(SqlServerPrefix, StringComparison.OrdinalIgnoreCase)) return SqlServer(location[SqlServerPrefix.Length..], clock);
        if (location.StartsWith(PostgresPrefix, StringComparison.OrdinalIgnoreCase)) return Postgres(location[PostgresPrefix.Length..], clock);
        var folder = Path.GetDirectoryName(Path.GetFullPath(location));
        if (folder is not null) Directory.CreateDirectory(folder);
        return Sqlite(location, clock);
    }

    public DbConnection Open() => _open(_connectionString);

    private static SqliteConnection OpenSqlite(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers work while an import writes; foreign keys keep release data attached to its release.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static NpgsqlConnection OpenPostgres(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqlConnection OpenSqlServer(string connectionString)
    {
        var connection = new SqlConnection(connectionString);
        connection.Open();
        return connection;
    }
}
