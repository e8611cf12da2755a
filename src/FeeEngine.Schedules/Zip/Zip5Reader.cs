using System.Globalization;
using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS ZIP5 file: for each 5-digit ZIP code the state, the carrier (MAC) and locality that price services
/// there, the rural indicator and whether the ZIP is split (ZIP9 decides). TXT by the ZIP5 record layout
/// (ZIP5lyout.txt), XLSX or CSV by header (STATE, ZIP CODE, CARRIER, LOCALITY, RURAL IND, PLUS 4 FLAG, YEAR/QTR).
/// </summary>
public static class Zip5Reader
{
    private const int MaxRowsBeforeHeader = 10;
    private const int State = 0, Zip = 1, Carrier = 2, Locality = 3, Rural = 4, PlusFour = 5, YearQtr = 6;

    private static readonly ColumnSpec[] Specs =
    [
        new("STATE", required: true),
        new("ZIP CODE", required: true, codeWidth: 5, "ZIP", "ZIP5"),
        new("CARRIER", required: true, codeWidth: 5, "MAC", "CONTRACTOR"),
        new("LOCALITY", required: true, codeWidth: 2, "PRICING LOCALITY"),
        new("RURAL IND", required: true, 0, "RURAL INDICATOR"),
        new("PLUS 4 FLAG", required: true, 0, "PLUS FOUR FLAG"),
        new("YEAR/QTR", required: true, 0, "YEAR QTR", "YEAR/QUARTER"),
    ];

    // ZIP5lyout.txt: state 1-2, ZIP 3-7, carrier 8-12, locality 13-14, rural 15, plus-four flag 21, YYYYQ 76-80.
    private const int TxtMinLength = 80;

    public static Zip5File Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var format = CmsFileFormats.FromPath(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var rows = new ZipRows(diagnostics);
        if (format == CmsFileFormat.Txt) ReadFixedWidth(path, rows);
        else ReadTable(TableSource.Open(path), rows);
        diagnostics.ThrowIfAny();
        return new Zip5File
        {
            Rows = rows.Rows,
            YearQuarter = rows.YearQuarter!,
            EffectiveFrom = rows.EffectiveFrom,
            Format = format,
            FileName = fileName,
        };
    }

    /// <summary>The first day of a YYYYQ quarter (20254 => 2025-10-01); false when the text is not one.</summary>
    public static bool TryQuarterStart(string yearQuarter, out LocalDate start)
    {
        start = default;
        if (yearQuarter.Length != 5 || !yearQuarter.All(char.IsAsciiDigit)) return false;
        var year = int.Parse(yearQuarter.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var quarter = yearQuarter[4] - '0';
        if (year < 1900 || quarter is < 1 or > 4) return false;
        start = new LocalDate(year, ((quarter - 1) * 3) + 1, 1);
        return true;
    }

    private static void ReadTable(TableSource source, ZipRows rows)
    {
        var table = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = IsHeaderRow,
            HeaderDescription = "row with a ZIP CODE column",
            MaxRowsBeforeHeader = MaxRowsBeforeHeader,
        };
        table.Read(source, rows.Parser.Diagnostics, (map, row) =>
            rows.Add(row.Number, map.Text(row, State), map.Text(row, Zip), map.Text(row, Carrier), map.Text(row, Locality),
                map.Text(row, Rural), map.Text(row, PlusFour), map.Text(row, YearQtr)));
    }

    private static void ReadFixedWidth(string path, ZipRows rows)
    {
        foreach (var line in FixedWidthText.ReadRecords(path, TxtMinLength, "ZIP5 layout", rows.Parser.Diagnostics))
        {
            rows.Add(line.Number, line.Trimmed(1, 2), line.Trimmed(3, 7), line.Trimmed(8, 12), line.Trimmed(13, 14), line.Trimmed(15, 15),
                line.Trimmed(21, 21), line.Trimmed(76, 80));
        }
    }



    private static bool IsHeaderRow(TableRow row)
    {
        for (var i = 0; i < row.Count; i++)
            if (Specs[Zip].Matches(HeaderKey.Of(row[i]))) return true;
        return false;
    }

    private sealed class ZipRows(DiagnosticCollector diagnostics)
    {
        private readonly Dictionary<string, int> _firstLineByZip = new(45_000, StringComparer.Ordinal);
        private int _yearQuarterLine;

        public FieldParser Parser { get; } = new(diagnostics);

        public List<ZipLocalityRecord> Rows { get; } = new(45_000);

        public string? YearQuarter { get; private set; }

        public LocalDate EffectiveFrom { get; private set; }

        public void Add(int line, string state, string zip, string carrier, string locality, string rural, string plusFour, string yearQuarter)
        {
            var p = Parser;
            p.StartRow(line);
            if (state.Length != 2 || !state.All(char.IsAsciiLetter))
                p.Problem(Specs[State].Name, state, "invalid state: expected 2 letters");
            var zipOk = zip.Length == 5 && zip.All(char.IsAsciiDigit);
            if (!zipOk)
                p.Problem(Specs[Zip].Name, zip, "invalid ZIP code: expected 5 digits");
            var id = p.Locality(Specs[Carrier].Name, carrier, Specs[Locality].Name, locality);
            rural = rural.ToUpperInvariant();
            if (rural is not ("" or "R" or "B"))
                p.Problem(Specs[Rural].Name, rural, "invalid rural indicator: expected blank, R or B");
            if (plusFour is not ("0" or "1"))
                p.Problem(Specs[PlusFour].Name, plusFour, "invalid plus-four flag: expected 0 or 1");
            CheckYearQuarter(p, line, yearQuarter);
            if (zipOk && !_firstLineByZip.TryAdd(zip, line))
                p.Problem(Specs[Zip].Name, zip, $"duplicate ZIP code: already on line {_firstLineByZip[zip]}");
            if (!p.RowOk) return;
            Rows.Add(new ZipLocalityRecord
            {
                Zip = zip,
                State = state.ToUpperInvariant(),
                Locality = id,
                RuralIndicator = rural,
                PlusFourFlag = plusFour == "1",
                YearQuarter = yearQuarter,
            });
        }

        // One file is one quarter: a row of another quarter means files were mixed.
        private void CheckYearQuarter(FieldParser p, int line, string yearQuarter)
        {
            if (!TryQuarterStart(yearQuarter, out var start))
            {
                p.Problem(Specs[YearQtr].Name, yearQuarter, "invalid year/quarter: expected YYYYQ, e.g. 20254");
                return;
            }
            if (YearQuarter is null)
            {
                YearQuarter = yearQuarter;
                EffectiveFrom = start;
                _yearQuarterLine = line;
            }
            else if (yearQuarter != YearQuarter)
            {
                p.Problem(Specs[YearQtr].Name, yearQuarter,
                    $"year/quarter differs from the file's {YearQuarter} (line {_yearQuarterLine})");
            }
        }
    }
}
