using System.Globalization;
using FeeEngine.Core.Codes;

namespace FeeEngine.Excel.Codes;

/// <summary>A code and its modifiers as a report asks for it: one row of a comparison.</summary>
/// <param name="Bare">True when the code was given without modifiers, so a report may add the code's professional,
/// technical and other modifier rows of the schedule.</param>
public readonly record struct CodeRequest(HcpcsCode Code, ModifierList Modifiers, bool Bare)
{
    /// <summary>The modifiers as the price-file writes them, e.g. <c>26</c> or <c>26:59</c>; empty when none.</summary>
    public string ModifierText => Modifiers.ToString();

    /// <summary>"71046-26", "99214-25:59" or "99213".</summary>
    public override string ToString() => Modifiers.Count == 0 ? Code.ToString() : $"{Code}-{ModifierText}";

    /// <summary>Reads <c>CODE</c>, <c>CODE-MOD</c>, <c>CODE-MOD:MOD</c> or <c>CODE,MOD</c>; null with the reason when it is not one.</summary>
    public static CodeRequest? TryParse(string text, out string? error)
    {
        error = null;
        var t = text.Trim();
        var cut = t.IndexOfAny(['-', ',', ' ']);
        var codeText = cut < 0 ? t : t[..cut];
        var modText = cut < 0 ? "" : t[(cut + 1)..].Replace(',', ':').Replace(' ', ':');
        if (!HcpcsCode.TryParse(codeText, out var code))
        {
            error = $"'{codeText}' is not a HCPCS code (5 letters or digits)";
            return null;
        }
        if (!ModifierList.TryParse(modText, out var mods, out error)) return null;
        return new CodeRequest(code, mods, mods.Count == 0);
    }
}

/// <summary>
/// Reads the codes of a report: a comma-separated list (<c>99213,99214-25,71046</c>) or a file of one code a line
/// (<c>CODE</c>, <c>CODE-MOD</c> or <c>CODE,MOD</c>; blank lines, <c>#</c> comments and a header line starting with
/// "code" or "hcpcs" are skipped). Repeated codes are kept once, in first-seen order.
/// </summary>
public static class CodeListReader
{
    /// <exception cref="InvalidDataException">A code or modifier is malformed; every problem is listed with its line.</exception>
    public static IReadOnlyList<CodeRequest> Read(string listOrFile)
    {
        var fromFile = File.Exists(listOrFile);
        var items = fromFile
            ? File.ReadLines(listOrFile).Select((line, i) => (Text: line, Where: $"{Path.GetFileName(listOrFile)} line {(i + 1).ToString(CultureInfo.InvariantCulture)}"))
            : listOrFile.Split(',').Select((s, i) => (Text: s, Where: $"item {(i + 1).ToString(CultureInfo.InvariantCulture)} of --codes"));
        var errors = new List<string>();
        var seen = new HashSet<(ulong, string)>();
        var codes = new List<CodeRequest>();
        var first = true;
        foreach (var (text, where) in items)
        {
            var t = text.Trim();
            var header = first && fromFile && (t.StartsWith("code", StringComparison.OrdinalIgnoreCase) || t.StartsWith("hcpcs", StringComparison.OrdinalIgnoreCase));
            first = false;
            if (t.Length == 0 || t.StartsWith('#') || header) continue;
            if (CodeRequest.TryParse(fromFile ? t : t.Replace(' ', '-'), out var error) is not { } code)
            {
                errors.Add($"{where}: {error}");
                continue;
            }
            if (seen.Add((code.Code.Packed, code.ModifierText))) codes.Add(code);
        }
        if (errors.Count > 0) throw new InvalidDataException($"bad codes: {string.Join("; ", errors)}");
        if (codes.Count == 0) throw new InvalidDataException(fromFile ? $"no codes in {listOrFile}" : "no codes given");
        return codes;
    }
}
