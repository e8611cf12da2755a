using System.Globalization;
using ClosedXML.Excel;

namespace FeeEngine.Schedules;

/// <summary>
/// One worksheet of an XLSX workbook as a <see cref="TableSource"/> (ClosedXML). Only used rows are returned,
/// each with as many cells as the sheet's used range is wide, numbered as Excel numbers its rows.
/// </summary>
/// <remarks>
/// Numeric cells become invariant text of a <see cref="decimal"/> rounded to <see cref="NumberDecimals"/> places,
/// so XLSX rows compare equal with CSV and TXT rows: Excel stores 32.3465 as the double 32.346499999999999 and
/// 0.869 as 0.86899999999999999; converting the double to decimal and rounding gives back CMS's printed value.
/// </remarks>
public sealed class XlsxTableSource : TableSource
{
    /// <summary>
    /// Decimal places kept from a numeric cell. CMS prints nothing finer than 4 places (conversion factors; RVUs
    /// have 2, GPCIs 3, prices 2), so 4 undoes binary floating point without losing a published digit.
    /// </summary>
    public const int NumberDecimals = 4;

    private readonly string? _sheetName;

    /// <param name="sheetName">The worksheet to read; null for the first.</param>
    public XlsxTableSource(string path, string? sheetName = null)
        : base(path, CmsFileFormat.Xlsx)
    {
        _sheetName = sheetName;
    }

    public override IEnumerable<TableRow> ReadRows()
    {
        using var workbook = OpenWorkbook();
        IXLWorksheet sheet;
        if (_sheetName is null)
        {
            sheet = workbook.Worksheet(1);
        }
        else if (!workbook.TryGetWorksheet(_sheetName, out sheet))
        {
            throw new CmsFileException(new FileDiagnostic(FileName, 0, null, _sheetName, "no worksheet of that name"));
        }

        var used = sheet.RangeUsed();
        if (used is null) yield break;
        var width = used.ColumnCount();
        foreach (var row in used.RowsUsed())
        {
            var cells = new string[width];
            bool[]? numeric = null;
            for (var i = 0; i < width; i++)
            {
                var cell = row.Cell(i + 1);
                switch (cell.DataType)
                {
                    case XLDataType.Number:
                        cells[i] = NumberText(cell.GetDouble());
                        (numeric ??= new bool[width])[i] = true;
                        break;
                    case XLDataType.DateTime:
                        cells[i] = cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case XLDataType.Boolean:
                        cells[i] = cell.GetBoolean() ? "TRUE" : "FALSE";
                        break;
                    default:
                        cells[i] = cell.GetString();
                        break;
                }
            }
            yield return new TableRow(row.RowNumber(), cells, numeric);
        }
    }

    /// <summary>
    /// The text of a numeric cell: the double as a decimal rounded to <see cref="NumberDecimals"/> places, without
    /// trailing zeros, e.g. 32.346499999999999 => "32.3465", 26 => "26", 0.1 => "0.1".
    /// </summary>
    public static string NumberText(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 1e20)
            return value.ToString("R", CultureInfo.InvariantCulture);
        var rounded = Math.Round((decimal)value, NumberDecimals, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.############", CultureInfo.InvariantCulture);
    }

    private XLWorkbook OpenWorkbook()
    {
        try
        {
            return new XLWorkbook(Path);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or IOException or ArgumentException
                                   or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            if (ex is FileNotFoundException or DirectoryNotFoundException) throw;
            throw new CmsFileException(new FileDiagnostic(FileName, 0, null, null, $"not a readable XLSX workbook ({ex.Message})"));
        }
    }
}
