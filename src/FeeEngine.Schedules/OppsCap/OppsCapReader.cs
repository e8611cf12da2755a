using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads a CMS OPPSCAP file: for each capped imaging code and locality, CMS's facility and non-facility prices
/// (HCPCS, MOD, PROCSTAT, CARRIER, LOCALITY, FACILITY PRICE, NON-FACILTY PRICE [sic]). CSV, XLSX and TXT.
/// </summary>
public static class OppsCapReader
{
    private const int MaxRowsBeforeHeader = 10;
    private const int Hcpcs = 0, Mod = 1, ProcStat = 2, Carrier = 3, Locality = 4, FacilityPrice = 5, NonFacilityPrice = 6;

    private static readonly ColumnSpec[] Specs =
    [
        new("HCPCS", required: true, codeWidth: 5),
        new("MOD", required: true, codeWidth: 2, "MODIFIER"),
        new("PROCSTAT", required: true, 0, "STATUS CODE", "STATUS"),
        new("CARRIER", required: true, codeWidth: 5, "MAC", "CONTRACTOR"),
        new("LOCALITY", required: true, codeWidth: 2, "LOCALITY NUMBER"),
        new("FACILITY PRICE", required: true),
        // CMS's header misspells it "NON-FACILTY PRICE"; accept both.
        new("NON-FACILITY PRICE", required: true, 0, "NON-FACILTY PRICE", "NON-FAC PRICE"),
    ];

    // Fixed-width TXT (OPPSCAP_Oct.txt): HCPCS 1-5, MOD 6-7, PROCSTAT 9, CARRIER 11-15, LOCALITY 18-19,
    // FACILITY PRICE 20-28, NON-FACILITY PRICE 29-38 (both right-aligned, decimal point printed).
    private const int TxtMinLength = 38;

    public static OppsCapFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var format = CmsFileFormats.FromPath(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var rows = new OppsCapRows(diagnostics);
        if (format == CmsFileFormat.Txt) ReadFixedWidth(path, rows);
        else ReadTable(TableSource.Open(path), rows);
        diagnostics.ThrowIfAny();
        return new OppsCapFile { Rows = rows.Rows, Format = format, FileName = fileName };
    }

    private static void ReadTable(TableSource source, OppsCapRows rows)
    {
        var table = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = row => row[0].Trim().Equals("HCPCS", StringComparison.OrdinalIgnoreCase),
            HeaderDescription = "row whose first cell is HCPCS",
            MaxRowsBeforeHeader = MaxRowsBeforeHeader,
        };
        // CMS ends the CSV with a blank ",,,,,," row: skipped as blank.
        table.Read(source, rows.Parser.Diagnostics, (map, row) =>
            rows.Add(row.Number, map.Text(row, Hcpcs), map.Text(row, Mod), map.Text(row, ProcStat), map.Text(row, Carrier),
                map.Text(row, Locality), map.Text(row, FacilityPrice), map.Text(row, NonFacilityPrice)));
    }

    private static void ReadFixedWidth(string path, OppsCapRows rows)
    {
        foreach (var line in FixedWidthText.ReadRecords(path, TxtMinLength, "OPPSCAP layout", rows.Parser.Diagnostics))
        {
            rows.Add(line.Number, line.Trimmed(1, 5), line.Trimmed(6, 7), line.Trimmed(9, 9), line.Trimmed(11, 15), line.Trimmed(18, 19),
                line.Trimmed(20, 28), line.Trimmed(29, TxtMinLength));
        }
    }



    private sealed class OppsCapRows(DiagnosticCollector diagnostics)
    {
        private readonly Dictionary<(ulong Key, int Locality), int> _firstLine = [];

        public FieldParser Parser { get; } = new(diagnostics);

        public List<OppsCapRecord> Rows { get; } = new(17_000);

        public void Add(int line, string hcpcs, string mod, string procStat, string carrier, string locality, string facility, string nonFacility)
        {
            var p = Parser;
            p.StartRow(line);
            var key = new RvuKey(p.Hcpcs(Specs[Hcpcs].Name, hcpcs), p.Modifier(Specs[Mod].Name, mod));
            var keyOk = p.RowOk;
            var status = ' ';
            if (procStat.Length == 1 && PfsStatus.IsKnown(char.ToUpperInvariant(procStat[0])))
                status = char.ToUpperInvariant(procStat[0]);
            else
                p.Problem(Specs[ProcStat].Name, procStat, procStat.Length == 0 ? "missing status code" : "unknown status code");
            var id = p.Locality(Specs[Carrier].Name, carrier, Specs[Locality].Name, locality);
            keyOk &= p.RowOk;
            var facilityPrice = new Money(p.Decimal(Specs[FacilityPrice].Name, facility, 0m, 1_000_000m));
            var nonFacilityPrice = new Money(p.Decimal(Specs[NonFacilityPrice].Name, nonFacility, 0m, 1_000_000m));
            var dedupKey = (key.Packed, id.Packed);
            if (keyOk && !_firstLine.TryAdd(dedupKey, line))
                p.Problem("HCPCS+MOD+LOCALITY", $"{key} {id}", $"duplicate key: already on line {_firstLine[dedupKey]}");
            if (p.RowOk) Rows.Add(new OppsCapRecord(key, status, id, facilityPrice, nonFacilityPrice));
        }
    }
}
