using System.Data.Common;
using FeeEngine.Data.Sql;
using Microsoft.Data.Sqlite;

namespace FeeEngine.Data;

/// <summary>
/// Opens FeeEngine's database. The embedded default is a SQLite file (created with its schema on first use).
/// </summary>
public sealed class FeeEngineDatabase
{
    private readonly string _connectionString;

    private FeeEngineDatabase(string connectionString, ISqlDialect dialect, string description)
    {
        _connectionString = connectionString;
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
        var db = new FeeEngineDatabase(builder.ToString(), SqliteDialect.Instance, full);
        using var connection = db.Open();
        Migrator.Migrate(connection, db.Dialect, clock ?? TimeProvider.System);
        return db;
    }

    public DbConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets readers work while an import writes; foreign keys keep release data attached to its release.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
