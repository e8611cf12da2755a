namespace FeeEngine.Schedules;

/// <summary>
/// One row of a table-shaped file (CSV or XLSX) as text cells, with the line or row number it came from.
/// Cells past the end of a short row read as empty; <see cref="Count"/> tells how many the file really had.
/// </summary>
public sealed class TableRow
{
    private readonly IReadOnlyList<string> _cells;
    private readonly bool[]? _numeric;

    public TableRow(int number, IReadOnlyList<string> cells, bool[]? numericCells = null, string? problem = null)
    {
        Number = number;
        _cells = cells;
        _numeric = numericCells;
        Problem = problem;
    }

    /// <summary>1-based line (CSV) or row number (XLSX).</summary>
    public int Number { get; }

    /// <summary>The cells as read (untrimmed).</summary>
    public IReadOnlyList<string> Cells => _cells;

    /// <summary>How many cells the row has in the file.</summary>
    public int Count => _cells.Count;

    /// <summary>A problem the source itself saw in the row (e.g. an unterminated quote); null when none.</summary>
    public string? Problem { get; }

    /// <summary>The cell's text, untrimmed; empty past the end of the row.</summary>
    public string this[int column] => column >= 0 && column < _cells.Count ? _cells[column] : "";

    /// <summary>
    /// True when the cell was a spreadsheet number. Numbers lose leading zeros (HCPCS 00100 becomes 100), so the
    /// readers restore them for code columns only when this is true: in a CSV, a short code is an error.
    /// </summary>
    public bool IsNumeric(int column) => _numeric is not null && column >= 0 && column < _numeric.Length && _numeric[column];

    /// <summary>True when every cell is empty or white space.</summary>
    public bool IsBlank
    {
        get
        {
            for (var i = 0; i < _cells.Count; i++)
                if (!string.IsNullOrWhiteSpace(_cells[i])) return false;
            return true;
        }
    }

    /// <summary>The first cell with text (trimmed), or null.</summary>
    public string? FirstNonBlank()
    {
        for (var i = 0; i < _cells.Count; i++)
            if (!string.IsNullOrWhiteSpace(_cells[i])) return _cells[i].Trim();
        return null;
    }

    /// <summary>How many cells have text.</summary>
    public int NonBlankCount()
    {
        var n = 0;
        for (var i = 0; i < _cells.Count; i++)
            if (!string.IsNullOrWhiteSpace(_cells[i])) n++;
        return n;
    }
}
