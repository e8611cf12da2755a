using System.Data.Common;
using System.Globalization;
using Dapper;

namespace FeeEngine.Data.Sql;

/// <summary>Brings a database to the newest schema version, each migration in its own transaction.</summary>
public static class Migrator
{
    /// <returns>The versions applied by this call (empty when the schema was current).</returns>
    public static IReadOnlyList<int> Migrate(DbConnection connection, ISqlDialect dialect, TimeProvider clock)
    {
        connection.Execute(dialect.CreateSchemaVersionTable);
        var current = connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
        var applied = new List<int>();
        foreach (var migration in Migrations.All.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            using var tx = connection.BeginTransaction();
            foreach (var sql in migration.Statements(dialect))
                connection.Execute(sql, transaction: tx);
            connection.Execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@Version, @Description, @AppliedAt)",
                new { migration.Version, migration.Description, AppliedAt = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                tx);
            tx.Commit();
            applied.Add(migration.Version);
        }
        return applied;
    }

    public static int CurrentVersion(DbConnection connection) =>
        (int)(connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0);
}
