namespace FeeEngine.Core.Codes;

/// <summary>
/// The modifiers of a claim line, at most four as on a CMS-1500 line, in billed order. A value type so that pricing a
/// line allocates nothing.
/// </summary>
public readonly struct ModifierList
{
    private readonly Modifier _m0, _m1, _m2, _m3;

    public ModifierList(params ReadOnlySpan<Modifier> modifiers)
    {
        var count = 0;
        foreach (var m in modifiers)
        {
            if (m.IsNone) continue;
            if (count == 4) throw new ArgumentException("A claim line carries at most four modifiers.", nameof(modifiers));
            switch (count++)
            {
                case 0: _m0 = m; break;
                case 1: _m1 = m; break;
                case 2: _m2 = m; break;
                default: _m3 = m; break;
            }
        }
        Count = count;
    }

    public int Count { get; }

    public Modifier this[int index] => index switch
    {
        0 when Count > 0 => _m0,
        1 when Count > 1 => _m1,
        2 when Count > 2 => _m2,
        3 when Count > 3 => _m3,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"The list holds {Count} modifiers."),
    };

    public bool Contains(Modifier modifier)
    {
        for (var i = 0; i < Count; i++) if (this[i] == modifier) return true;
        return false;
    }

    /// <summary>Parses modifiers separated by ':' (the price-file convention), e.g. <c>26:59</c>; blank is none.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ModifierList list, out string? error)
    {
        list = default;
        error = null;
        text = text.Trim();
        if (text.IsEmpty) return true;
        Span<Modifier> buffer = stackalloc Modifier[4];
        var n = 0;
        foreach (var range in text.Split(':'))
        {
            var part = text[range].Trim();
            if (part.IsEmpty) continue;
            if (n == 4) { error = $"more than four modifiers in '{text}'"; return false; }
            if (!Modifier.TryParse(part, out var m) || m.IsNone) { error = $"modifier '{part}' is not 2 letters or digits"; return false; }
            buffer[n++] = m;
        }
        list = new ModifierList(buffer[..n]);
        return true;
    }

    public override string ToString()
    {
        var parts = new string[Count];
        for (var i = 0; i < Count; i++) parts[i] = this[i].ToString();
        return string.Join(':', parts);
    }
}
