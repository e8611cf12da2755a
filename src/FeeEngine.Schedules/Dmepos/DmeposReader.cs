using System.Globalization;
using System.Text.RegularExpressions;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads CMS's DMEPOS fee schedule file (DMEPOS26_JAN: HCPCS, Mod, Mod2, JURIS, CATG, Ceiling, Floor, then
/// <c>&lt;ST&gt; (NR)</c> and <c>&lt;ST&gt; (R)</c> per state, then Description) or its parenteral/enteral file
/// (DMEPEN26_JAN: HCPCS, MOD, MOD2, then <c>&lt;ST&gt;(NR)</c>, <c>&lt;ST&gt;(R)</c>), XLSX or CSV. Which one it is comes from
/// the header: JURIS and CATG are in the DMEPOS file only. The Description column is AMA copyright and never read.
/// The file is in force from the first day of the month its title names ("January 2026 Fee Schedule"); its id is
/// CMS's name for it built from that month (DMEPOS26_JAN, DMEPEN26_JAN), whatever the file is called. Every bad row is
/// reported with its row, column and value, and rejects the file.
/// </summary>
public static partial class DmeposReader
{
    private const int Hcpcs = 0, Mod = 1, Mod2 = 2, Juris = 3, Catg = 4, Ceiling = 5, Floor = 6;
    private const decimal MaxFee = 1_000_000m;

    private static readonly ColumnSpec[] Specs =
    [
        new("HCPCS", required: true, codeWidth: 5),
        new("Mod", required: true),
        new("Mod2", required: true),
        new("JURIS", required: false),
        new("CATG", required: false),
        new("Ceiling", required: false),
        new("Floor", required: false),
    ];

    private static readonly string[] MonthAbbreviations = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    public static DmeposSchedule Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var p = new FieldParser(diagnostics);
        var fees = new List<DmeposFee>();
        var firstRow = new Dictionary<(ulong, ushort, ushort), int>();
        var header = new StateColumns();
        var reader = new HeaderedTableReader
        {
            Specs = Specs,
            IsHeader = row => row.Cells.Any(c => HeaderKey.Of(c) == "HCPCS") && row.Cells.Any(c => DmeposStates.TryParseHeader(c, out _, out _)),
            HeaderDescription = "a header naming HCPCS, Mod, Mod2 and the state columns (e.g. AL (NR), AL (R))",
            OnHeader = row => header.Read(row, diagnostics),
        };
        reader.Read(TableSource.Open(path), diagnostics, (map, row) =>
        {
            if (!header.Ok) return; // the header's problems are reported; its columns cannot be trusted
            p.StartRow(row.Number);
            var code = p.Hcpcs(Specs[Hcpcs].Name, map.Text(row, Hcpcs));
            var mod1 = OptionalModifier(p, Specs[Mod].Name, map.Text(row, Mod));
            var mod2 = OptionalModifier(p, Specs[Mod2].Name, map.Text(row, Mod2));
            string juris = "", catg = "";
            Core.Money.Money? ceiling = null, floor = null;
            if (header.File == DmeposFile.Dmepos)
            {
                juris = Required(p, Specs[Juris].Name, map.Text(row, Juris));
                catg = Required(p, Specs[Catg].Name, map.Text(row, Catg));
                ceiling = Fee(p, Specs[Ceiling].Name, map.Text(row, Ceiling));
                floor = Fee(p, Specs[Floor].Name, map.Text(row, Floor));
            }
            var states = new DmeposStateFee[header.Pairs.Count];
            for (var i = 0; i < states.Length; i++)
            {
                var pair = header.Pairs[i];
                states[i] = new DmeposStateFee(pair.State,
                    Fee(p, pair.NonRuralHeader, row[pair.NonRuralColumn].Trim()),
                    Fee(p, pair.RuralHeader, row[pair.RuralColumn].Trim()));
            }
            if (!p.RowOk) return;
            if (!firstRow.TryAdd((code.Packed, mod1.Packed, mod2.Packed), row.Number))
            {
                p.Problem("HCPCS+Mod+Mod2", $"{code} {map.Text(row, Mod)} {map.Text(row, Mod2)}".TrimEnd(),
                    $"listed twice: already on row {firstRow[(code.Packed, mod1.Packed, mod2.Packed)]}");
                return;
            }
            fees.Add(new DmeposFee(code, mod1, mod2, juris, catg, ceiling, floor, states));
        });

        var month = header.Ok && reader.Header is not null ? TitleMonth(reader.RowsAbove, diagnostics) : null;
        if (fees.Count == 0 && !diagnostics.HasProblems) diagnostics.AddFileProblem("no fee rows under the header");
        diagnostics.ThrowIfAny();

        var from = month!.Value;
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{(header.File == DmeposFile.Dmepos ? "DMEPOS" : "DMEPEN")}{from.Year % 100:D2}_{MonthAbbreviations[from.Month - 1]}");
        return new DmeposSchedule(id, header.File, from, fees);
    }

    private static Modifier OptionalModifier(FieldParser p, string field, string text) =>
        text.Length == 0 ? Modifier.None : p.Modifier(field, text);

    private static string Required(FieldParser p, string field, string text)
    {
        if (text.Length == 0) p.Problem(field, text, "missing value");
        return text.ToUpperInvariant();
    }

    /// <summary>A fee in whole cents, 0 included (CMS's "no fee in this column").</summary>
    private static Core.Money.Money Fee(FieldParser p, string field, string text)
    {
        var value = p.Decimal(field, text, 0m, MaxFee);
        if (decimal.Round(value, 2) != value) { p.Problem(field, text, "more than two decimals (fractions of a cent)"); return Core.Money.Money.Zero; }
        return new Core.Money.Money(value);
    }

    /// <summary>The month in force from the title, e.g. "January 2026 Fee Schedule" -> 2026-01-01.</summary>
    private static LocalDate? TitleMonth(IReadOnlyList<TableRow> above, DiagnosticCollector diagnostics)
    {
        foreach (var row in above)
            foreach (var cell in row.Cells)
            {
                var m = TitlePattern().Match(cell);
                if (!m.Success) continue;
                var month = DateTimeFormatInfo.InvariantInfo.MonthNames.ToList().FindIndex(n => n.Equals(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
                return new LocalDate(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, 1);
            }
        diagnostics.AddFileProblem("no title naming the month in force (e.g. 'January 2026 Fee Schedule') above the header");
        return null;
    }

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<year>20\d{2})\s+Fee\s+Schedule\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();
}
