namespace FeeEngine.Schedules;

/// <summary>
/// Where each wanted column is in a header row. Built once per file; then <see cref="Text"/> reads a cell by the
/// column's position in the spec list, restoring leading zeros of code columns that a spreadsheet stored as numbers.
/// </summary>
internal sealed class ColumnMap
{
    private readonly int[] _index;
    private readonly IReadOnlyList<ColumnSpec> _specs;

    private ColumnMap(int[] index, IReadOnlyList<ColumnSpec> specs)
    {
        _index = index;
        _specs = specs;
        foreach (var i in index) LastIndex = Math.Max(LastIndex, i);
    }

    /// <summary>The right-most column the reader uses: a row with fewer cells than this + 1 is truncated.</summary>
    public int LastIndex { get; } = -1;

    /// <summary>The spec's column exists in the file.</summary>
    public bool Has(int spec) => _index[spec] >= 0;

    /// <summary>
    /// Maps <paramref name="headers"/> onto <paramref name="specs"/>; reports each missing required column and
    /// each column whose header appears twice. Returns null when a required column is missing.
    /// </summary>
    public static ColumnMap? Build(
        IReadOnlyList<string> headers, IReadOnlyList<ColumnSpec> specs, DiagnosticCollector diagnostics, int headerLine)
    {
        var index = new int[specs.Count];
        Array.Fill(index, -1);
        for (var column = 0; column < headers.Count; column++)
        {
            var key = HeaderKey.Of(headers[column]);
            for (var s = 0; s < specs.Count; s++)
            {
                if (!specs[s].Matches(key)) continue;
                if (index[s] >= 0)
                    diagnostics.Add(headerLine, specs[s].Name, HeaderKey.CollapseSpaces(headers[column]),
                        $"column appears twice (columns {index[s] + 1} and {column + 1})");
                else
                    index[s] = column;
                break;
            }
        }

        var complete = true;
        for (var s = 0; s < specs.Count; s++)
        {
            if (index[s] >= 0 || !specs[s].Required) continue;
            diagnostics.Add(headerLine, specs[s].Name, null, "required column missing from the header");
            complete = false;
        }
        return complete ? new ColumnMap(index, specs) : null;
    }

    /// <summary>The trimmed text of the spec's column in <paramref name="row"/>; empty when the column is absent.</summary>
    public string Text(TableRow row, int spec)
    {
        var column = _index[spec];
        if (column < 0) return "";
        var text = row[column].Trim();
        var width = _specs[spec].CodeWidth;
        if (width > 0 && row.IsNumeric(column) && text.Length < width && IsDigits(text))
            text = text.PadLeft(width, '0');
        return text;
    }

    /// <summary>The raw text (null when the column is absent), for readers that hand cells on unparsed.</summary>
    public string? TextOrNull(TableRow row, int spec) => _index[spec] < 0 ? null : Text(row, spec);

    private static bool IsDigits(string text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
