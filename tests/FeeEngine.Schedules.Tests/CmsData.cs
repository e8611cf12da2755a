using System.Runtime.CompilerServices;

namespace FeeEngine.Schedules.Tests;

/// <summary>
/// Finds the folder of real CMS files the tests read (never copied into the repository: the CPT descriptions in
/// them are AMA copyright). Looked for, in order: the FEEENGINE_CMS_DATA environment variable; a <c>shared/cms</c>
/// folder beside any folder above the test assembly, the working directory or this source file (the repository
/// lives at <c>&lt;root&gt;/main</c>, the data at <c>&lt;root&gt;/shared/cms</c>).
/// </summary>
public static class CmsData
{
    public const string EnvironmentVariable = "FEEENGINE_CMS_DATA";

    public const string MissingReason =
        "CMS data folder not found: set FEEENGINE_CMS_DATA or place shared/cms beside the repository";

    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The CMS data folder, or null when there is none.</summary>
    public static string? Folder => Located.Value;

    public static bool IsAvailable => Folder is not null;

    /// <summary>A path inside the data folder, e.g. <c>CmsData.File("2025", "rvu25d", "PPRRVU2025_Oct.csv")</c>.</summary>
    public static string File(params string[] parts) =>
        Path.Combine([Folder ?? throw new InvalidOperationException(MissingReason), .. parts]);

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "cms");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    // The build may put the test assembly anywhere (an --artifacts-path outside the tree); the source file stays put.
    private static string SourceDirectory([CallerFilePath] string sourceFile = "") =>
        Path.GetDirectoryName(sourceFile) ?? Directory.GetCurrentDirectory();
}

/// <summary>A fact that needs the real CMS files; reported as skipped, with the reason, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CmsDataFactAttribute : FactAttribute
{
    public CmsDataFactAttribute()
    {
        if (!CmsData.IsAvailable) Skip = CmsData.MissingReason;
    }
}

/// <summary>A theory that needs the real CMS files; reported as skipped, with the reason, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CmsDataTheoryAttribute : TheoryAttribute
{
    public CmsDataTheoryAttribute()
    {
        if (!CmsData.IsAvailable) Skip = CmsData.MissingReason;
    }
}
