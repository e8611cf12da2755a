using ClosedXML.Excel;

namespace FeeEngine.Excel.Tests;

/// <summary>Reading back what a saved workbook holds, cell by cell.</summary>
internal static class WorkbookAssertions
{
    public static decimal Money(this IXLWorksheet ws, string cell) => decimal.Round((decimal)ws.Cell(cell).GetDouble(), 4);

    public static string Text(this IXLWorksheet ws, string cell) => ws.Cell(cell).GetString();

    public static string Format(this IXLWorksheet ws, string cell) => ws.Cell(cell).Style.NumberFormat.Format;

    public static string Formula(this IXLWorksheet ws, string cell) => ws.Cell(cell).FormulaA1;

    /// <summary>The cover sheet's value for a name in column A (inputs and "Made").</summary>
    public static string CoverValue(this IXLWorksheet cover, string name) =>
        cover.RangeUsed().Rows().First(r => r.Cell(1).GetString() == name).Cell(2).GetString();

    public static IEnumerable<string> CoverTexts(this IXLWorksheet cover) =>
        cover.RangeUsed().Rows().Select(r => r.Cell(2).GetString());
}
