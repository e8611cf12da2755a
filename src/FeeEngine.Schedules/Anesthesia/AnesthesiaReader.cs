using System.Text.RegularExpressions;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS ANES file: per locality (contractor, locality number, name) the anesthesia conversion factor,
/// already adjusted by the locality's GPCIs and rounded to cents. CSV values are space-padded ("10112 "), the XLSX
/// stores contractor and locality as numbers (2102, 0), the TXT has no header and implied decimals ("1931").
/// </summary>
public static partial class AnesthesiaReader
{
    private const int MaxRowsBeforeHeader = 10;
    private const int Contractor = 0, Locality = 1, Name = 2, Cf = 3;

    private static readonly ColumnSpec[] Specs =
    [
        new("CONTRACTOR", required: true, codeWidth: 5, "MAC", "CARRIER", "MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)"),
        new("LOCALITY", required: true, codeWidth: 2, "LOCALITY NUMBER"),
        new("LOCALITY NAME", required: true),
        // CMS writes the national CF into this header: "National Anes CF of 20.3178" (CSV), "Anes CF of 20.3178" (XLSX).
        new("ANES CF", required: true, 0, "NATIONAL ANES CF*", "ANES CF*", "ANESTHESIA CF*", "CONVERSION FACTOR"),
    ];

    // Fixed-width TXT (ANES2025.txt): contractor 1-5, locality 13-14, name 19-69, CF 70-77 as digits with two implied decimals.
    private const int TxtMinLength = 77;

    public static AnesthesiaFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var format = CmsFileFormats.FromPath(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var rows = new AnesthesiaRows(diagnostics);
        var national = format == CmsFileFormat.Txt ? ReadFixedWidth(path, rows) : ReadTable(TableSource.Open(path), rows);
        diagnostics.ThrowIfAny();
        return new AnesthesiaFile { Rows = rows.Rows, NationalCf = national, Format = format, FileName = fileName };
    }

    private static decimal? ReadTable(TableSource source, AnesthesiaRows rows)
    {
        var table = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = IsHeaderRow,
            HeaderDescription = "row with an Anes CF column",
            MaxRowsBeforeHeader = MaxRowsBeforeHeader,
        };
        // CMS ends the CSV with a blank ",,," row: skipped as blank.
        table.Read(source, rows.Parser.Diagnostics, (map, row) =>
            rows.Add(row.Number, map.Text(row, Contractor), map.Text(row, Locality), map.Text(row, Name), map.Text(row, Cf), impliedDecimals: false));
        return table.Header is null ? null : NationalCf(table.Header);
    }

    private static decimal? ReadFixedWidth(string path, AnesthesiaRows rows)
    {
        foreach (var line in FixedWidthText.ReadRecords(path, TxtMinLength, "ANES layout", rows.Parser.Diagnostics))
        {
            rows.Add(line.Number, line.Trimmed(1, 5), line.Trimmed(13, 14), line.Field(19, 69).ToString(), line.Trimmed(70, TxtMinLength), impliedDecimals: true);
        }
        return null;
    }

    private static bool IsHeaderRow(TableRow row)
    {
        for (var i = 0; i < row.Count; i++)
            if (Specs[Cf].Matches(HeaderKey.Of(row[i]))) return true;
        return false;
    }

    private static decimal? NationalCf(IReadOnlyList<string> headers)
    {
        foreach (var header in headers)
        {
            if (!Specs[Cf].Matches(HeaderKey.Of(header))) continue;
            var match = TrailingNumber().Match(header);
            if (match.Success && FieldParser.TryDecimal(match.Groups[1].Value, out var value)) return value;
        }
        return null;
    }

    [GeneratedRegex(@"(\d+\.\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingNumber();

    private sealed class AnesthesiaRows(DiagnosticCollector diagnostics)
    {
        private readonly Dictionary<int, int> _firstLineByLocality = [];

        public FieldParser Parser { get; } = new(diagnostics);

        public List<AnesthesiaCfRecord> Rows { get; } = [];

        public void Add(int line, string contractor, string locality, string name, string cf, bool impliedDecimals)
        {
            var p = Parser;
            p.StartRow(line);
            var id = p.Locality(Specs[Contractor].Name, contractor, Specs[Locality].Name, locality);
            var keyOk = p.RowOk;
            decimal value;
            if (impliedDecimals && cf.Length > 0 && cf.All(char.IsAsciiDigit))
                value = p.Decimal(Specs[Cf].Name, cf, 1m, 100_000m) / 100m; // "1931" is 19.31
            else
                value = p.Decimal(Specs[Cf].Name, cf, 0.01m, 1000m);
            if (keyOk && !_firstLineByLocality.TryAdd(id.Packed, line))
                p.Problem("CONTRACTOR+LOCALITY", id.ToString(), $"duplicate locality: already on line {_firstLineByLocality[id.Packed]}");
            if (p.RowOk) Rows.Add(new AnesthesiaCfRecord(id, LocalityNames.Clean(name), value));
        }
    }
}
