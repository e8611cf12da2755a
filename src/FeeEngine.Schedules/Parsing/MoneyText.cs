using System.Globalization;

namespace FeeEngine.Schedules.Parsing;

/// <summary>
/// Reads an amount the way payers write it in spreadsheets: <c>95</c>, <c>95.5</c>, <c>$1,234.50</c>, <c> $ 95.00 </c>.
/// Negative amounts, amounts in parentheses and fractions of a cent are refused with the reason.
/// </summary>
public static class MoneyText
{
    public static bool TryParse(string text, out decimal amount, out string? reason)
    {
        amount = 0m;
        reason = null;
        var s = text.Trim();
        if (s.Length == 0) { reason = "empty"; return false; }
        if (s.StartsWith('(') || s.StartsWith('-')) { reason = "a negative amount"; return false; }
        s = s.Replace("$", "", StringComparison.Ordinal).Replace("USD", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out amount))
        {
            reason = "not an amount (expected e.g. 95.00 or $1,234.50)";
            return false;
        }
        if (decimal.Round(amount, 2) != amount)
        {
            reason = "more than two decimals (fractions of a cent)";
            return false;
        }
        return true;
    }
}
