using System.Globalization;
using ClosedXML.Excel;

namespace FeeEngine.Schedules.Tests;

/// <summary>Writes small workbooks the way Excel stores CMS's: every cell that looks like a number is a number.</summary>
internal static class XlsxSample
{
    /// <param name="lines">CSV-like lines (no quoting), one per row, written from row 1.</param>
    /// <param name="numbersFromRow">1-based row from which numeric-looking cells become numbers (headers stay text).</param>
    public static string Write(string path, string[] lines, int numbersFromRow, string sheetName = "Sheet1")
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(sheetName);
        for (var r = 0; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                var cell = sheet.Cell(r + 1, c + 1);
                if (r + 1 >= numbersFromRow && double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    cell.SetValue(number);
                }
                else
                {
                    cell.SetValue(cells[c]);
                    cell.DataType = XLDataType.Text;
                }
            }
        }
        workbook.SaveAs(path);
        return path;
    }
}
