using System.Text;

namespace FeeEngine.Schedules.Tests;

/// <summary>A scratch folder for hand-made test files, deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feeengine-schedules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> joined by CRLF (as CMS writes) and returns the file's path.</summary>
    public string Write(string fileName, params string[] lines) => WriteText(fileName, string.Join("\r\n", lines) + (lines.Length > 0 ? "\r\n" : ""));

    public string WriteText(string fileName, string text)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text, Encoding.Latin1);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A scanner holding a file open must not fail the test; the OS cleans temp eventually.
        }
    }
}
