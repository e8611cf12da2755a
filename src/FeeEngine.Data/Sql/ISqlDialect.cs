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
}
