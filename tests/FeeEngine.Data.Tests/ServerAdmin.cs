using System.Data.Common;

namespace FeeEngine.Data.Tests;

/// <summary>Runs one administrative statement (create or drop a scratch database) on a server connection.</summary>
internal static class ServerAdmin
{
    public static void Execute(DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the only text spliced in is the generated scratch database name
            command.CommandText = sql;
#pragma warning restore CA2100
            command.ExecuteNonQuery();
        }
    }
}
