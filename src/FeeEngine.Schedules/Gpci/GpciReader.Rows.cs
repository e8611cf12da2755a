using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

public static partial class GpciReader
{
    /// <summary>Converts and checks GPCI rows; shared by the table and TXT paths so they give the same records.</summary>
    private sealed class GpciRows(DiagnosticCollector diagnostics)
    {
        private readonly Dictionary<int, int> _firstLineByLocality = [];
        private readonly List<GpciRecord> _rows = [];

        public FieldParser Parser { get; } = new(diagnostics);

        public List<GpciRecord> Rows => _rows;

        public void Add(int line, string mac, string state, string number, string name, string workWithFloor, string? workWithoutFloor, string pe, string mp)
        {
            var p = Parser;
            p.StartRow(line);
            var locality = p.Locality(Specs[Mac].Name, mac.Trim(), Specs[Number].Name, number.Trim());
            var keyOk = p.RowOk;
            state = state.Trim();
            if (state.Length != 2 || !state.All(char.IsAsciiLetter))
                p.Problem(Specs[State].Name, state, "invalid state: expected 2 letters");
            var record = new GpciRecord
            {
                Locality = locality,
                State = state.ToUpperInvariant(),
                Name = LocalityNames.Clean(name),
                WorkWithFloor = p.Gpci(Specs[WorkWithFloor].Name, workWithFloor.Trim()),
                WorkWithoutFloor = string.IsNullOrWhiteSpace(workWithoutFloor) ? null : p.Gpci(Specs[WorkWithoutFloor].Name, workWithoutFloor.Trim()),
                PracticeExpense = p.Gpci(Specs[Pe].Name, pe.Trim()),
                Malpractice = p.Gpci(Specs[Mp].Name, mp.Trim()),
            };
            if (keyOk && !_firstLineByLocality.TryAdd(locality.Packed, line))
                p.Problem("MAC+LOCALITY", locality.ToString(), $"duplicate locality: already on line {_firstLineByLocality[locality.Packed]}");
            if (p.RowOk) _rows.Add(record);
        }
    }
}
