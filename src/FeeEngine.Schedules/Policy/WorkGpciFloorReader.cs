using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads the project's work GPCI floor periods (<c>schedules/work-gpci-floor.csv</c>): <c>from,to,authority</c>,
/// ISO dates inclusive, the authority quoted when it holds commas; '#' lines are comments. Overlapping periods
/// reject the file: a date would otherwise have two answers.
/// </summary>
public static class WorkGpciFloorReader
{
    private const int From = 0, To = 1, Authority = 2;

    private static readonly ColumnSpec[] Specs =
    [
        new("from", required: true),
        new("to", required: true),
        new("authority", required: true),
    ];

    public static WorkGpciFloorPolicy Read(string path)
    {
        var diagnostics = new DiagnosticCollector(Path.GetFileName(path));
        var p = new FieldParser(diagnostics);
        var periods = new List<(WorkGpciFloorPeriod Period, int Line)>();
        ProjectTable.ReadRows(path, Specs, diagnostics, (map, row) =>
        {
            p.StartRow(row.Number);
            var from = ProjectTable.Date(p, Specs[From].Name, map.Text(row, From));
            var to = ProjectTable.Date(p, Specs[To].Name, map.Text(row, To));
            var authority = map.Text(row, Authority);
            if (authority.Length == 0) p.Problem(Specs[Authority].Name, authority, "missing: name the law that sets the floor");
            if (p.RowOk && to < from)
                p.Problem(Specs[To].Name, map.Text(row, To), $"period ends before it starts ({EffectivePeriod.Iso(from)})");
            if (!p.RowOk) return;
            foreach (var (other, line) in periods)
            {
                if (from <= other.To && other.From <= to)
                {
                    p.Problem(Specs[From].Name, EffectivePeriod.Format(from, to),
                        $"period overlaps {EffectivePeriod.Format(other.From, other.To)} (line {line})");
                    return;
                }
            }
            periods.Add((new WorkGpciFloorPeriod(from, to, authority), row.Number));
        });
        diagnostics.ThrowIfAny();
        return new WorkGpciFloorPolicy(periods.Select(x => x.Period));
    }
}
