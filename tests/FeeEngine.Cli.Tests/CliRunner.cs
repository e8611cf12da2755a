using FeeEngine.Cli.Commands;
using FeeEngine.Cli.Hosting;

namespace FeeEngine.Cli.Tests;

/// <summary>Runs feeengine in-process against a temporary SQLite database, capturing what it prints.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("feeengine-cli-").FullName;

    public CliRunner() => DatabasePath = Path.Combine(_folder, "test.db");

    public string DatabasePath { get; }
    public string Folder => _folder;

    public CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, Environment, TimeProvider.System);
        var app = new CliApp(CommandCatalog.All());
        var exit = app.Run(["--db", DatabasePath, .. args], context);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    private static string? Environment(string name) => name switch
    {
        "FEEENGINE_SCHEDULES" => RepositoryPaths.Schedules,
        "FEEENGINE_DB" => null,
        _ => System.Environment.GetEnvironmentVariable(name),
    };

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Where the repository's own folders and the real CMS files are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schedules => Path.Combine(Root, "schedules");
    public static string Sample => Path.Combine(Root, "schedules", "sample");

    /// <summary>The real CMS files (see <see cref="FeeEngine.Schedules.Tests.CmsData"/>); null when absent.</summary>
    public static string? CmsData => FeeEngine.Schedules.Tests.CmsData.Folder;

    // Walks up from the test binaries, then from this source file (builds with --artifacts-path put binaries elsewhere).
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FeeEngine.sln"))) return dir.FullName;
        throw new InvalidOperationException($"FeeEngine.sln not found above {AppContext.BaseDirectory}");
    }
}
