using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>Shared reading of the project's own small CSV tables (comments, header by name, all problems reported).</summary>
internal static class ProjectTable
{
    /// <summary>Comments ('#') skipped; the first other non-blank line is the header.</summary>
    public static void ReadRows(string path, ColumnSpec[] specs, DiagnosticCollector diagnostics, Action<ColumnMap, TableRow> onRow) =>
        new HeaderedTableReader
        {
            Specs = specs,
            IsHeader = row => !row.IsBlank,
            HeaderDescription = "header line",
        }.Read(new CsvTableSource(path, commentPrefix: '#'), diagnostics, onRow);

    public static LocalDate Date(FieldParser p, string field, string text)
    {
        if (EffectivePeriod.TryParseIso(text, out var date)) return date;
        p.Problem(field, text, "not a date: expected yyyy-MM-dd");
        return default;
    }
}
