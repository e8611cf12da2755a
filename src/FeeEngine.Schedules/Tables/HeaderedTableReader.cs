namespace FeeEngine.Schedules;

/// <summary>
/// The reading loop shared by the single-header-row tables (GPCI, ANES, OPPSCAP, ZIP5 and the project's own CSVs):
/// find the header near the top, map the columns, then hand every data row on. Blank rows are skipped; rows the
/// source flagged, and rows shorter than the columns used, are reported. A missing header, an empty file and a
/// header with no rows under it are reported too.
/// </summary>
internal sealed class HeaderedTableReader
{
    private readonly List<TableRow> _above = [];

    public required IReadOnlyList<ColumnSpec> Specs { get; init; }

    /// <summary>Recognises the header row.</summary>
    public required Func<TableRow, bool> IsHeader { get; init; }

    /// <summary>What the header looks like, for the "header not found" diagnostic.</summary>
    public required string HeaderDescription { get; init; }

    /// <summary>Rows above the header looked at before giving up (title lines, blank lines).</summary>
    public int MaxRowsBeforeHeader { get; init; } = 20;

    /// <summary>Rows that are neither data nor errors, e.g. GPCI footnotes; null when there are none.</summary>
    public Func<ColumnMap, TableRow, bool>? IsNote { get; init; }

    /// <summary>
    /// Called once with the header row after the named columns are mapped, for readers whose columns are not all known
    /// by name beforehand (the DMEPOS files' one column pair per state).
    /// </summary>
    public Action<TableRow>? OnHeader { get; init; }

    /// <summary>The rows above the header (titles), once read.</summary>
    public IReadOnlyList<TableRow> RowsAbove => _above;

    /// <summary>The header's cells, once found.</summary>
    public IReadOnlyList<string>? Header { get; private set; }

    public void Read(TableSource source, DiagnosticCollector diagnostics, Action<ColumnMap, TableRow> onRow)
    {
        ColumnMap? map = null;
        var anyRow = false;
        var dataRows = 0;
        foreach (var row in source.ReadRows())
        {
            anyRow = true;
            if (Header is null)
            {
                if (IsHeader(row))
                {
                    Header = row.Cells;
                    map = ColumnMap.Build(row.Cells, Specs, diagnostics, row.Number);
                    if (map is null) return; // the missing columns are reported; no row can be read without them
                    OnHeader?.Invoke(row);
                    continue;
                }
                _above.Add(row);
                if (_above.Count >= MaxRowsBeforeHeader) break;
                continue;
            }

            if (row.IsBlank || (IsNote?.Invoke(map!, row) ?? false)) continue;
            dataRows++;
            if (row.Problem is not null)
                diagnostics.Add(row.Number, null, null, row.Problem);
            else if (row.Count <= map!.LastIndex)
                diagnostics.AddTruncatedRow(row.Number, row.Count, map.LastIndex + 1);
            else
                onRow(map, row);
        }

        if (!anyRow)
            diagnostics.AddFileProblem("file is empty");
        else if (Header is null)
            diagnostics.AddFileProblem($"header not found: no {HeaderDescription} in the first {_above.Count} rows");
        else if (dataRows == 0)
            diagnostics.AddFileProblem("no data rows after the header");
    }
}
