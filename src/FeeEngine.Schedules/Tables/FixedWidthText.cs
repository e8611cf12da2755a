using System.Text;

namespace FeeEngine.Schedules;

/// <summary>One line of a fixed-width text file and its 1-based number; line-end characters removed.</summary>
public readonly record struct TextLine(int Number, string Text)
{
    /// <summary>
    /// The field at 1-based inclusive positions <paramref name="from"/>..<paramref name="to"/>, as the record layouts
    /// state them; the part that exists when the line is shorter. Not trimmed.
    /// </summary>
    public ReadOnlySpan<char> Field(int from, int to)
    {
        var start = from - 1;
        if (start >= Text.Length) return [];
        var length = Math.Min(to, Text.Length) - start;
        return Text.AsSpan(start, length);
    }

    /// <summary>The field at 1-based inclusive positions, trimmed, as a string.</summary>
    public string Trimmed(int from, int to) => Field(from, to).Trim().ToString();

    /// <summary>True for a line with nothing but white space or the DOS end-of-file mark (Ctrl-Z) some CMS files end with.</summary>
    public bool IsBlank
    {
        get
        {
            foreach (var c in Text)
                if (!char.IsWhiteSpace(c) && c != '\u001A') return false;
            return true;
        }
    }
}

/// <summary>Reads fixed-width text files line by line, byte for character (Latin-1) so positions match the layouts.</summary>
public static class FixedWidthText
{
    public static IEnumerable<TextLine> ReadLines(string path)
    {
        // Latin-1 maps each byte to one character: a layout's byte positions stay character positions.
        using var reader = new StreamReader(path, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
            yield return new TextLine(++number, line);
    }

    /// <summary>
    /// The data lines of a fixed-width file: blank lines (and the Ctrl-Z end mark) are skipped, a line shorter than
    /// <paramref name="minLength"/> is reported to <paramref name="diagnostics"/> by its length and skipped, and a
    /// file with no line at all is reported as empty.
    /// </summary>
    internal static IEnumerable<TextLine> ReadRecords(string path, int minLength, string layout, DiagnosticCollector diagnostics)
    {
        var anyLine = false;
        foreach (var line in ReadLines(path))
        {
            if (line.IsBlank) continue;
            anyLine = true;
            if (line.Text.Length < minLength)
            {
                diagnostics.AddShortLine(line.Number, line.Text.Length, layout, minLength);
                continue;
            }
            yield return line;
        }
        if (!anyLine) diagnostics.AddFileProblem("file is empty");
    }
}
