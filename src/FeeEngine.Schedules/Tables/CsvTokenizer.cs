using System.Text;

namespace FeeEngine.Schedules;

/// <summary>One record of a CSV file: its fields and the line it starts on.</summary>
/// <param name="Line">1-based physical line where the record starts (a quoted field may span lines).</param>
/// <param name="Fields">The fields, unquoted and unescaped, not trimmed.</param>
/// <param name="UnterminatedQuote">True when the file ended inside a quoted field: the record is suspect.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool UnterminatedQuote);

/// <summary>
/// A small RFC 4180 tokenizer: commas separate fields, a field in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c> for one quote). Lines may end with CRLF or LF. Written here rather than taken from a
/// package because CMS's files need nothing more and the reader must report exact line numbers.
/// </summary>
public static class CsvTokenizer
{
    /// <summary>Splits one line that holds a whole record (no line break inside quotes).</summary>
    public static IReadOnlyList<string> SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        // An open quote at the end of a lone line simply ends with the line.
        Tokenize(line, fields, field, inQuotes: false);
        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Reads every record of <paramref name="reader"/>, with the line each starts on.</summary>
    public static IEnumerable<CsvRecord> ReadRecords(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadRecordsIterator(reader);
    }

    private static IEnumerable<CsvRecord> ReadRecordsIterator(TextReader reader)
    {
        var lineNumber = 0;
        var field = new StringBuilder();
        var fields = new List<string>(32);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var startLine = lineNumber;
            var inQuotes = Tokenize(line, fields, field, inQuotes: false);
            // A quoted field runs on over line breaks: keep the break and continue with the next line.
            while (inQuotes)
            {
                var next = reader.ReadLine();
                if (next is null) break;
                lineNumber++;
                field.Append('\n');
                inQuotes = Tokenize(next, fields, field, inQuotes: true);
            }
            fields.Add(field.ToString());
            field.Clear();
            yield return new CsvRecord(startLine, fields.ToArray(), inQuotes);
            fields.Clear();
        }
    }

    /// <summary>
    /// Scans one physical line, appending completed fields to <paramref name="fields"/> and the text of the field
    /// still open to <paramref name="field"/>. Returns whether the line ended inside quotes.
    /// </summary>
    private static bool Tokenize(string line, List<string> fields, StringBuilder field, bool inQuotes)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else
            {
                // A quote in the middle of an unquoted field is kept as text, as spreadsheets do.
                field.Append(c);
            }
        }
        return inQuotes;
    }
}
