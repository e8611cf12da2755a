using FeeEngine.Data;

namespace FeeEngine.Data.Tests;

/// <summary>A real SQLite database file in a temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feeengine-data-").FullName;

    public TempDatabase() => Database = FeeEngineDatabase.Sqlite(System.IO.Path.Combine(_folder, "test.db"));

    public FeeEngineDatabase Database { get; }
    public string FilePath => Database.Description;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
