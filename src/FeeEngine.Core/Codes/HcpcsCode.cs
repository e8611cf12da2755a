namespace FeeEngine.Core.Codes;

/// <summary>
/// A five-character HCPCS (Level I CPT or Level II) code, upper-case letters and digits, e.g. <c>99213</c>, <c>G0121</c>.
/// Held packed in a <see cref="ulong"/> so lookups in large schedules hash one integer.
/// </summary>
public readonly struct HcpcsCode : IEquatable<HcpcsCode>
{
    private readonly ulong _packed;

    private HcpcsCode(ulong packed) => _packed = packed;

    /// <summary>The packed value (five ASCII bytes); a stable key for in-memory indexes.</summary>
    public ulong Packed => _packed;

    public static HcpcsCode Parse(string value) =>
        TryParse(value, out var code)
            ? code
            : throw new ArgumentException($"HCPCS code '{value}' is not valid: expected 5 letters or digits, e.g. 99213 or G0121.", nameof(value));

    public static bool TryParse(ReadOnlySpan<char> value, out HcpcsCode code)
    {
        code = default;
        value = value.Trim();
        if (value.Length != 5) return false;
        ulong packed = 0;
        foreach (var raw in value)
        {
            var c = char.ToUpperInvariant(raw);
            if (!char.IsAsciiLetterOrDigit(c)) return false;
            packed = (packed << 8) | c;
        }
        code = new HcpcsCode(packed);
        return true;
    }

    /// <summary>The code whose <see cref="Packed"/> value this is (a key read back from an index).</summary>
    public static HcpcsCode FromPacked(ulong packed) => new(packed);

    public bool IsDefault => _packed == 0;

    public override string ToString()
    {
        if (_packed == 0) return string.Empty;
        Span<char> chars = stackalloc char[5];
        var p = _packed;
        for (var i = 4; i >= 0; i--) { chars[i] = (char)(p & 0xFF); p >>= 8; }
        return new string(chars);
    }

    public bool Equals(HcpcsCode other) => _packed == other._packed;
    public override bool Equals(object? obj) => obj is HcpcsCode other && Equals(other);
    public override int GetHashCode() => _packed.GetHashCode();
    public static bool operator ==(HcpcsCode a, HcpcsCode b) => a.Equals(b);
    public static bool operator !=(HcpcsCode a, HcpcsCode b) => !a.Equals(b);
}
