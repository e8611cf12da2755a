using System.Globalization;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Application.Pricing;

/// <summary>One input row read into a claim line, or the reason it could not be.</summary>
/// <param name="Payer">The row's payer column (<c>Payer</c> or <c>Payer/Contract</c>); null when absent or blank.</param>
public readonly record struct ParsedRow(int LineNumber, string ClaimId, string DateText, ClaimLine? Line, Core.Money.Money? Deductible, string? Error, string? Payer = null)
{
    /// <param name="previous">The row before, whose claim id and date strings are reused when equal (rows of a claim repeat them).</param>
    public static ParsedRow Parse(string row, int lineNumber, InputColumns c, Range[] ranges, ZipLocalityCatalog zips, in ParsedRow previous = default)
    {
        var fieldCount = CsvFields.Split(row, ranges, out var text);
        if (fieldCount != c.Count)
            return Fail(lineNumber, $"{fieldCount} fields, the header has {c.Count}");
        var t = text.AsSpan();

        if (!TryMoney(F(t, ranges, c.Billed), out var billed)) return Fail(lineNumber, $"billed_charge '{F(t, ranges, c.Billed)}' is not an amount");
        if (!TryMoney(F(t, ranges, c.Deductible), out var deductible)) return Fail(lineNumber, $"deductible_remaining '{F(t, ranges, c.Deductible)}' is not an amount");
        if (!ProviderTypes.TryParse(F(t, ranges, c.ProviderType), out var provider)) return Fail(lineNumber, $"provider_type '{F(t, ranges, c.ProviderType)}' is not one of physician, MD, DO, NP, PA, CNS");
        int? minutes = null;
        if (!F(t, ranges, c.AnesthesiaMinutes).IsEmpty)
        {
            if (!int.TryParse(F(t, ranges, c.AnesthesiaMinutes), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                return Fail(lineNumber, $"anesthesia_minutes '{F(t, ranges, c.AnesthesiaMinutes)}' is not a whole number of minutes");
            minutes = m;
        }
        var qp = c.Qp >= 0 && IsYes(F(t, ranges, c.Qp)) ? QpStatus.Qualifying : QpStatus.NonQualifying;
        if (!LineInput.TryBuild(F(t, ranges, c.Date), F(t, ranges, c.Hcpcs), F(t, ranges, c.Modifiers), F(t, ranges, c.Units), F(t, ranges, c.Pos), F(t, ranges, c.Zip), F(t, ranges, c.Locality), qp, zips, out var service, out var error))
            return Fail(lineNumber, error!);
        var line = new ClaimLine(LineId(F(t, ranges, c.Line)), service, billed, provider, minutes);
        var claimId = F(t, ranges, c.ClaimId);
        var date = F(t, ranges, c.Date);
        var payer = F(t, ranges, c.Payer);
        return new ParsedRow(lineNumber,
            previous.ClaimId is { } id && claimId.SequenceEqual(id) ? id : claimId.ToString(),
            previous.DateText is { } d && date.SequenceEqual(d) ? d : date.ToString(),
            line, deductible, null,
            payer.IsEmpty ? null : previous.Payer is { } p && payer.SequenceEqual(p) ? p : payer.ToString());
    }

    // Line numbers 1..99 as shared strings: nearly every row's line id is one of them (no string per row).
    private static readonly string[] SmallLineIds = [.. Enumerable.Range(0, 100).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private static string LineId(ReadOnlySpan<char> text)
    {
        if (text.Length == 1 && char.IsAsciiDigit(text[0])) return SmallLineIds[text[0] - '0'];
        if (text.Length == 2 && text[0] is >= '1' and <= '9' && char.IsAsciiDigit(text[1])) return SmallLineIds[((text[0] - '0') * 10) + (text[1] - '0')];
        return text.ToString();
    }

    private static ReadOnlySpan<char> F(ReadOnlySpan<char> text, Range[] ranges, int index) => index < 0 ? [] : text[ranges[index]].Trim();

    private static ParsedRow Fail(int lineNumber, string reason) => new(lineNumber, "", "", null, null, $"line {lineNumber}: {reason}");

    private static bool TryMoney(ReadOnlySpan<char> text, out Core.Money.Money? money)
    {
        money = null;
        if (text.IsEmpty) return true;
        if (TryPlainCents(text, out var cents))
        {
            money = new Core.Money.Money(cents / 100m);
            return true;
        }
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d < 0m) return false;
        money = new Core.Money.Money(d);
        return true;
    }

    /// <summary>The usual form of an amount, digits with up to two decimals ("150", "150.5", "150.00"), read without decimal parsing.</summary>
    internal static bool TryPlainCents(ReadOnlySpan<char> text, out long cents)
    {
        cents = 0;
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 12 || fraction.Length > 2) return false;
        foreach (var c in whole)
        {
            if (!char.IsAsciiDigit(c)) return false;
            cents = (cents * 10) + (c - '0');
        }
        for (var i = 0; i < 2; i++)
        {
            var digit = i < fraction.Length ? fraction[i] : '0';
            if (!char.IsAsciiDigit(digit)) return false;
            cents = (cents * 10) + (digit - '0');
        }
        return true;
    }

    private static bool IsYes(ReadOnlySpan<char> v) =>
        v.Equals("y", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase)
        || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("1", StringComparison.Ordinal);
}
