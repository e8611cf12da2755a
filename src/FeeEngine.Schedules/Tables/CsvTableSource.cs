using System.Text;

namespace FeeEngine.Schedules;

/// <summary>
/// A CSV file as a <see cref="TableSource"/>. Read as Latin-1 unless the file starts with a byte-order mark:
/// CMS's files are Windows-1252 or UTF-8, every field the readers use is ASCII, and Latin-1 never fails to decode
/// (descriptions, the only non-ASCII text, are skipped anyway).
/// </summary>
public sealed class CsvTableSource : TableSource
{
    private readonly char? _commentPrefix;

    /// <param name="commentPrefix">Lines starting with this character are skipped (the project's own tables use '#').</param>
    public CsvTableSource(string path, char? commentPrefix = null)
        : base(path, CmsFileFormat.Csv)
    {
        _commentPrefix = commentPrefix;
    }

    public override IEnumerable<TableRow> ReadRows()
    {
        using var reader = new StreamReader(Path, Encoding.Latin1, detectEncodingFromByteOrderMarks: true);
        foreach (var record in CsvTokenizer.ReadRecords(reader))
        {
            if (_commentPrefix is { } prefix && record.Fields.Count > 0
                && record.Fields[0].TrimStart().StartsWith(prefix))
                continue;
            yield return new TableRow(
                record.Line, record.Fields, null,
                record.UnterminatedQuote ? "unterminated quoted field: the file ends inside quotes" : null);
        }
    }
}
