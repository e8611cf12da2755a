using System.Text;

namespace FeeEngine.Schedules;

/// <summary>
/// A file was rejected. Readers check the whole file before giving up, so <see cref="Diagnostics"/> holds every
/// problem found (up to <see cref="MaxDiagnostics"/>), not just the first; a rejected file yields no rows at all.
/// </summary>
public sealed class CmsFileException : Exception
{
    /// <summary>Problems kept per file: past this a file is plainly the wrong file, and more lines would not help.</summary>
    public const int MaxDiagnostics = 200;

    /// <summary>Problems spelled out in <see cref="Exception.Message"/>; the rest are in <see cref="Diagnostics"/>.</summary>
    public const int MaxDiagnosticsInMessage = 20;

    public CmsFileException(string file, IReadOnlyList<FileDiagnostic> diagnostics, int totalProblems)
        : base(BuildMessage(file, diagnostics, totalProblems))
    {
        File = file;
        Diagnostics = diagnostics;
        TotalProblems = Math.Max(totalProblems, diagnostics.Count);
    }

    public CmsFileException(FileDiagnostic diagnostic)
        : this(diagnostic.File, [diagnostic], 1)
    {
    }

    /// <summary>The file's name as the reader reports it.</summary>
    public string File { get; }

    /// <summary>The problems kept, in file order (at most <see cref="MaxDiagnostics"/>).</summary>
    public IReadOnlyList<FileDiagnostic> Diagnostics { get; }

    /// <summary>How many problems were found, including those past the cap.</summary>
    public int TotalProblems { get; }

    private static string BuildMessage(string file, IReadOnlyList<FileDiagnostic> diagnostics, int total)
    {
        total = Math.Max(total, diagnostics.Count);
        var message = new StringBuilder()
            .Append(file).Append(" was rejected: ").Append(total).Append(total == 1 ? " problem" : " problems");
        if (total > diagnostics.Count)
            message.Append(" (the first ").Append(diagnostics.Count).Append(" are kept)");
        message.Append('.');
        var shown = Math.Min(diagnostics.Count, MaxDiagnosticsInMessage);
        for (var i = 0; i < shown; i++)
            message.AppendLine().Append("  ").Append(diagnostics[i]);
        if (diagnostics.Count > shown)
            message.AppendLine().Append("  ... and ").Append(total - shown).Append(" more.");
        return message.ToString();
    }
}
