using System.Data;
using Dapper;

namespace FeeEngine.Data.Stores;

/// <summary>
/// The re-import rule of the schedule files stored one row per file (CLFS, DMEPOS/PEN, ASP): the same content again
/// is a no-op, a different file under a stored id is refused naming both files, anything else is new.
/// </summary>
internal static class StoredFile
{
    /// <param name="findSql">Selects <c>content_hash, source_file</c> of the stored file by id (a constant of the caller).</param>
    /// <param name="conflict">The refusal's message, given the name of the file already stored.</param>
    /// <returns>True when the file is stored with the same content (nothing to write); false when it is not stored.</returns>
    /// <exception cref="ImportConflictException">The id is stored with other content.</exception>
    public static bool IsStored(IDbConnection connection, IDbTransaction tx, string findSql, object id, string hash, Func<string, string> conflict)
    {
        var stored = connection.QuerySingleOrDefault<(string Hash, string Source)?>(findSql, id, tx);
        if (stored is not { } s) return false;
        return s.Hash == hash ? true : throw new ImportConflictException(conflict(s.Source));
    }
}
