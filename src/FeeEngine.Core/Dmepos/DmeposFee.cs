using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Dmepos;

/// <summary>Which of CMS's two DMEPOS fee schedule files a schedule came from.</summary>
public enum DmeposFile
{
    /// <summary>DMEPOS26_JAN and the like: equipment, prosthetics, orthotics and supplies (JURIS, CATG, Ceiling, Floor).</summary>
    Dmepos,

    /// <summary>DMEPEN26_JAN and the like: parenteral and enteral nutrition (no JURIS, CATG, Ceiling or Floor).</summary>
    ParenteralEnteral,
}

/// <summary>
/// One state's two published fees for a row: <c>AL (NR)</c> and <c>AL (R)</c>. Whole cents as CMS prints them. A 0 is
/// CMS's way of saying "no fee in this column"; <see cref="DmeposSchedule.Price"/> gives the zeros their meaning.
/// </summary>
/// <param name="State">The two-letter jurisdiction of the column header (50 states, DC, PR, VI).</param>
public sealed record DmeposStateFee(string State, Money.Money NonRural, Money.Money Rural);

/// <summary>
/// One row of a DMEPOS or PEN file: a HCPCS code with up to two modifiers (e.g. E0776 RR KE) and its fees per state.
/// Rows are keyed by (code, modifier 1, modifier 2); the modifiers say purchase (NU new, UE used) or rental (RR) and
/// the like. <see cref="Jurisdiction"/>, <see cref="Category"/>, <see cref="Ceiling"/> and <see cref="Floor"/> are kept
/// as published (empty / null in the PEN file, which has no such columns); the state fees already lie within them.
/// </summary>
/// <param name="Jurisdiction">JURIS: D (DME MAC), J (local carrier) or L (either), as published.</param>
/// <param name="Category">CATG: the payment category, e.g. IN (inexpensive/routinely purchased), CR (capped rental), OX (oxygen).</param>
/// <param name="States">The fees per state, in the file's column order.</param>
public sealed record DmeposFee(
    HcpcsCode Code, Modifier Modifier1, Modifier Modifier2, string Jurisdiction, string Category,
    Money.Money? Ceiling, Money.Money? Floor, IReadOnlyList<DmeposStateFee> States)
{
    /// <summary>How many modifiers the row carries (0, 1 or 2): a line must carry all of them to take the row.</summary>
    public int ModifierCount => (Modifier1.IsNone ? 0 : 1) + (Modifier2.IsNone ? 0 : 1);

    /// <summary>The row's modifiers as printed, e.g. "RR KE"; empty for a row without modifiers.</summary>
    public string ModifierText =>
        string.Join(' ', new[] { Modifier1, Modifier2 }.Where(m => !m.IsNone).Select(m => m.ToString()));

    /// <summary>The code and modifiers, e.g. "E0776 RR KE".</summary>
    public string Key => ModifierCount == 0 ? Code.ToString() : $"{Code} {ModifierText}";

    /// <summary>True when every modifier of the row is on the line.</summary>
    public bool MatchedBy(ModifierList modifiers) =>
        (Modifier1.IsNone || modifiers.Contains(Modifier1)) && (Modifier2.IsNone || modifiers.Contains(Modifier2));

    /// <summary>The state's fees, or null when the file has no column for it.</summary>
    public DmeposStateFee? FindState(string state)
    {
        foreach (var s in States)
            if (string.Equals(s.State, state, StringComparison.OrdinalIgnoreCase)) return s;
        return null;
    }
}
