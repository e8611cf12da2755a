using System.Globalization;
using System.Text.RegularExpressions;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS GPCI file (Addendum E: MAC, state, locality number, locality name, work, PE and MP GPCIs) from CSV,
/// XLSX or TXT. From 2026 the file has the work GPCI both without and with the 1.0 floor; both are kept.
/// Footnote rows at the end (MAC assignments, floors) are not data and not errors.
/// </summary>
public static partial class GpciReader
{
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
        var table = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = IsHeaderRow,
            HeaderDescription = "row with State and Locality Number columns",
            // Footnotes ("MAC Assignments as of ...", "*Work GPCI reflects ...") have no MAC number and no GPCIs.
            IsNote = (map, row) => !IsDigits(map.Text(row, Mac))
                                   && map.Text(row, WorkWithFloor).Length == 0 && map.Text(row, Pe).Length == 0 && map.Text(row, Mp).Length == 0,
        };
        table.Read(source, rows.Parser.Diagnostics, (map, row) =>
            rows.Add(row.Number, map.Text(row, Mac), map.Text(row, State), map.Text(row, Number), map.Text(row, Name),
                map.Text(row, WorkWithFloor), map.TextOrNull(row, WorkWithoutFloor), map.Text(row, Pe), map.Text(row, Mp)));

        // "2025 PW GPCI (with 1.0 Floor)" states the year; else the title ("... FINAL CY 2025 ...").
        var workHeader = table.Header?.FirstOrDefault(h => HeaderKey.Of(h).StartsWith("PWGPCI", StringComparison.Ordinal));
        return YearOf(workHeader) ?? table.RowsAbove.Select(r => YearOf(r.FirstNonBlank())).FirstOrDefault(y => y is not null);
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

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static int? YearOf(string? text) =>
        text is not null && YearPattern().Match(text) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
