namespace FeeEngine.Excel.Workbooks;

/// <summary>The number formats the workbooks use (tests assert them by these names).</summary>
public static class ExcelFormats
{
    /// <summary>Dollars and cents: $1,234.56.</summary>
    public const string Currency = "$#,##0.00";
    /// <summary>Dollars and cents for a difference: a sign, and red when negative: +$12.34 / -$12.34.</summary>
    public const string CurrencyChange = "+$#,##0.00;[Red]-$#,##0.00;$0.00";
    /// <summary>A ratio as a percentage with one decimal: 118.0%.</summary>
    public const string Percent = "0.0%";
    /// <summary>A change as a signed percentage, red when negative: +2.5% / -1.3%.</summary>
    public const string PercentChange = "+0.0%;[Red]-0.0%;0.0%";
    /// <summary>Counts: 1,234.</summary>
    public const string Count = "#,##0";
    public const string Text = "@";
}
