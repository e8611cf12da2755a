namespace FeeEngine.Schedules;

/// <summary>
/// A column a reader looks for by header name: its canonical name (used in diagnostics), the other spellings CMS
/// has used, and whether the file is rejected without it.
/// </summary>
internal sealed class ColumnSpec
{
    private readonly string[] _exactKeys;
    private readonly string[] _prefixKeys;

    /// <param name="aliases">Other accepted headers; one ending in '*' matches any header that starts with it.</param>
    public ColumnSpec(string name, bool required, int codeWidth = 0, params string[] aliases)
    {
        Name = name;
        Required = required;
        CodeWidth = codeWidth;
        var exact = new List<string> { HeaderKey.Of(name) };
        var prefix = new List<string>();
        foreach (var alias in aliases)
        {
            if (alias.EndsWith('*')) prefix.Add(HeaderKey.Of(alias[..^1]));
            else exact.Add(HeaderKey.Of(alias));
        }
        _exactKeys = [.. exact];
        _prefixKeys = [.. prefix];
    }

    public string Name { get; }

    public bool Required { get; }

    /// <summary>
    /// Width of a code column whose leading zeros a spreadsheet number drops (HCPCS 5, GLOB DAYS 3); 0 for others.
    /// </summary>
    public int CodeWidth { get; }

    public bool Matches(string headerKey)
    {
        if (headerKey.Length == 0) return false;
        foreach (var k in _exactKeys)
            if (k == headerKey) return true;
        foreach (var k in _prefixKeys)
            if (headerKey.StartsWith(k, StringComparison.Ordinal)) return true;
        return false;
    }
}
