namespace FeeEngine.Schedules.Tests;

/// <summary>
/// Hand-made PPRRVU files in CMS's layouts, a few rows each, for the bad-file tests. The description column holds
/// made-up text: CPT descriptions are AMA copyright and never belong in the repository.
/// </summary>
internal static class PprrvuSample
{
    public const string Title = ",,FeeEngine sample: 2025 October Release figures,,,,,,,,,,,,,,,,,,,,,,,,,,,,";

    public static readonly string[] Columns =
    [
        "HCPCS", "MOD", "DESCRIPTION", "STATUS CODE", "NOT USED FOR MEDICARE PAYMENT", "WORK RVU", "NON-FAC PE RVU",
        "NON-FAC NA INDICATOR", "FACILITY PE RVU", "FACILITY NA INDICATOR", "MP RVU", "NON-FACILITY TOTAL", "FACILITY TOTAL",
        "PCTC IND", "GLOB DAYS", "PRE OP", "INTRA OP", "POST OP", "MULT PROC", "BILAT SURG", "ASST SURG", "CO-SURG",
        "TEAM SURG", "ENDO BASE", "CONV FACTOR", "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES", "CALCULATION FLAG",
        "DIAGNOSTIC IMAGING FAMILY INDICATOR", "NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT",
        "FACILITY PE USED FOR OPPS PAYMENT AMOUNT", "MP USED FOR OPPS PAYMENT AMOUNT",
    ];

    public static string Header => string.Join(',', Columns);

    /// <summary>An office visit-like row, priced.</summary>
    public const string Row99213 = "99213,,sample row one,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,2,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00";

    /// <summary>A surgical row with global shares and a non-facility NA.</summary>
    public const string Row27447 = "27447,,sample row two,A,,19.60,15.30,NA,15.30,,3.98,38.88,38.88,0,090,0.10,0.69,0.21,2,1,2,1,0,,32.3465,09,0,99,0.00,0.00,0.00";

    /// <summary>An imaging technical component with OPPS-cap RVUs.</summary>
    public const string Row71046Tc = "71046,TC,sample row three,A,,0.00,0.69,,0.69,NA,0.01,0.70,0.70,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,01,0,99,2.68,2.68,0.04";

    /// <summary>A CSV with the title line, a one-row header and the given data lines.</summary>
    public static string[] Csv(params string[] dataLines) => [Title, Header, .. dataLines];

    /// <summary>The CSV's header as CMS splits it over five rows (e.g. "NON-FAC" over "PE RVU"), title lines above.</summary>
    public static string[] CsvWithCmsHeaderBlock(params string[] dataLines) =>
    [
        ",,2025 National PFS Relative Value File October Release,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        ",,Sample copyright line,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        ",, ,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        ",,RELEASED 09/11/2025,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        ",, , ,,,,,,,,,,,,,,,,,,,,,,,,,NON-FACILITY,FACILITY,",
        ",,,,NOT USED,,,,,,,,,,,,,,,,,,,,,PHYSICIAN,,DIAGNOSTIC,PE USED,PE USED,MP USED",
        ",,,,FOR,,,NON-FAC,,FACILITY ,,,,,,,,,,,,,,,,SUPERVISION OF,,IMAGING,FOR OPPS,FOR OPPS,FOR OPPS",
        ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,NON-FACILITY,FACILITY,PCTC,GLOB,PRE,INTRA,POST,MULT,BILAT,ASST,CO-,TEAM,ENDO,CONV,DIAGNOSTIC,CALCULATION,FAMILY,PAYMENT,PAYMENT,PAYMENT",
        "HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT",
        .. dataLines,
    ];

    /// <summary>The header with one column left out (by name).</summary>
    public static string HeaderWithout(string column) => string.Join(',', Columns.Where(c => c != column));

    /// <summary>A data line with one column left out (by header name), to match <see cref="HeaderWithout"/>.</summary>
    public static string RowWithout(string row, string column)
    {
        var cells = row.Split(',').ToList();
        cells.RemoveAt(Array.IndexOf(Columns, column));
        return string.Join(',', cells);
    }

    /// <summary>The row with one cell replaced (by header name).</summary>
    public static string With(string row, string column, string value)
    {
        var cells = row.Split(',');
        cells[Array.IndexOf(Columns, column)] = value;
        return string.Join(',', cells);
    }

    /// <summary>
    /// The fixed-width (TXT) line for a CSV sample row, laid out by the CY 2025 record layout: the test's own
    /// statement of the positions, independent of the reader's.
    /// </summary>
    public static string TxtLine(string csvRow)
    {
        var c = csvRow.Split(',');
        var line = new char[171];
        Array.Fill(line, ' ');
        void Left(int from, string text) => text.CopyTo(0, line, from - 1, text.Length);
        void Right(int to, string text) => text.CopyTo(0, line, to - text.Length, text.Length);
        static string Share(string s) => s.StartsWith("0.", StringComparison.Ordinal) ? s[1..] : s; // TXT prints ".10"

        Left(1, c[0]); Left(6, c[1]); Left(8, c[2]); Left(58, c[3]); Left(59, c[4]);
        Right(65, c[5]); Right(72, c[6]); Left(73, c[7]); Right(81, c[8]); Left(82, c[9]); Right(89, c[10]);
        Right(96, c[11]); Right(102, c[12]); Left(103, c[13]); Left(104, c[14]);
        Left(107, Share(c[15])); Left(110, Share(c[16])); Left(113, Share(c[17]));
        Left(116, c[18]); Left(117, c[19]); Left(118, c[20]); Left(119, c[21]); Left(120, c[22]);
        Left(128, c[23]); Right(140, c[24]); Left(142, c[25]); Left(144, c[26]); Left(146, c[27]);
        Right(157, c[28]); Right(164, c[29]); Right(171, c[30]);
        return new string(line);
    }

    public static string[] Txt(params string[] csvRows) =>
        ["HDR SAMPLE HEADER LINE ONE", "HDR SAMPLE HEADER LINE TWO", .. csvRows.Select(TxtLine)];
}
