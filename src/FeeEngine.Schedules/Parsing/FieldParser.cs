using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>
/// Parses the fields of one row at a time into Core types, reporting every bad field to the file's
/// <see cref="DiagnosticCollector"/> instead of stopping at the first. Numbers are read with the invariant
/// culture into <see cref="decimal"/>, never <see cref="double"/>. Text passed in is already trimmed.
/// </summary>
internal sealed class FieldParser(DiagnosticCollector diagnostics)
{
    // Plain decimals only: CMS prints no thousands separators, exponents or currency signs, so accepting them would
    // only hide a wrong column. A leading point (".10" in the PPRRVU TXT) is accepted.
    private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private int _line;

    public DiagnosticCollector Diagnostics { get; } = diagnostics;

    /// <summary>False once a field of the current row has been reported: the row is then dropped.</summary>
    public bool RowOk { get; private set; }

    public void StartRow(int line)
    {
        _line = line;
        RowOk = true;
    }

    public void Problem(string? field, string? value, string reason)
    {
        Diagnostics.Add(_line, field, value, reason);
        RowOk = false;
    }

    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out value);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>]; blank is a problem.</summary>
    public decimal Decimal(string field, string text, decimal min, decimal max)
    {
        if (text.Length == 0)
        {
            Problem(field, text, "missing number");
            return 0m;
        }
        if (!TryDecimal(text, out var value))
        {
            Problem(field, text, "not a number");
            return 0m;
        }
        if (value < min || value > max)
        {
            Problem(field, text, $"out of range {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}");
            return 0m;
        }
        return value;
    }

    /// <summary>A number, or null when blank.</summary>
    public decimal? OptionalDecimal(string field, string text, decimal min, decimal max) =>
        text.Length == 0 ? null : Decimal(field, text, min, max);

    /// <summary>An RVU (0..99999, <see cref="Rvu"/>'s range).</summary>
    public Rvu Rvu(string field, string text) => new(Decimal(field, text, 0m, 99999m));

    /// <summary>An RVU of an optional column: absent (null text) or blank reads as zero.</summary>
    public Rvu OptionalRvu(string field, string? text) =>
        string.IsNullOrEmpty(text) ? Core.Pfs.Rvu.Zero : Rvu(field, text);

    /// <summary>A GPCI, in (0, 10] as <see cref="Gpci"/> requires.</summary>
    public Gpci Gpci(string field, string text)
    {
        var value = Decimal(field, text, 0m, 10m);
        if (value == 0m)
        {
            if (RowOk) Problem(field, text, "a GPCI must be greater than 0");
            return new Gpci(1m);
        }
        return new Gpci(value);
    }

    /// <summary>A conversion factor (0, 1000], or null when blank.</summary>
    public ConversionFactor? OptionalConversionFactor(string field, string text)
    {
        if (text.Length == 0) return null;
        var value = Decimal(field, text, 0m, 1000m);
        if (value == 0m)
        {
            if (RowOk) Problem(field, text, "a conversion factor must be greater than 0");
            return null;
        }
        return new ConversionFactor(value);
    }

    public HcpcsCode Hcpcs(string field, string text)
    {
        if (text.Length == 5 && HcpcsCode.TryParse(text, out var code)) return code;
        Problem(field, text, text.Length == 0 ? "missing HCPCS code" : "invalid HCPCS code: expected 5 letters or digits");
        return default;
    }

    public Modifier Modifier(string field, string text)
    {
        if (Core.Codes.Modifier.TryParse(text, out var modifier)) return modifier;
        Problem(field, text, "invalid modifier: expected 2 letters or digits, or blank");
        return default;
    }

    /// <summary>A locality from its MAC and locality-number fields; leading zeros a spreadsheet dropped are restored.</summary>
    public LocalityId Locality(string macField, string mac, string numberField, string number)
    {
        if (LocalityId.TryFromParts(mac, number, out var id)) return id;
        if (!IsDigits(mac, 5))
            Problem(macField, mac, "invalid MAC number: expected up to 5 digits");
        if (!IsDigits(number, 2))
            Problem(numberField, number, "invalid locality number: expected up to 2 digits");
        return default;
    }

    /// <summary>A one-character code that must satisfy <paramref name="allowed"/>; blank is a problem.</summary>
    public char Char(string field, string text, Func<char, bool> allowed, string expected)
    {
        if (text.Length == 1 && allowed(text[0])) return char.ToUpperInvariant(text[0]);
        Problem(field, text, text.Length == 0 ? $"missing value: expected {expected}" : $"invalid value: expected {expected}");
        return ' ';
    }

    /// <summary>
    /// A code of fixed width made of letters and digits (GLOB DAYS 3, supervision 2); blank allowed when
    /// <paramref name="optional"/>. Returned upper case.
    /// </summary>
    public string Code(string field, string text, int width, bool optional)
    {
        if (text.Length == 0)
        {
            if (!optional) Problem(field, text, $"missing value: expected {width} letters or digits");
            return "";
        }
        if (text.Length == width && IsAlphanumeric(text)) return text.ToUpperInvariant();
        Problem(field, text, $"invalid value: expected {width} letters or digits");
        return "";
    }

    /// <summary>An "NA" indicator column: "NA" is true, blank false, anything else a problem.</summary>
    public bool NaFlag(string field, string text)
    {
        if (text.Length == 0) return false;
        if (text.Equals("NA", StringComparison.OrdinalIgnoreCase)) return true;
        Problem(field, text, "invalid value: expected NA or blank");
        return false;
    }

    private static bool IsDigits(string text, int maxLength)
    {
        if (text.Length == 0 || text.Length > maxLength) return false;
        foreach (var c in text)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static bool IsAlphanumeric(string text)
    {
        foreach (var c in text)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        return true;
    }
}
