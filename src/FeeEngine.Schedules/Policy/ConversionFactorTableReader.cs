using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Schedules;

/// <summary>
/// Reads the project's conversion-factor table (<c>schedules/conversion-factors.csv</c>): lines starting '#' are
/// comments; header <c>from,to,qp,pfs_cf,anesthesia_cf,source</c>; dates ISO, inclusive; qp blank (everyone),
/// <c>qualifying</c> or <c>non-qualifying</c>. Bad rows and overlapping periods reject the file.
/// </summary>
public static class ConversionFactorTableReader
{
    private const int From = 0, To = 1, Qp = 2, PfsCf = 3, AnesthesiaCf = 4, Source = 5;

    private static readonly ColumnSpec[] Specs =
    [
        new("from", required: true),
        new("to", required: true),
        new("qp", required: true),
        new("pfs_cf", required: true),
        new("anesthesia_cf", required: true),
        new("source", required: true),
    ];

    public static ConversionFactorTable Read(string path)
    {
        var diagnostics = new DiagnosticCollector(Path.GetFileName(path));
        var p = new FieldParser(diagnostics);
        var entries = new List<ConversionFactorEntry>();
        ProjectTable.ReadRows(path, Specs, diagnostics, (map, row) =>
        {
            p.StartRow(row.Number);
            var from = ProjectTable.Date(p, Specs[From].Name, map.Text(row, From));
            var to = ProjectTable.Date(p, Specs[To].Name, map.Text(row, To));
            var qp = QpOf(p, map.Text(row, Qp));
            var pfs = p.OptionalConversionFactor(Specs[PfsCf].Name, map.Text(row, PfsCf));
            if (pfs is null && p.RowOk) p.Problem(Specs[PfsCf].Name, "", "missing number");
            var anesthesia = p.Decimal(Specs[AnesthesiaCf].Name, map.Text(row, AnesthesiaCf), 0.0001m, 1000m);
            if (p.RowOk && to < from)
                p.Problem(Specs[To].Name, map.Text(row, To), $"period ends before it starts ({EffectivePeriod.Iso(from)})");
            if (p.RowOk)
                entries.Add(new ConversionFactorEntry(from, to, qp, pfs!.Value, anesthesia, map.Text(row, Source)));
        });
        diagnostics.ThrowIfAny();
        try
        {
            return new ConversionFactorTable(entries);
        }
        catch (ArgumentException ex)
        {
            // Overlaps are a property of the whole table, found by Core: report them as a file problem.
            diagnostics.AddFileProblem(ex.Message.Split(" (Parameter", 2)[0]);
            throw diagnostics.ToException();
        }
    }

    private static QpStatus? QpOf(FieldParser p, string text) => text.ToUpperInvariant() switch
    {
        "" => null,
        "QUALIFYING" => QpStatus.Qualifying,
        "NON-QUALIFYING" => QpStatus.NonQualifying,
        _ => Invalid(p, text),
    };

    private static QpStatus? Invalid(FieldParser p, string text)
    {
        p.Problem(Specs[Qp].Name, text, "expected blank, qualifying or non-qualifying");
        return null;
    }
}
