using System.Globalization;
using System.Text.RegularExpressions;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS GPCI file (Addendum E: MAC, state, locality number, locality name, work, PE and MP GPCIs) from CSV,
/// XLSX or TXT. From 2026 the file has the work GPCI both without and with the 1.0 floor; both are kept.
/// Footnote rows at the end (MAC assignments, floors) are not data and not errors.
/// </summary>
public static partial class GpciReader
{
    private const int MaxRowsBeforeHeader = 20;

    private const int Mac = 0, State = 1, Number = 2, Name = 3, WorkWithFloor = 4, WorkWithoutFloor = 5, Pe = 6, Mp = 7;

    private static readonly ColumnSpec[] Specs =
    [
        new("MAC", required: true, codeWidth: 5, "MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)", "MEDICARE ADMINISTRATIVE CONTRACTOR", "CONTRACTOR", "CARRIER"),
        new("STATE", required: true),
        new("LOCALITY NUMBER", required: true, codeWidth: 2, "LOCALITY"),
        new("LOCALITY NAME", required: true),
        // Files before 2026 print one work GPCI, the floored one (headed "PW GPCI (with 1.0 Floor)").
        new("PW GPCI (with 1.0 Floor)", required: true, 0, "PW GPCI", "WORK GPCI"),
        new("PW GPCI (without 1.0 Floor)", required: false),
        new("PE GPCI", required: true),
        new("MP GPCI", required: true),
    ];

    public static GpciFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var format = CmsFileFormats.FromPath(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var rows = new GpciRows(diagnostics);
        var year = format == CmsFileFormat.Txt ? ReadFixedWidth(path, rows) : ReadTable(TableSource.Open(path), rows);
        diagnostics.ThrowIfAny();
        return new GpciFile
        {
            Rows = rows.Rows,
            Year = year,
            HasWorkWithoutFloor = rows.Rows.Count > 0 && rows.Rows.All(r => r.WorkWithoutFloor is not null),
            Format = format,
            FileName = fileName,
        };
    }

    private static int? ReadTable(TableSource source, GpciRows rows)
    {
        var diagnostics = rows.Parser.Diagnostics;
        ColumnMap? map = null;
        int? year = null;
        string? title = null;
        var seen = 0;
        foreach (var row in source.ReadRows())
        {
            seen++;
            if (map is null)
            {
                if (IsHeaderRow(row))
                {
                    var headers = row.Cells;
                    map = ColumnMap.Build(headers, Specs, diagnostics, row.Number);
                    if (map is null) break;
                    year = YearOf(headers.FirstOrDefault(h => HeaderKey.Of(h).StartsWith("PWGPCI", StringComparison.Ordinal)))
                           ?? YearOf(title);
                    continue;
                }
                title ??= row.FirstNonBlank();
                if (seen >= MaxRowsBeforeHeader) break;
                continue;
            }

            if (row.IsBlank) continue;
            var numbersBlank = map.Text(row, WorkWithFloor).Length == 0 && map.Text(row, Pe).Length == 0 && map.Text(row, Mp).Length == 0;
            if (numbersBlank && !IsDigits(map.Text(row, Mac))) continue; // a footnote ("MAC Assignments as of ...", "*Work GPCI reflects ...")
            if (row.Problem is not null)
            {
                diagnostics.Add(row.Number, null, null, row.Problem);
                continue;
            }
            if (row.Count <= map.LastIndex)
            {
                diagnostics.AddTruncatedRow(row.Number, row.Count, map.LastIndex + 1);
                continue;
            }
            rows.Add(row.Number, map.Text(row, Mac), map.Text(row, State), map.Text(row, Number), map.Text(row, Name),
                map.Text(row, WorkWithFloor), map.TextOrNull(row, WorkWithoutFloor), map.Text(row, Pe), map.Text(row, Mp));
        }

        if (seen == 0) diagnostics.AddFileProblem("file is empty");
        else if (map is null && !diagnostics.HasProblems)
            diagnostics.AddFileProblem("header not found: no row with MAC, State and Locality Number columns near the top");
        else if (map is not null && rows.Rows.Count == 0 && !diagnostics.HasProblems)
            diagnostics.AddFileProblem("no data rows after the header");
        return year;
    }

    /// <summary>
    /// The TXT form is a printed report: a header line, then per locality the MAC, state and locality number, the
    /// name (which has spaces), and the GPCIs right-aligned at the end. Its header cannot say which of two work
    /// columns is floored, so a 2026-style TXT with four GPCIs is read only when the header says "without" first.
    /// </summary>
    private static int? ReadFixedWidth(string path, GpciRows rows)
    {
        var diagnostics = rows.Parser.Diagnostics;
        var headerFound = false;
        var gpciColumns = 3;
        var withoutFirst = false;
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
                        var without = line.Text.IndexOf("without", StringComparison.OrdinalIgnoreCase);
                        var with = line.Text.IndexOf("with ", StringComparison.OrdinalIgnoreCase);
                        withoutFirst = without >= 0 && (with < 0 || without < with);
                        if (!withoutFirst)
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

    private static bool IsHeaderRow(TableRow row)
    {
        var state = false;
        var locality = false;
        for (var i = 0; i < row.Count; i++)
        {
            var key = HeaderKey.Of(row[i]);
            state |= key == "STATE";
            locality |= key is "LOCALITYNUMBER" or "LOCALITY";
        }
        return state && locality;
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

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static int? YearOf(string? text) =>
        text is not null && YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    /// <summary>Converts and checks GPCI rows; shared by the table and TXT paths so they give the same records.</summary>
    private sealed class GpciRows(DiagnosticCollector diagnostics)
    {
        private readonly Dictionary<int, int> _firstLineByLocality = [];
        private readonly List<GpciRecord> _rows = [];

        public FieldParser Parser { get; } = new(diagnostics);

        public List<GpciRecord> Rows => _rows;

        public void Add(int line, string mac, string state, string number, string name, string workWithFloor, string? workWithoutFloor, string pe, string mp)
        {
            var p = Parser;
            p.StartRow(line);
            var locality = p.Locality(Specs[Mac].Name, mac.Trim(), Specs[Number].Name, number.Trim());
            var keyOk = p.RowOk;
            state = state.Trim();
            if (state.Length != 2 || !state.All(char.IsAsciiLetter))
                p.Problem(Specs[State].Name, state, "invalid state: expected 2 letters");
            var record = new GpciRecord
            {
                Locality = locality,
                State = state.ToUpperInvariant(),
                Name = LocalityNames.Clean(name),
                WorkWithFloor = p.Gpci(Specs[WorkWithFloor].Name, workWithFloor.Trim()),
                WorkWithoutFloor = string.IsNullOrWhiteSpace(workWithoutFloor) ? null : p.Gpci(Specs[WorkWithoutFloor].Name, workWithoutFloor.Trim()),
                PracticeExpense = p.Gpci(Specs[Pe].Name, pe.Trim()),
                Malpractice = p.Gpci(Specs[Mp].Name, mp.Trim()),
            };
            if (keyOk && !_firstLineByLocality.TryAdd(locality.Packed, line))
                p.Problem("MAC+LOCALITY", locality.ToString(), $"duplicate locality: already on line {_firstLineByLocality[locality.Packed]}");
            if (p.RowOk) _rows.Add(record);
        }
    }
}
