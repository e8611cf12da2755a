namespace FeeEngine.Schedules.Remittance;

/// <summary>
/// The delimiters of an X12 interchange, as its ISA segment declares them: the element separator is the character
/// right after "ISA", the component separator is ISA16, the segment terminator is the character after ISA16, and
/// (5010) ISA11 is the repetition separator when it is not a letter or digit (4010 put the letter U there).
/// </summary>
internal readonly record struct X12Delimiters(char Element, char Component, char Segment, char? Repetition)
{
    private const int IsaElements = 16;

    /// <summary>
    /// Reads the delimiters from the ISA at the start of <paramref name="text"/> (after an optional byte-order mark
    /// and blank lines). The ISA is found by counting its 16 element separators rather than by its fixed width of
    /// 106 characters, so a hand-written ISA with unpadded fields is read too.
    /// </summary>
    /// <param name="start">Where the ISA starts.</param>
    /// <param name="reason">Why there is no valid ISA, in plain words.</param>
    public static bool TryRead(string text, out X12Delimiters delimiters, out int start, out string? reason)
    {
        delimiters = default;
        reason = null;
        start = 0;
        while (start < text.Length && (text[start] == '\uFEFF' || char.IsWhiteSpace(text[start]))) start++;
        if (!text.AsSpan(start).StartsWith("ISA", StringComparison.Ordinal) || text.Length - start < 4)
        {
            reason = "no ISA segment at the start of the file: an 835 remittance is an X12 file that starts with ISA";
            return false;
        }
        var element = text[start + 3];
        if (char.IsAsciiLetterOrDigit(element) || char.IsWhiteSpace(element))
        {
            reason = $"the ISA segment has no element separator after ISA (found '{element}')";
            return false;
        }

        // Element n (1-based) starts after the n-th separator; ISA16 is one character, the terminator follows it.
        var separators = 0;
        var i = start + 3;
        var repetition = (char?)null;
        for (; i < text.Length && separators < IsaElements; i++)
        {
            if (text[i] != element) continue;
            separators++;
            if (separators == 11 && i + 2 < text.Length && text[i + 2] == element && !char.IsAsciiLetterOrDigit(text[i + 1]) && text[i + 1] != ' ')
                repetition = text[i + 1];
        }
        // i is now just past the 16th separator: ISA16 at i, the terminator at i + 1.
        if (separators < IsaElements || i + 1 >= text.Length)
        {
            reason = "the ISA segment is incomplete: it must have 16 elements, ISA16 being the component separator, followed by the segment terminator";
            return false;
        }
        var component = text[i];
        var terminator = text[i + 1];
        if (char.IsAsciiLetterOrDigit(component) || char.IsWhiteSpace(component) || component == element)
        {
            reason = $"ISA16 '{component}' is not a component separator (expected a punctuation mark such as ':' or '^'); the ISA may be missing an element";
            return false;
        }
        if (char.IsAsciiLetterOrDigit(terminator) || terminator == ' ' || terminator == element || terminator == component)
        {
            reason = $"the character after ISA16, '{terminator}', is not a segment terminator (expected e.g. '~' or a line break); the ISA may be missing an element";
            return false;
        }
        delimiters = new X12Delimiters(element, component, terminator, repetition);
        return true;
    }
}

/// <summary>One segment of an X12 file: its 1-based number in the file and its elements, element 0 being the id.</summary>
internal sealed class X12Segment(int number, string[] elements)
{
    public int Number { get; } = number;

    public string Id => elements[0];

    /// <summary>How many elements follow the id (trailing empty elements are normally left off by the sender).</summary>
    public int Count => elements.Length - 1;

    /// <summary>Element <paramref name="index"/> (1-based, as in CLP04), trimmed; empty when absent.</summary>
    public string this[int index] => index < elements.Length ? elements[index].Trim() : "";

    /// <summary>The field name of element <paramref name="index"/>, e.g. <c>CLP04</c>.</summary>
    public string Field(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Id}{index:00}");

    /// <summary>
    /// Splits <paramref name="text"/> from <paramref name="start"/> into segments. Line breaks (and blank padding) around
    /// terminators are tolerated, since files are often written one segment a line; empty segments are neither
    /// returned nor counted.
    /// </summary>
    public static IEnumerable<X12Segment> Split(string text, int start, X12Delimiters delimiters)
    {
        var number = 0;
        var position = start;
        while (position < text.Length)
        {
            var end = text.IndexOf(delimiters.Segment, position);
            if (end < 0) end = text.Length;
            // Whitespace around a segment is never data (ISA pads inside its elements, not around the segment).
            var raw = text.AsSpan(position, end - position).Trim();
            position = end + 1;
            if (raw.IsEmpty) continue;
            yield return new X12Segment(++number, raw.ToString().Split(delimiters.Element));
        }
    }
}
