namespace FeeEngine.Application.Pricing;

/// <summary>
/// Splits one CSV record (RFC 4180) into field ranges. Lines without quotes, the common case, are split in place
/// without allocating; a quoted line is unescaped into a new string first.
/// </summary>
public static class CsvFields
{
    /// <summary>Splits <paramref name="line"/>; returns the field count (may exceed <paramref name="ranges"/>' length, then the extra fields are not recorded).</summary>
    /// <param name="text">The text the ranges refer to: the line itself, or its unescaped copy when it had quotes.</param>
    public static int Split(string line, Span<Range> ranges, out string text)
    {
        if (line.Contains('"')) return SplitQuoted(line, ranges, out text);
        text = line;
        var count = 0;
        var start = 0;
        var span = line.AsSpan();
        while (true)
        {
            var comma = span[start..].IndexOf(',');
            var end = comma < 0 ? span.Length : start + comma;
            if (count < ranges.Length) ranges[count] = new Range(start, end);
            count++;
            if (comma < 0) return count;
            start = end + 1;
        }
    }

    /// <summary>
    /// Splits only the first <c>ranges.Length</c> fields (stopping there), for callers that need a key from the
    /// leading columns; returns how many fields were found, at most <c>ranges.Length</c>.
    /// </summary>
    public static int SplitFirst(string line, Span<Range> ranges, out string text)
    {
        if (line.Contains('"')) return Math.Min(SplitQuoted(line, ranges, out text), ranges.Length);
        text = line;
        var span = line.AsSpan();
        var start = 0;
        for (var count = 0; count < ranges.Length; count++)
        {
            var comma = span[start..].IndexOf(',');
            var end = comma < 0 ? span.Length : start + comma;
            ranges[count] = new Range(start, end);
            if (comma < 0) return count + 1;
            start = end + 1;
        }
        return ranges.Length;
    }

    private static int SplitQuoted(string line, Span<Range> ranges, out string text)
    {
        // Unescape into a buffer; a field's range points into the buffer. Separators never appear inside a range.
        var sb = new System.Text.StringBuilder(line.Length);
        var count = 0;
        var fieldStart = 0;
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else inQuotes = false;
                }
                else sb.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == ',')
            {
                if (count < ranges.Length) ranges[count] = new Range(fieldStart, sb.Length);
                count++;
                fieldStart = sb.Length;
            }
            else sb.Append(c);
        }
        if (count < ranges.Length) ranges[count] = new Range(fieldStart, sb.Length);
        text = sb.ToString();
        return count + 1;
    }

    /// <summary>Writes a field, quoting it only when it holds a comma, quote or line break.</summary>
    public static void WriteField(TextWriter writer, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"') writer.Write('"');
            writer.Write(c);
        }
        writer.Write('"');
    }
}
