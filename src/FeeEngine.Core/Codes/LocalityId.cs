namespace FeeEngine.Core.Codes;

/// <summary>
/// A Medicare payment locality: the pair of the Medicare Administrative Contractor number (5 digits, zero-padded,
/// e.g. <c>02102</c>) and the locality number within it (2 digits, e.g. <c>01</c>). Written <c>MMMMM-LL</c>.
/// </summary>
public readonly struct LocalityId : IEquatable<LocalityId>
{
    private readonly int _packed; // mac * 100 + number

    private LocalityId(int packed) => _packed = packed;

    public static LocalityId Create(int mac, int number)
    {
        if (mac is < 0 or > 99999) throw new ArgumentException($"MAC number {mac} is out of range 00000-99999.", nameof(mac));
        if (number is < 0 or > 99) throw new ArgumentException($"Locality number {number} is out of range 00-99.", nameof(number));
        return new LocalityId((mac * 100) + number);
    }

    /// <summary>MAC number as CMS writes it: five digits, zero-padded.</summary>
    public string Mac => (_packed / 100).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Locality number as CMS writes it: two digits, zero-padded.</summary>
    public string Number => (_packed % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    public int Packed => _packed;

    /// <summary>Parses <c>MMMMM-LL</c> (e.g. <c>13202-01</c>).</summary>
    public static LocalityId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new ArgumentException($"Locality '{value}' is not valid: expected MMMMM-LL (MAC and locality number), e.g. 13202-01.", nameof(value));

    public static bool TryParse(ReadOnlySpan<char> value, out LocalityId id)
    {
        id = default;
        value = value.Trim();
        if (value.Length != 8 || value[5] != '-') return false;
        return TryFromParts(value[..5], value[6..], out id);
    }

    /// <summary>Builds a locality from the two fields of a CMS file; digits only, padding added where CMS dropped it.</summary>
    public static bool TryFromParts(ReadOnlySpan<char> mac, ReadOnlySpan<char> number, out LocalityId id)
    {
        id = default;
        mac = mac.Trim();
        number = number.Trim();
        if (mac.Length is 0 or > 5 || number.Length is 0 or > 2) return false;
        if (!AllDigits(mac) || !AllDigits(number)) return false;
        id = new LocalityId((int.Parse(mac, provider: System.Globalization.CultureInfo.InvariantCulture) * 100)
                            + int.Parse(number, provider: System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    public override string ToString() => $"{Mac}-{Number}";
    public bool Equals(LocalityId other) => _packed == other._packed;
    public override bool Equals(object? obj) => obj is LocalityId other && Equals(other);
    public override int GetHashCode() => _packed;
    public static bool operator ==(LocalityId a, LocalityId b) => a.Equals(b);
    public static bool operator !=(LocalityId a, LocalityId b) => !a.Equals(b);
}
