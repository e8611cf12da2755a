using System.Runtime.CompilerServices;

namespace FeeEngine.Schedules.Tests;

/// <summary>Files the repository ships (schedules/...), found by walking up from this source file.</summary>
internal static class RepositoryFiles
{
    public static string Schedules(string fileName, [CallerFilePath] string sourceFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "schedules", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"schedules/{fileName} not found above {sourceFile}");
    }
}
