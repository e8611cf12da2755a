namespace FeeEngine.Core.Codes;

/// <summary>
/// A two-character HCPCS modifier (e.g. <c>26</c>, <c>TC</c>, <c>53</c>, <c>RT</c>). <see cref="None"/> is the
/// blank modifier of a global service.
/// </summary>
public readonly struct Modifier : IEquatable<Modifier>
{
    private readonly ushort _packed;

    private Modifier(ushort packed) => _packed = packed;

    public static readonly Modifier None;
    /// <summary>Professional component.</summary>
    public static readonly Modifier ProfessionalComponent = Parse("26");
    /// <summary>Technical component.</summary>
    public static readonly Modifier TechnicalComponent = Parse("TC");
    /// <summary>Discontinued procedure.</summary>
    public static readonly Modifier Discontinued = Parse("53");

    public ushort Packed => _packed;
    public bool IsNone => _packed == 0;

    public static Modifier Parse(string value) =>
        TryParse(value, out var m)
            ? m
            : throw new ArgumentException($"Modifier '{value}' is not valid: expected 2 letters or digits, e.g. 26 or TC.", nameof(value));

    /// <summary>Parses a modifier; blank text is <see cref="None"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out Modifier modifier)
    {
        modifier = default;
        value = value.Trim();
        if (value.Length == 0) return true;
        if (value.Length != 2) return false;
        var a = char.ToUpperInvariant(value[0]);
        var b = char.ToUpperInvariant(value[1]);
        if (!char.IsAsciiLetterOrDigit(a) || !char.IsAsciiLetterOrDigit(b)) return false;
        modifier = new Modifier((ushort)((a << 8) | b));
        return true;
    }

    public override string ToString() =>
        _packed == 0 ? string.Empty : new string([(char)(_packed >> 8), (char)(_packed & 0xFF)]);

    public bool Equals(Modifier other) => _packed == other._packed;
    public override bool Equals(object? obj) => obj is Modifier other && Equals(other);
    public override int GetHashCode() => _packed;
    public static bool operator ==(Modifier a, Modifier b) => a.Equals(b);
    public static bool operator !=(Modifier a, Modifier b) => !a.Equals(b);
}
