namespace FeeEngine.Data.Sql;

/// <summary>
/// Everything that differs between the databases FeeEngine stores to, in one place. Stores write portable SQL
/// (named parameters with '@', ANSI types) and ask the dialect for the rest.
/// </summary>
public interface ISqlDialect
{
    /// <summary>A name for messages, e.g. "SQLite".</summary>
    string Name { get; }

    /// <summary>Column type for exact decimal numbers stored as text-free exact values (RVUs, GPCIs, CFs).</summary>
    string ExactNumberType { get; }

    /// <summary>Column type for short codes and names.</summary>
    string TextType(int maxLength);

    /// <summary>SQL that creates the schema-version table when it does not exist.</summary>
    string CreateSchemaVersionTable { get; }

    /// <summary>A decimal as the parameter value stored in an <see cref="ExactNumberType"/> column.</summary>
    object ExactNumber(decimal value);

    /// <summary>
    /// One statement that atomically claims the oldest job that is queued or whose lease has expired for
    /// <c>@Worker</c> until <c>@LeaseUntil</c> (given <c>@Now</c>), and returns its job_id (no row when none). Two
    /// workers running it at once never get the same job.
    /// </summary>
    string ClaimJob { get; }
}

/// <summary>The claimable-job condition and the claim's assignments, the same in every dialect.</summary>
internal static class JobSql
{
    public const string Claimable = "(status = 'queued' OR (status = 'running' AND lease_until < @Now))";
    public const string Assign = "status = 'running', worker_id = @Worker, lease_until = @LeaseUntil, attempts = attempts + 1, started_at = COALESCE(started_at, @Now)";
}

/// <summary>
/// SQLite: numbers that must stay exact are stored as TEXT in invariant culture (SQLite's REAL is a double) and
/// money as INTEGER cents.
/// </summary>
public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Name => "SQLite";
    public string ExactNumberType => "TEXT";
    public string TextType(int maxLength) => "TEXT";

    public string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public object ExactNumber(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // SQLite has one writer at a time, so the sub-select and the update cannot interleave with another claim.
    public string ClaimJob =>
        $"UPDATE job SET {JobSql.Assign} WHERE job_id = (SELECT job_id FROM job WHERE {JobSql.Claimable} ORDER BY created_at, job_id LIMIT 1) AND {JobSql.Claimable} RETURNING job_id";
}

/// <summary>
/// SQL Server: exact numbers as DECIMAL(19,6), text as NVARCHAR.
/// </summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public string Name => "SQL Server";
    public string ExactNumberType => "DECIMAL(19,6)";
    public string TextType(int maxLength) => $"NVARCHAR({maxLength})";

    public string CreateSchemaVersionTable =>
        "IF OBJECT_ID('schema_version') IS NULL CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, description NVARCHAR(200) NOT NULL, applied_at NVARCHAR(40) NOT NULL)";

    public object ExactNumber(decimal value) => value;

    // UPDLOCK + READPAST: a row another claim has locked is skipped, not waited for.
    public string ClaimJob =>
        $"WITH next AS (SELECT TOP (1) * FROM job WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {JobSql.Claimable} ORDER BY created_at, job_id) UPDATE next SET {JobSql.Assign} OUTPUT inserted.job_id";
}

/// <summary>
/// PostgreSQL: exact numbers stored as TEXT as in SQLite (the stores read them back as invariant text, the same code
/// on both), text as TEXT, money as BIGINT cents.
/// </summary>
public sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public string Name => "PostgreSQL";
    public string ExactNumberType => "TEXT";
    public string TextType(int maxLength) => "TEXT";

    public string CreateSchemaVersionTable =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public object ExactNumber(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // FOR UPDATE SKIP LOCKED: concurrent claims each take a different row instead of queueing on the same one.
    public string ClaimJob =>
        $"UPDATE job SET {JobSql.Assign} WHERE job_id = (SELECT job_id FROM job WHERE {JobSql.Claimable} ORDER BY created_at, job_id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING job_id";
}
