using System.Globalization;

namespace FeeEngine.Excel.Workbooks;

/// <summary>What a column holds, which decides its number format, alignment and width.</summary>
public enum ColumnKind { Text, Currency, CurrencyChange, Percent, PercentChange, Count }

/// <summary>A column of a data sheet: its header and kind.</summary>
public sealed record SheetColumn(string Header, ColumnKind Kind)
{
    public string? Format => Kind switch
    {
        ColumnKind.Currency => ExcelFormats.Currency,
        ColumnKind.CurrencyChange => ExcelFormats.CurrencyChange,
        ColumnKind.Percent => ExcelFormats.Percent,
        ColumnKind.PercentChange => ExcelFormats.PercentChange,
        ColumnKind.Count => ExcelFormats.Count,
        _ => null,
    };

    /// <summary>The value as the cell's format shows it (to size the column: text measuring needs fonts this machine may lack).</summary>
    public static string Shown(ColumnKind kind, decimal value)
    {
        var inv = CultureInfo.InvariantCulture;
        return kind switch
        {
            ColumnKind.Currency => value.ToString("$#,##0.00", inv),
            ColumnKind.CurrencyChange => value.ToString("+$#,##0.00;-$#,##0.00", inv),
            ColumnKind.Percent or ColumnKind.PercentChange => (value * 100m).ToString("+0.0;-0.0", inv) + "%",
            ColumnKind.Count => value.ToString("#,##0", inv),
            _ => value.ToString(inv),
        };
    }
}

/// <summary>
/// Tracks the widest text shown in each column while rows are written, so widths fit the content without
/// measuring fonts: characters + 3, between 8 and a cap (long notes wrap at the cap instead of making the sheet wide).
/// </summary>
public sealed class ColumnWidths(int columns, double cap = 60)
{
    private readonly int[] _chars = new int[columns];

    public void Seen(int column, int chars)
    {
        if (chars > _chars[column - 1]) _chars[column - 1] = chars;
    }

    public void Seen(int column, string? text)
    {
        if (text is not null) Seen(column, text.Length);
    }

    /// <summary>The width of a column (1-based) in Excel character units.</summary>
    public double Width(int column) => Math.Clamp(_chars[column - 1] + 3, 8, cap);
}
