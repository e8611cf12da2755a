using System.Text;

namespace FeeEngine.Schedules;

/// <summary>
/// One problem found in a CMS or schedule file, precise enough to find and fix it by hand.
/// </summary>
/// <param name="File">The file's name (or path) as the reader was given it.</param>
/// <param name="Line">1-based line of a text file or row number of a spreadsheet; 0 when the problem is the whole file.</param>
/// <param name="Field">The column (or fixed-width field) concerned, in the file's own words; null for whole-line problems.</param>
/// <param name="Value">The offending text; null when there is none to show. Never carries description text.</param>
/// <param name="Reason">What is wrong, in plain words, e.g. <c>not a number</c>.</param>
public sealed record FileDiagnostic(string File, int Line, string? Field, string? Value, string Reason)
{
    // Long values (a mangled line) would drown the message; the start is enough to find it.
    private const int MaxShownValueLength = 60;

    /// <summary>What <see cref="Line"/> counts when it is not a text line or spreadsheet row: "segment" in an X12
    /// file (an 835 is often one long line, so its segments are numbered instead).</summary>
    public string? Unit { get; init; }

    /// <summary>For example <c>PPRRVU2025_Oct.csv line 12, field WORK RVU, value 'abc': not a number</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line > 0)
            text.Append(' ').Append(Unit ?? (IsSpreadsheet(File) ? "row" : "line")).Append(' ').Append(Line);
        if (Field is not null)
            text.Append(", field ").Append(Field);
        if (Value is not null)
        {
            var shown = Value.Length > MaxShownValueLength ? string.Concat(Value.AsSpan(0, MaxShownValueLength), "...") : Value;
            text.Append(", value '").Append(shown).Append('\'');
        }
        return text.Append(": ").Append(Reason).ToString();
    }

    // A spreadsheet has rows, not lines; saying so avoids sending the reader to a text editor.
    private static bool IsSpreadsheet(string file) => file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
}
