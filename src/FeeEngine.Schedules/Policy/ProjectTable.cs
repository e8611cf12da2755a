using System.Globalization;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>Shared reading of the project's own small CSV tables (comments, header by name, all problems reported).</summary>
internal static class ProjectTable
{
    public static void ReadRows(string path, ColumnSpec[] specs, DiagnosticCollector diagnostics, Action<ColumnMap, TableRow> onRow)
    {
        var source = new CsvTableSource(path, commentPrefix: '#');
        ColumnMap? map = null;
        var headerSeen = false;
        var dataRows = 0;
        foreach (var row in source.ReadRows())
        {
            if (row.IsBlank) continue;
            if (!headerSeen)
            {
                headerSeen = true;
                map = ColumnMap.Build(row.Cells, specs, diagnostics, row.Number);
                if (map is null) return;
                continue;
            }
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
            onRow(map, row);
        }
        if (!headerSeen) diagnostics.AddFileProblem("file is empty");
        else if (map is not null && dataRows == 0) diagnostics.AddFileProblem("no data rows after the header");
    }

    public static LocalDate Date(FieldParser p, string field, string text)
    {
        if (EffectivePeriod.TryParseIso(text, out var date)) return date;
        p.Problem(field, text, "not a date: expected yyyy-MM-dd");
        return default;
    }
}
