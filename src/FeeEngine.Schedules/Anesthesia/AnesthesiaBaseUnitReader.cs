using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Schedules;

/// <summary>An anesthesia base-unit file read whole.</summary>
public sealed class AnesthesiaBaseUnitFile
{
    /// <summary>The rows in file order, each with <see cref="AnesthesiaBaseUnit.Source"/> set to the file's name.</summary>
    public required IReadOnlyList<AnesthesiaBaseUnit> Rows { get; init; }

    public required string FileName { get; init; }
}

/// <summary>
/// Reads the project's anesthesia base-unit CSV: header <c>code,base_units,effective_from</c> (required, any column
/// order, other columns ignored), lines starting with '#' are comments. <c>code</c> is a CPT anesthesia code
/// (00100-01999), <c>base_units</c> a plain number 0..100, <c>effective_from</c> an ISO date (the value applies from
/// it until the code's next row). Every bad row is reported with its line, field and value, and rejects the file; so
/// does a code given twice for the same date.
/// </summary>
public static class AnesthesiaBaseUnitReader
{
    private const int Code = 0, BaseUnits = 1, EffectiveFrom = 2;

    /// <summary>Far above any CMS anesthesia base unit; a larger number is a wrong column, not a value.</summary>
    public const decimal MaxBaseUnits = 100m;

    private static readonly ColumnSpec[] Specs =
    [
        new("code", required: true, codeWidth: 5, "hcpcs"),
        new("base_units", required: true),
        new("effective_from", required: true),
    ];

    public static AnesthesiaBaseUnitFile Read(string path)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new DiagnosticCollector(fileName);
        var p = new FieldParser(diagnostics);
        var rows = new List<AnesthesiaBaseUnit>();
        var firstLine = new Dictionary<(ulong Code, NodaTime.LocalDate From), int>();
        ProjectTable.ReadRows(path, Specs, diagnostics, (map, row) =>
        {
            p.StartRow(row.Number);
            var code = AnesthesiaCode(p, map.Text(row, Code));
            var units = Units(p, map.Text(row, BaseUnits));
            var from = ProjectTable.Date(p, Specs[EffectiveFrom].Name, map.Text(row, EffectiveFrom));
            if (!p.RowOk) return;
            if (!firstLine.TryAdd((code.Packed, from), row.Number))
            {
                p.Problem($"{Specs[Code].Name}+{Specs[EffectiveFrom].Name}", $"{code} {EffectivePeriod.Iso(from)}",
                    $"duplicate: the same code and date are already on line {firstLine[(code.Packed, from)]}");
                return;
            }
            rows.Add(new AnesthesiaBaseUnit(code, units, from) { Source = fileName });
        });
        diagnostics.ThrowIfAny();
        return new AnesthesiaBaseUnitFile { Rows = rows, FileName = fileName };
    }

    private static HcpcsCode AnesthesiaCode(FieldParser p, string text)
    {
        var code = p.Hcpcs(Specs[Code].Name, text);
        if (p.RowOk && !AnesthesiaPricer.IsAnesthesiaCode(code))
            p.Problem(Specs[Code].Name, text, "not an anesthesia code: expected CPT 00100-01999");
        return code;
    }

    private static decimal Units(FieldParser p, string text)
    {
        var field = Specs[BaseUnits].Name;
        if (FieldParser.TryDecimal(text, out var value) && value < 0m)
        {
            p.Problem(field, text, "negative: base units are 0 or more");
            return 0m;
        }
        return p.Decimal(field, text, 0m, MaxBaseUnits);
    }
}
