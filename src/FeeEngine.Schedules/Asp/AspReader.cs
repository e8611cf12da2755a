using System.Globalization;
using System.Text.RegularExpressions;
using FeeEngine.Core.Asp;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads CMS's quarterly ASP pricing file for Part B drugs (CSV or XLSX): preamble rows (CMS has 8), then the header
/// <c>HCPCS Code, Short Description, HCPCS Code Dosage, Payment Limit, Co-insurance Percentage, ...</c>. Headers match
/// whatever their case and spacing; columns the engine does not use (the short description, vaccine and blood AWP
/// columns, notes) are ignored, so are extra columns CMS adds. The quarter comes from the preamble ("January 2026 ASP
/// Pricing File") or else the file name; January means Q1, 2026-01-01..2026-03-31. Every bad row is reported with its
/// line, column and value, and rejects the file.
/// </summary>
public static partial class AspReader
{
    private const int Hcpcs = 0, Dosage = 1, Limit = 2, Coinsurance = 3;

    private static readonly ColumnSpec[] Specs =
    [
        new("HCPCS Code", required: true, codeWidth: 5),
        new("HCPCS Code Dosage", required: true),
        new("Payment Limit", required: true),
        new("Co-insurance Percentage", required: false),
    ];

    public static AspSchedule Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var p = new FieldParser(diagnostics);
        var rates = new List<AspRate>();
        var firstRow = new Dictionary<ulong, int>();
        var reader = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = row => row.Cells.Any(c => HeaderKey.Of(c) == "HCPCSCODE") && row.Cells.Any(c => HeaderKey.Of(c) == "PAYMENTLIMIT"),
            HeaderDescription = "a header naming HCPCS Code, HCPCS Code Dosage and Payment Limit",
        };
        reader.Read(TableSource.Open(path), diagnostics, (map, row) =>
        {
            p.StartRow(row.Number);
            var code = p.Hcpcs(Specs[Hcpcs].Name, map.Text(row, Hcpcs));
            var dosage = map.Text(row, Dosage);
            if (dosage.Length == 0) p.Problem(Specs[Dosage].Name, dosage, "missing dosage (the billing unit)");
            var limitText = map.Text(row, Limit);
            var limit = p.Decimal(Specs[Limit].Name, limitText, 0m, 10_000_000m);
            if (p.RowOk && decimal.Round(limit, 3) != limit) p.Problem(Specs[Limit].Name, limitText, "more than three decimals");
            var coinsuranceText = map.Text(row, Coinsurance);
            var coinsurance = p.OptionalDecimal(Specs[Coinsurance].Name, coinsuranceText.TrimEnd('%').TrimEnd(), 0m, 100m);
            if (p.RowOk && coinsurance is { } c && decimal.Round(c, 2) != c) p.Problem(Specs[Coinsurance].Name, coinsuranceText, "more than two decimals of a percent");
            if (!p.RowOk) return;
            if (!firstRow.TryAdd(code.Packed, row.Number))
            {
                p.Problem(Specs[Hcpcs].Name, code.ToString(), $"listed twice: already on line {firstRow[code.Packed]}");
                return;
            }
            rates.Add(new AspRate(code, dosage, limit, coinsurance));
        });

        (string Id, NodaTime.LocalDate From, NodaTime.LocalDate To)? quarter = null;
        if (reader.Header is not null) quarter = Quarter(reader.RowsAbove, fileName, diagnostics);
        if (rates.Count == 0 && !diagnostics.HasProblems) diagnostics.AddFileProblem("no rates under the header");
        diagnostics.ThrowIfAny();
        var q = quarter!.Value;
        return new AspSchedule(q.Id, q.From, q.To, rates);
    }

    /// <summary>The quarter the preamble (or else the file name) names by its first month, e.g. "January 2026".</summary>
    private static (string, NodaTime.LocalDate, NodaTime.LocalDate)? Quarter(IReadOnlyList<TableRow> above, string fileName, DiagnosticCollector diagnostics)
    {
        var texts = above.SelectMany(r => r.Cells).Append(Path.GetFileNameWithoutExtension(fileName));
        foreach (var text in texts)
        {
            var m = MonthYear().Match(text);
            if (!m.Success) continue;
            var month = DateTimeFormatInfo.InvariantInfo.MonthNames.ToList().FindIndex(n => n.Equals(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
            if (month is not (1 or 4 or 7 or 10))
            {
                diagnostics.AddFileProblem($"'{m.Value}' does not name an ASP quarter: CMS's files start in January, April, July or October");
                return null;
            }
            return AspSchedule.Quarter(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month);
        }
        diagnostics.AddFileProblem("no quarter named in the rows above the header or the file name (e.g. 'January 2026 ASP Pricing File')");
        return null;
    }

    // "January 2026" or "January 1, 2026".
    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+1,)?\s+(?<year>20\d{2})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
