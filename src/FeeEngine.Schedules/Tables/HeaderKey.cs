using System.Text;

namespace FeeEngine.Schedules;

/// <summary>
/// Compares column headers the tolerant way CMS's files need: case, spaces, punctuation and a leading year do not
/// matter, so <c>FACILITY </c>, <c>CO- SURG</c>, <c>2025 PE GPCI</c> and <c>NON-FACILTY PRICE</c>'s neighbours match
/// their canonical names.
/// </summary>
internal static class HeaderKey
{
    /// <summary>Upper-case letters and digits only, after dropping a leading 4-digit year ("2025 PW GPCI" => "PWGPCI").</summary>
    public static string Of(string header)
    {
        var text = header.AsSpan().Trim();
        if (text.Length > 5 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])
            && char.IsAsciiDigit(text[3]) && char.IsWhiteSpace(text[4]))
            text = text[5..];
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsAsciiLetterOrDigit(c)) key.Append(char.ToUpperInvariant(c));
        return key.ToString();
    }

    /// <summary>
    /// A readable header from the cells of a multi-row header block: trimmed, single spaces, upper case, and no space
    /// after a trailing hyphen ("CO-" over "SURG" => "CO-SURG").
    /// </summary>
    public static string Join(IEnumerable<string> parts)
    {
        var name = new StringBuilder();
        foreach (var raw in parts)
        {
            var part = CollapseSpaces(raw).ToUpperInvariant();
            if (part.Length == 0) continue;
            if (name.Length > 0 && name[^1] != '-') name.Append(' ');
            name.Append(part);
        }
        return name.ToString();
    }

    public static string CollapseSpaces(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && result[^1] != ' ') result.Append(' ');
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
