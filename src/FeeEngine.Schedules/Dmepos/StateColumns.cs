using FeeEngine.Core.Dmepos;

namespace FeeEngine.Schedules;

/// <summary>
/// What the header row of a DMEPOS or PEN file says: which file it is (JURIS and CATG are in the DMEPOS file only)
/// and where each state's non-rural and rural columns are. A state column for an unknown jurisdiction, a state with
/// one column of its pair, and a state column twice are reported at the header row.
/// </summary>
internal sealed class StateColumns
{
    private readonly List<Pair> _pairs = [];

    public sealed record Pair(string State, int NonRuralColumn, string NonRuralHeader, int RuralColumn, string RuralHeader);

    public DmeposFile File { get; private set; }

    public IReadOnlyList<Pair> Pairs => _pairs;

    /// <summary>False once a problem was found in the header: no row is read then.</summary>
    public bool Ok { get; private set; } = true;

    public void Read(TableRow header, DiagnosticCollector diagnostics)
    {
        var keys = header.Cells.Select(HeaderKey.Of).ToList();
        bool juris = keys.Contains("JURIS"), catg = keys.Contains("CATG");
        if (juris != catg)
            Problem(diagnostics, header.Number, juris ? "CATG" : "JURIS", null,
                "required column missing from the header: the DMEPOS file has JURIS and CATG, the PEN file neither");
        File = juris ? DmeposFile.Dmepos : DmeposFile.ParenteralEnteral;
        if (File == DmeposFile.Dmepos)
            foreach (var name in new[] { "Ceiling", "Floor" })
                if (!keys.Contains(HeaderKey.Of(name)))
                    Problem(diagnostics, header.Number, name, null, "required column missing from the header (the DMEPOS file has JURIS and CATG, so Ceiling and Floor too)");

        var nonRural = new Dictionary<string, (int Column, string Header)>(StringComparer.Ordinal);
        var rural = new Dictionary<string, (int Column, string Header)>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var c = 0; c < header.Count; c++)
        {
            var text = HeaderKey.CollapseSpaces(header[c]);
            if (!DmeposStates.TryParseHeader(text, out var state, out var isRural)) continue; // Description, codes, notes
            if (!DmeposStates.Known.Contains(state))
            {
                Problem(diagnostics, header.Number, $"column {c + 1}", text, "unknown state column: expected <ST> (NR) or <ST> (R) for one of the 50 states, DC, PR or VI");
                continue;
            }
            var columns = isRural ? rural : nonRural;
            if (columns.TryGetValue(state, out var first))
            {
                Problem(diagnostics, header.Number, $"column {c + 1}", text, $"state column appears twice (columns {first.Column + 1} and {c + 1})");
                continue;
            }
            columns[state] = (c, text);
            if (!order.Contains(state)) order.Add(state);
        }
        foreach (var state in order)
        {
            if (!nonRural.TryGetValue(state, out var nr))
                Problem(diagnostics, header.Number, $"{state} (NR)", null, $"required column missing from the header: {state} (R) is there, {state} (NR) is not");
            else if (!rural.TryGetValue(state, out var r))
                Problem(diagnostics, header.Number, $"{state} (R)", null, $"required column missing from the header: {state} (NR) is there, {state} (R) is not");
            else
                _pairs.Add(new Pair(state, nr.Column, nr.Header, r.Column, r.Header));
        }
    }

    private void Problem(DiagnosticCollector diagnostics, int line, string field, string? value, string reason)
    {
        diagnostics.Add(line, field, value, reason);
        Ok = false;
    }
}
