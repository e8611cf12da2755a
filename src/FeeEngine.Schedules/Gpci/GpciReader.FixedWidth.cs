using System.Globalization;

namespace FeeEngine.Schedules;

public static partial class GpciReader
{
    /// <summary>
    /// The TXT form is a printed report: a header line, then per locality the MAC, state and locality number, the
    /// name (which has spaces), and the GPCIs right-aligned at the end. Fields are taken as whitespace-separated
    /// tokens from both ends rather than by column, since the header's labels do not sit over their values. A
    /// 2026-style TXT with four GPCIs (none is at hand to check) is read only when its header names the column
    /// "without" the floor before the one "with" it: a guessed order could swap the floored and unfloored values.
    /// </summary>
    private static int? ReadFixedWidth(string path, GpciRows rows)
    {
        var diagnostics = rows.Parser.Diagnostics;
        var headerFound = false;
        var gpciColumns = 3;
        int? year = null;
        string? title = null;
        var anyLine = false;
        foreach (var line in FixedWidthText.ReadLines(path))
        {
            if (line.IsBlank) continue;
            anyLine = true;
            if (!headerFound)
            {
                if (line.Text.Contains("GPCI", StringComparison.OrdinalIgnoreCase)
                    && line.Text.Contains("Locality Name", StringComparison.OrdinalIgnoreCase))
                {
                    headerFound = true;
                    gpciColumns = CountOf(line.Text, "GPCI");
                    year = YearOf(line.Text) ?? YearOf(title);
                    if (gpciColumns == 4)
                    {
                        // Read in CMS's CSV order (without, then with the floor) only when the header says so.
                        var without = line.Text.IndexOf("without", StringComparison.OrdinalIgnoreCase);
                        var with = line.Text.IndexOf("with ", StringComparison.OrdinalIgnoreCase);
                        if (without < 0 || (with >= 0 && with < without))
                            diagnostics.Add(line.Number, null, null,
                                "four GPCI columns but the header does not tell which work GPCI has the 1.0 floor: read the CSV or XLSX form");
                    }
                    else if (gpciColumns != 3)
                    {
                        diagnostics.Add(line.Number, null, null, $"header has {gpciColumns} GPCI columns: expected 3 (or 4 from 2026)");
                    }
                    if (diagnostics.HasProblems) break;
                }
                else
                {
                    title ??= line.Text.Trim();
                }
                continue;
            }

            var tokens = Tokens(line.Text);
            var numbersAtEnd = tokens.Count >= gpciColumns && tokens.TakeLast(gpciColumns).All(t => FieldParser.TryDecimal(line.Text[t.Start..t.End], out _));
            if (!IsDigits(line.Text[tokens[0].Start..tokens[0].End]) && !numbersAtEnd) continue; // footnote
            if (tokens.Count < 4 + gpciColumns)
            {
                diagnostics.Add(line.Number, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"line too short: {tokens.Count} fields, expected MAC, state, locality, name and {gpciColumns} GPCIs"));
                continue;
            }
            string Token(int i) => line.Text[tokens[i].Start..tokens[i].End];
            var name = line.Text[tokens[3].Start..tokens[^gpciColumns].Start];
            var n = tokens.Count;
            if (gpciColumns == 4)
                rows.Add(line.Number, Token(0), Token(1), Token(2), name, Token(n - 3), Token(n - 4), Token(n - 2), Token(n - 1));
            else
                rows.Add(line.Number, Token(0), Token(1), Token(2), name, Token(n - 3), null, Token(n - 2), Token(n - 1));
        }

        if (!anyLine) diagnostics.AddFileProblem("file is empty");
        else if (!headerFound) diagnostics.AddFileProblem("header not found: no line naming Locality Name and the GPCI columns");
        else if (rows.Rows.Count == 0 && !diagnostics.HasProblems) diagnostics.AddFileProblem("no data lines after the header");
        return year;
    }

    private static List<(int Start, int End)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length) break;
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            tokens.Add((start, i));
        }
        return tokens;
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }
}
