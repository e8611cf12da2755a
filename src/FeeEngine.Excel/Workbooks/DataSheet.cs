using ClosedXML.Excel;

namespace FeeEngine.Excel.Workbooks;

/// <summary>
/// A data sheet laid out as an analyst would by hand: a bold, shaded, wrapped header row; number formats set once per
/// column; widths that fit the values written; the header (and the key columns) frozen; an autofilter over the data;
/// landscape printing one page wide with the header repeated on every page.
/// </summary>
internal sealed class DataSheet
{
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E78");

    /// <summary>No calculation chain (Excel and LibreOffice rebuild it on open; writing one for 40,000 formulas cost
    /// time and memory) and no evaluation on save: the workbook opens with its formulas recalculated.</summary>
    public static readonly SaveOptions SaveOptions = new() { GenerateCalculationChain = false, EvaluateFormulasBeforeSaving = false, ValidatePackage = false };

    private readonly IReadOnlyList<SheetColumn> _columns;
    private readonly ColumnWidths _widths;

    public DataSheet(XLWorkbook workbook, string name, IReadOnlyList<SheetColumn> columns)
    {
        Sheet = workbook.Worksheets.Add(name);
        _columns = columns;
        _widths = new ColumnWidths(columns.Count);
        for (var c = 1; c <= columns.Count; c++)
        {
            var column = columns[c - 1];
            var cell = Sheet.Cell(1, c);
            cell.SetValue(column.Header);
            // A wrapped header needs its longest word, not the whole text.
            // Bold header text is wider than the values' digits: two characters more than its longest word.
            _widths.Seen(c, column.Header.Split(' ').Max(w => w.Length) + 2);
            if (column.Format is { } format) Sheet.Column(c).Style.NumberFormat.Format = format;
            // Text after a right-aligned number would touch it: indent text columns past the first.
            else if (c > 1) Sheet.Column(c).Style.Alignment.Indent = 1;
        }
        var header = Sheet.Range(1, 1, 1, columns.Count).Style;
        header.Font.Bold = true;
        header.Font.FontColor = XLColor.White;
        header.Fill.BackgroundColor = HeaderFill;
        header.Alignment.WrapText = true;
        header.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    public IXLWorksheet Sheet { get; }

    public void Text(int row, int column, string? text)
    {
        if (string.IsNullOrEmpty(text)) return;
        var cell = Sheet.Cell(row, column);
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;   // a code such as 00100 or a modifier such as 26 stays text
        _widths.Seen(column, text);
    }

    /// <summary>A number (dollars in whole cents, a ratio to 4 decimals, a count); nothing when null.</summary>
    public void Number(int row, int column, decimal? value)
    {
        if (value is not { } v) return;
        Sheet.Cell(row, column).SetValue(v);
        _widths.Seen(column, SheetColumn.Shown(_columns[column - 1].Kind, v));
    }

    /// <summary>Makes the column at least wide enough for text of this many characters (a formula's text result).</summary>
    public void Reserve(int column, int chars) => _widths.Seen(column, chars);

    /// <summary>A formula (A1 style, without '='); <paramref name="shownExample"/> is the widest value it may show, for the width.</summary>
    public void Formula(int row, int column, string formula, decimal? shownExample = null)
    {
        Sheet.Cell(row, column).FormulaA1 = formula;
        if (shownExample is { } v) _widths.Seen(column, SheetColumn.Shown(_columns[column - 1].Kind, v));
    }

    /// <summary>Widths, frozen panes, the autofilter over rows 1..<paramref name="lastRow"/> and the print layout.</summary>
    public void Finish(int lastRow, int frozenColumns, double widthCap = 60)
    {
        var headerLines = 1;
        for (var c = 1; c <= _columns.Count; c++)
        {
            var width = Math.Min(_widths.Width(c), widthCap);
            Sheet.Column(c).Width = width;
            headerLines = Math.Max(headerLines, WrappedLines(_columns[c - 1].Header, (int)width - 3));
        }
        // Tall enough for the longest wrapped header (15 points a line), as Excel does not grow a row on open.
        Sheet.Row(1).Height = (15 * headerLines) + 3;
        Sheet.SheetView.Freeze(1, frozenColumns);
        Sheet.Range(1, 1, Math.Max(lastRow, 1), _columns.Count).SetAutoFilter();
        Sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        Sheet.PageSetup.FitToPages(1, 0);
        Sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
        Sheet.PageSetup.PrintAreas.Add(1, 1, Sheet.LastRowUsed()?.RowNumber() ?? 1, _columns.Count);
        Sheet.PageSetup.Margins.Left = Sheet.PageSetup.Margins.Right = 0.4;
    }

    /// <summary>How many lines a header takes wrapped at word boundaries in a column of the given width (characters).</summary>
    internal static int WrappedLines(string text, int width)
    {
        int lines = 1, used = 0;
        foreach (var word in text.Split(' '))
        {
            var need = used == 0 ? word.Length : used + 1 + word.Length;
            if (need <= width || used == 0) used = need;
            else { lines++; used = word.Length; }
            // A word longer than the column (a list of codes) breaks wherever it must.
            while (used > width) { lines++; used -= width; }
        }
        return lines;
    }

    /// <summary>The column's letters, e.g. 1 -> A, 28 -> AB.</summary>
    public static string Letter(int column) => XLHelper.GetColumnLetterFromNumber(column);
}
