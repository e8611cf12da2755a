using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// The codes a contract term covers: every code, inclusive ranges (e.g. <c>99202-99499</c>, <c>J0000-J9999</c>),
/// single codes, or a named category (<see cref="CodeCategories"/>). Ranges compare codes character by character
/// (digits before letters), as the code sets are ordered.
/// </summary>
public sealed class CodeScope
{
    private readonly (ulong From, ulong To)[] _ranges;

    private CodeScope(string description, (ulong From, ulong To)[] ranges, bool all, string? category = null, string? codes = null)
    {
        Description = description;
        Category = category;
        Codes = codes;
        _ranges = ranges;
        IsAll = all;
    }

    /// <summary>Every code.</summary>
    public static CodeScope All { get; } = new("all codes", [], all: true);

    public bool IsAll { get; }

    /// <summary>The category's name when the scope is a named category; null otherwise.</summary>
    public string? Category { get; }

    /// <summary>The codes and ranges as a list <see cref="TryParseCodes"/> reads back; null for all codes or a category.</summary>
    public string? Codes { get; }

    /// <summary>How the contract file wrote the scope, e.g. "99202-99499" or "category evaluation-management".</summary>
    public string Description { get; }

    public bool Includes(HcpcsCode code)
    {
        if (IsAll) return true;
        var packed = code.Packed;
        foreach (var (from, to) in _ranges)
            if (packed >= from && packed <= to) return true;
        return false;
    }

    /// <summary>
    /// Parses a list of codes and ranges separated by commas, e.g. <c>99202-99499, G0438, J0000-J9999</c>.
    /// A range's ends must have the same shape (both numeric, or the same leading letter) and be in order.
    /// </summary>
    public static bool TryParseCodes(string text, out CodeScope scope, out string? error)
    {
        scope = All;
        error = null;
        var ranges = new List<(ulong, ulong)>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = raw.IndexOf('-', StringComparison.Ordinal);
            var fromText = dash < 0 ? raw : raw[..dash].Trim();
            var toText = dash < 0 ? raw : raw[(dash + 1)..].Trim();
            if (!HcpcsCode.TryParse(fromText, out var from) || !HcpcsCode.TryParse(toText, out var to))
            {
                error = $"'{raw}' is not a code or a range of codes (e.g. 99213 or 99202-99499)";
                return false;
            }
            if (from.Packed > to.Packed)
            {
                error = $"range '{raw}' is backwards: {from} comes after {to}";
                return false;
            }
            if (char.IsAsciiLetter(fromText[0]) != char.IsAsciiLetter(toText[0]) || (char.IsAsciiLetter(fromText[0]) && char.ToUpperInvariant(fromText[0]) != char.ToUpperInvariant(toText[0])))
            {
                error = $"range '{raw}' mixes code shapes: both ends must be numeric or start with the same letter";
                return false;
            }
            ranges.Add((from.Packed, to.Packed));
        }
        if (ranges.Count == 0)
        {
            error = "no codes given";
            return false;
        }
        var normalised = string.Join(", ", text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        scope = new CodeScope(normalised, [.. ranges], all: false, codes: normalised);
        return true;
    }

    /// <summary>The scope of a named category (see <see cref="CodeCategories"/>).</summary>
    public static bool TryCategory(string name, out CodeScope scope, out string? error)
    {
        scope = All;
        error = null;
        if (!CodeCategories.TryGetRanges(name, out var ranges))
        {
            error = $"unknown category '{name}'; known: {string.Join(", ", CodeCategories.Names)}";
            return false;
        }
        if (!TryParseCodes(ranges, out var parsed, out error)) return false;
        scope = new CodeScope($"category {name} ({ranges})", parsed._ranges, all: false, category: name);
        return true;
    }
}
