using System.Globalization;
using FeeEngine.Core.Clfs;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads CMS's quarterly Clinical Laboratory Fee Schedule file (XLSX or CSV, e.g. CLFS_2026_Q1V1.xlsx): title lines,
/// then the header YEAR, HCPCS, MOD, EFF_DATE (CCYYMMDD), INDICATOR, RATE and descriptions. The descriptions are AMA
/// copyright and are never read. The schedule is in force for the quarter of its EFF_DATE; its id is the year and
/// quarter CMS names it by (26CLABQ1). Every bad row is reported with its line, field and value, and rejects the file.
/// </summary>
public static class ClfsReader
{
    private const int Year = 0, Hcpcs = 1, Mod = 2, EffDate = 3, Indicator = 4, Rate = 5;

    private static readonly ColumnSpec[] Specs =
    [
        new("YEAR", required: true),
        new("HCPCS", required: true, codeWidth: 5),
        new("MOD", required: true),
        new("EFF_DATE", required: true),
        new("INDICATOR", required: true),
        new("RATE", required: true),
    ];

    public static ClfsSchedule Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var p = new FieldParser(diagnostics);
        var rates = new List<ClfsRate>();
        var firstRow = new Dictionary<(ulong, ushort), int>();
        var source = TableSource.Open(path);
        new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = row => row.Cells.Any(c => HeaderKey.Of(c) == "HCPCS") && row.Cells.Any(c => HeaderKey.Of(c) == "RATE"),
            HeaderDescription = "a header naming YEAR, HCPCS, MOD, EFF_DATE, INDICATOR and RATE",
        }.Read(source, diagnostics, (map, row) =>
        {
            p.StartRow(row.Number);
            var code = p.Hcpcs(Specs[Hcpcs].Name, map.Text(row, Hcpcs));
            var modText = map.Text(row, Mod).Trim();
            var modifier = modText.Length == 0 ? Modifier.None : p.Modifier(Specs[Mod].Name, modText);
            var rate = p.Decimal(Specs[Rate].Name, map.Text(row, Rate), 0m, 1_000_000m);
            var dateText = map.Text(row, EffDate).Trim();
            LocalDate date = default;
            if (!TryDate(dateText, out date)) p.Problem(Specs[EffDate].Name, dateText, "not a date CCYYMMDD (e.g. 20260101)");
            var indicator = map.Text(row, Indicator).Trim();
            if (!p.RowOk) return;
            if (decimal.Round(rate, 2) != rate) { p.Problem(Specs[Rate].Name, map.Text(row, Rate), "more than two decimals (fractions of a cent)"); return; }
            if (!firstRow.TryAdd((code.Packed, modifier.Packed), row.Number))
            {
                p.Problem($"{Specs[Hcpcs].Name}+{Specs[Mod].Name}", $"{code} {modText}", $"listed twice: already on row {firstRow[(code.Packed, modifier.Packed)]}");
                return;
            }
            rates.Add(new ClfsRate(code, modifier, new Core.Money.Money(rate), date, indicator));
        });
        if (rates.Count == 0 && !diagnostics.HasProblems) diagnostics.AddFileProblem("no rates under the header");
        diagnostics.ThrowIfAny();

        var quarter = CalendarQuarter.Of(rates.Min(r => r.EffectiveFrom));
        var id = string.Create(CultureInfo.InvariantCulture, $"{quarter.Year % 100:D2}CLABQ{quarter.Number}");
        return new ClfsSchedule(id, quarter.First, quarter.Last, rates);
    }

    private static bool TryDate(string text, out LocalDate date)
    {
        date = default;
        if (text.Length != 8 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        int y = n / 10000, m = n / 100 % 100, d = n % 100;
        if (y < 1990 || m is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m)) return false;
        date = new LocalDate(y, m, d);
        return true;
    }
}
