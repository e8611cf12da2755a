namespace FeeEngine.Core.Codes;

/// <summary>Which of the two PFS rates applies to a service.</summary>
public enum Setting
{
    /// <summary>Office and other non-facility places: non-facility PE RVUs.</summary>
    NonFacility,
    /// <summary>Hospital, ASC, SNF and the other facility places: facility PE RVUs.</summary>
    Facility,
}

/// <summary>
/// A CMS place-of-service code (two digits). Only codes CMS has assigned are accepted: an unknown code is an error,
/// never a guess at the setting. The facility list is Medicare Claims Processing Manual ch. 12, s. 20.4.2.
/// </summary>
public readonly struct PlaceOfService : IEquatable<PlaceOfService>
{
    // POS codes CMS has assigned (CMS Place of Service Code Set). Unassigned numbers (e.g. 28-30, 35-40, 43-48,
    // 59, 63, 64, 67-70, 73-80, 82-98) are rejected.
    private static readonly bool[] Assigned = BuildSet(
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        31, 32, 33, 34, 41, 42, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61, 62, 65, 66, 71, 72, 81, 99);

    // Facility rate: 02 (telehealth other than in the home), 19, 21, 22, 23, 24, 26, 31, 34, 41, 42, 51, 52, 53, 56, 61.
    private static readonly bool[] FacilityCodes = BuildSet(2, 19, 21, 22, 23, 24, 26, 31, 34, 41, 42, 51, 52, 53, 56, 61);

    private readonly byte _code;

    private PlaceOfService(byte code) => _code = code;

    public int Code => _code;

    /// <summary>The PFS rate this place of service is paid at.</summary>
    public Setting Setting => FacilityCodes[_code] ? Setting.Facility : Setting.NonFacility;

    public static PlaceOfService Parse(string value) =>
        TryParse(value, out var pos)
            ? pos
            : throw new ArgumentException($"Place of service '{value}' is not a CMS-assigned POS code (two digits, e.g. 11 office, 22 outpatient hospital).", nameof(value));

    /// <summary>Parses one or two digits ("11", "2" or "02"); false for unassigned or non-numeric codes.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out PlaceOfService pos)
    {
        pos = default;
        value = value.Trim();
        if (value.Length is 0 or > 2) return false;
        var n = 0;
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c)) return false;
            n = (n * 10) + (c - '0');
        }
        if (!Assigned[n]) return false;
        pos = new PlaceOfService((byte)n);
        return true;
    }

    private static bool[] BuildSet(params int[] codes)
    {
        var set = new bool[100];
        foreach (var c in codes) set[c] = true;
        return set;
    }

    public override string ToString() => _code.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
    public bool Equals(PlaceOfService other) => _code == other._code;
    public override bool Equals(object? obj) => obj is PlaceOfService other && Equals(other);
    public override int GetHashCode() => _code;
    public static bool operator ==(PlaceOfService a, PlaceOfService b) => a.Equals(b);
    public static bool operator !=(PlaceOfService a, PlaceOfService b) => !a.Equals(b);
}
