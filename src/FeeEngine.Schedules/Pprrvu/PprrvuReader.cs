using System.Globalization;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS PPRRVU file (the national physician fee schedule relative value file) in any of its three forms:
/// CSV and XLSX by header name, TXT by the record layout. The same release in any form yields identical rows.
/// The DESCRIPTION column (AMA copyright) is never read. The whole file is checked; any problem rejects it with a
/// <see cref="CmsFileException"/> listing them all.
/// </summary>
public static class PprrvuReader
{
    // CMS's files have 10 lines above the data; 60 leaves room for longer title blocks without reading a wrong file to its end.
    private const int MaxRowsBeforeHeader = 60;

    // The header block is the HCPCS row and up to 4 rows above it (CMS: "NON-FACILITY / PE USED / FOR OPPS / PAYMENT / AMOUNT").
    private const int MaxHeaderRows = 5;

    public static PprrvuFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var format = CmsFileFormats.FromPath(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var builder = new PprrvuRowBuilder(diagnostics);
        string? title = null;
        if (format == CmsFileFormat.Txt)
            ReadFixedWidth(path, builder);
        else
            title = ReadTable(TableSource.Open(path), builder);
        diagnostics.ThrowIfAny();

        var release = PprrvuReleaseName.FromTitle(title) ?? PprrvuReleaseName.FromFileName(fileName);
        return new PprrvuFile
        {
            Rows = builder.Rows,
            Title = title,
            Year = release?.Year ?? YearInTitle(title),
            ReleaseId = release?.ReleaseId,
            EffectiveFrom = release?.EffectiveFrom,
            Format = format,
            FileName = fileName,
        };
    }

    /// <summary>Reads CSV or XLSX rows; returns the title (first text above the header).</summary>
    private static string? ReadTable(TableSource source, PprrvuRowBuilder builder)
    {
        var diagnostics = builder.Parser.Diagnostics;
        var above = new List<TableRow>();
        ColumnMap? map = null;
        var headerWidth = 0;
        string? title = null;
        var headerFound = false;
        var anyRow = false;
        var dataRows = 0;
        var raw = new string?[PprrvuColumns.Specs.Length];

        foreach (var row in source.ReadRows())
        {
            anyRow = true;
            if (!headerFound)
            {
                if (IsHeaderRow(row))
                {
                    headerFound = true;
                    title = FirstText(above);
                    var names = HeaderNames(above, row);
                    headerWidth = names.Length;
                    map = ColumnMap.Build(names, PprrvuColumns.Specs, diagnostics, row.Number);
                    if (map is null) break; // without its columns the rows cannot be read: the missing ones are reported
                    continue;
                }
                above.Add(row);
                if (above.Count >= MaxRowsBeforeHeader) break;
                continue;
            }

            if (row.IsBlank) continue;
            dataRows++;
            if (row.Problem is not null)
            {
                diagnostics.Add(row.Number, null, null, row.Problem);
                continue;
            }
            if (row.Count <= map!.LastIndex)
            {
                diagnostics.AddTruncatedRow(row.Number, row.Count, map.LastIndex + 1);
                continue;
            }
            if (HasTextBeyond(row, headerWidth))
            {
                // Every field after the description would be read from the wrong column, and the values shown in
                // diagnostics would be pieces of the description: report the row once, by its field count.
                diagnostics.Add(row.Number, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"row has {row.Count} fields but the header has {headerWidth}: an unquoted comma shifts the columns"));
                continue;
            }
            for (var f = 0; f < raw.Length; f++)
                raw[f] = map.TextOrNull(row, f);
            builder.Add(raw, row.Number);
        }

        if (!anyRow)
            diagnostics.AddFileProblem("file is empty");
        else if (!headerFound)
            diagnostics.AddFileProblem(
                $"header not found: no row whose first cell is HCPCS in the first {Math.Min(above.Count, MaxRowsBeforeHeader)} rows");
        else if (map is not null && dataRows == 0)
            diagnostics.AddFileProblem("no data rows after the header");
        return title;
    }

    private static void ReadFixedWidth(string path, PprrvuRowBuilder builder)
    {
        var diagnostics = builder.Parser.Diagnostics;
        var year = PprrvuReleaseName.FromFileName(path)?.Year;
        PprrvuTxtLayout? layout = year is { } y ? PprrvuTxtLayout.ForYear(y) : null;
        var anyLine = false;
        var dataLines = 0;
        foreach (var line in FixedWidthText.ReadLines(path))
        {
            if (line.IsBlank) continue;
            anyLine = true;
            if (line.Text.StartsWith("HDR", StringComparison.Ordinal)) continue;
            dataLines++;
            layout ??= PprrvuTxtLayout.Detect(line);
            if (line.Text.Length < layout.MinLength)
            {
                diagnostics.AddShortLine(line.Number, line.Text.Length, $"{layout.Name} record layout", layout.MinLength);
                continue;
            }
            builder.Add(layout.Slice(line), line.Number);
        }

        if (!anyLine)
            diagnostics.AddFileProblem("file is empty");
        else if (dataLines == 0)
            diagnostics.AddFileProblem("no data lines after the HDR header lines");
    }

    private static bool HasTextBeyond(TableRow row, int width)
    {
        for (var i = width; i < row.Count; i++)
            if (!string.IsNullOrWhiteSpace(row[i])) return true;
        return false;
    }

    private static bool IsHeaderRow(TableRow row) => row[0].Trim().Equals("HCPCS", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Column names of the multi-row header: each column's non-blank cells over the HCPCS row and up to four rows
    /// above it, joined. Going up stops at a row with fewer than two cells of text: that is a title, release or
    /// blank line, not part of the header block.
    /// </summary>
    private static string[] HeaderNames(List<TableRow> above, TableRow hcpcsRow)
    {
        var block = new List<TableRow> { hcpcsRow };
        for (var i = above.Count - 1; i >= 0 && block.Count < MaxHeaderRows; i--)
        {
            if (above[i].NonBlankCount() < 2) break;
            block.Insert(0, above[i]);
        }
        var width = 0;
        foreach (var r in block) width = Math.Max(width, r.Count);
        var names = new string[width];
        var parts = new string[block.Count];
        for (var c = 0; c < width; c++)
        {
            for (var r = 0; r < block.Count; r++) parts[r] = block[r][c];
            names[c] = HeaderKey.Join(parts);
        }
        return names;
    }

    /// <summary>
    /// The title: the first row with text, from its first to its last non-blank cell. CMS does not quote the title
    /// in the CSV, so "... January Release (revised, effective March 9, 2024)" arrives split at its commas; joining
    /// the cells with commas restores it.
    /// </summary>
    private static string? FirstText(List<TableRow> rows)
    {
        foreach (var row in rows)
        {
            int first = -1, last = -1;
            for (var i = 0; i < row.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(row[i])) continue;
                if (first < 0) first = i;
                last = i;
            }
            if (first < 0) continue;
            var cells = new string[last - first + 1];
            for (var i = first; i <= last; i++) cells[i - first] = row[i];
            return HeaderKey.CollapseSpaces(string.Join(',', cells));
        }
        return null;
    }

    private static int? YearInTitle(string? title)
    {
        if (title is null) return null;
        for (var i = 0; i + 4 <= title.Length; i++)
        {
            var span = title.AsSpan(i, 4);
            var boundaryBefore = i == 0 || !char.IsAsciiDigit(title[i - 1]);
            var boundaryAfter = i + 4 == title.Length || !char.IsAsciiDigit(title[i + 4]);
            if (boundaryBefore && boundaryAfter && (span.StartsWith("19") || span.StartsWith("20"))
                && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                return year;
        }
        return null;
    }
}
