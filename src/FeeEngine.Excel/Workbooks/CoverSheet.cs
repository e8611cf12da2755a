using System.Globalization;
using ClosedXML.Excel;

namespace FeeEngine.Excel.Workbooks;

/// <summary>What a workbook's cover sheet says: what it is, the inputs, the reference data versions and when it was made.</summary>
/// <param name="Inputs">Name and value of each input (the command line's options, in words).</param>
/// <param name="ReferenceData">The CMS releases, conversion factors and payer contract versions used.</param>
/// <param name="Sheets">Each data sheet's name and what it shows.</param>
/// <param name="Notes">Caveats a reader needs (how amounts were computed, what is left out).</param>
public sealed record Cover(
    string Title,
    string Purpose,
    IReadOnlyList<(string Name, string Value)> Inputs,
    IReadOnlyList<string> ReferenceData,
    IReadOnlyList<(string Name, string Description)> Sheets,
    IReadOnlyList<string> Notes,
    DateTimeOffset CreatedAt,
    string Command);

/// <summary>Writes the cover sheet, always the workbook's first sheet, named "Cover".</summary>
public static class CoverSheet
{
    public const string Name = "Cover";

    public static IXLWorksheet Write(XLWorkbook workbook, Cover cover)
    {
        var ws = workbook.Worksheets.Add(Name, 1);
        ws.ShowGridLines = false;
        ws.Column(1).Width = 26;
        ws.Column(2).Width = 100;
        ws.Column(2).Style.Alignment.WrapText = true;
        ws.Column(2).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        ws.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        var title = ws.Cell(1, 1);
        title.Value = cover.Title;
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 16;
        ws.Row(1).Height = 24;
        ws.Cell(2, 1).Value = cover.Purpose;
        ws.Range(2, 1, 2, 2).Merge().Style.Alignment.WrapText = true;
        ws.Row(2).Height = 15 * DataSheet.WrappedLines(cover.Purpose, 130);

        var row = 4;
        row = Section(ws, row, "Made", [("Created (UTC)", cover.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), ("By", cover.Command)]);
        row = Section(ws, row, "Inputs", cover.Inputs);
        row = Section(ws, row, "Schedule releases and contract versions used", cover.ReferenceData.Select(r => ("", r)).ToList());
        row = Section(ws, row, "Sheets", cover.Sheets);
        Section(ws, row, "Notes", cover.Notes.Select(n => ("", n)).ToList());

        ws.PageSetup.PageOrientation = XLPageOrientation.Portrait;
        ws.PageSetup.FitToPages(1, 0);
        return ws;
    }

    private static int Section(IXLWorksheet ws, int row, string heading, IReadOnlyList<(string Name, string Value)> items)
    {
        var h = ws.Cell(row, 1);
        h.Value = heading;
        h.Style.Font.Bold = true;
        h.Style.Font.FontColor = XLColor.FromHtml("#1F4E78");
        ws.Range(row, 1, row, 2).Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        row++;
        if (items.Count == 0) items = [("", "(none)")];
        foreach (var (name, value) in items)
        {
            ws.Cell(row, 1).Value = name;
            ws.Cell(row, 1).Style.Font.Bold = name.Length > 0;
            // Text cells stay text: an input such as 2025-10-01 or 10112-00 must not become a date or a number.
            ws.Cell(row, 2).SetValue(value);
            ws.Cell(row, 2).DataType = XLDataType.Text;
            // Neither Excel nor LibreOffice grows a row to its wrapped text on open: size it here (15 points a line).
            var lines = DataSheet.WrappedLines(value, 105);
            if (lines > 1) ws.Row(row).Height = 15 * lines;
            row++;
        }
        return row + 1;
    }
}
