using System.Globalization;
using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Dmepos;

/// <summary>
/// One DMEPOS or PEN fee schedule file (e.g. DMEPOS26_JAN), its rows by code and modifiers. In force from the first
/// day of the month its title names until the day before the next file of the same kind, and never past December 31
/// of its year (<see cref="DmeposCatalog"/> sets the end when a later file is loaded).
/// </summary>
public sealed class DmeposSchedule
{
    private readonly Dictionary<ulong, DmeposFee[]> _byCode;

    /// <param name="effectiveTo">The last day in force (inclusive); null for December 31 of the start's year.</param>
    /// <exception cref="ArgumentException">A (code, modifier 1, modifier 2) key appears twice, or the period is empty.</exception>
    public DmeposSchedule(string id, DmeposFile file, LocalDate effectiveFrom, IEnumerable<DmeposFee> fees, LocalDate? effectiveTo = null)
        : this(id, file, effectiveFrom, effectiveTo ?? new LocalDate(effectiveFrom.Year, 12, 31), Index(id, fees))
    {
    }

    private DmeposSchedule(string id, DmeposFile file, LocalDate effectiveFrom, LocalDate effectiveTo, Dictionary<ulong, DmeposFee[]> byCode)
    {
        if (effectiveTo < effectiveFrom) throw new ArgumentException($"DMEPOS {id}: the period {effectiveFrom:yyyy-MM-dd}..{effectiveTo:yyyy-MM-dd} ends before it starts.", nameof(effectiveTo));
        if (effectiveTo.Year != effectiveFrom.Year) throw new ArgumentException($"DMEPOS {id}: a fee schedule file is never in force past December 31 of its year ({effectiveTo:yyyy-MM-dd} given).", nameof(effectiveTo));
        Id = id;
        File = file;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        _byCode = byCode;
        Count = byCode.Values.Sum(r => r.Length);
    }

    /// <summary>CMS's name for the file, e.g. "DMEPOS26_JAN" or "DMEPEN26_JAN".</summary>
    public string Id { get; }
    public DmeposFile File { get; }
    public LocalDate EffectiveFrom { get; }

    /// <summary>The last day in force (inclusive).</summary>
    public LocalDate EffectiveTo { get; }

    /// <summary>Rows (code and modifier combinations).</summary>
    public int Count { get; }

    public IEnumerable<DmeposFee> Fees => _byCode.Values.SelectMany(r => r);

    public bool Covers(LocalDate date) => date >= EffectiveFrom && date <= EffectiveTo;

    public bool HasCode(HcpcsCode code) => _byCode.ContainsKey(code.Packed);

    /// <summary>The code's rows in file order; empty when the file does not list it.</summary>
    public IReadOnlyList<DmeposFee> RowsOf(HcpcsCode code) => _byCode.TryGetValue(code.Packed, out var rows) ? rows : [];

    /// <summary>The same rows with another last day (the catalog's doing when a later file is loaded).</summary>
    public DmeposSchedule WithEffectiveTo(LocalDate effectiveTo) => new(Id, File, EffectiveFrom, effectiveTo, _byCode);

    /// <summary>
    /// The row a line takes: of the rows whose modifiers are all on the line, the one matching the most (2 over 1 over
    /// 0). Null, with the reason, when the code is not listed, no row matches, or two rows match equally.
    /// </summary>
    public DmeposFee? FindOrNull(HcpcsCode code, ModifierList modifiers, out string? reason)
    {
        var rows = RowsOf(code);
        if (rows.Count == 0) { reason = $"{code} is not on {Id}"; return null; }
        DmeposFee? best = null;
        DmeposFee? tie = null;
        foreach (var row in rows)
        {
            if (!row.MatchedBy(modifiers)) continue;
            if (best is null || row.ModifierCount > best.ModifierCount) { best = row; tie = null; }
            else if (row.ModifierCount == best.ModifierCount) tie = row;
        }
        if (best is null)
        {
            reason = $"{code} has rows {string.Join(", ", rows.Select(r => r.ModifierCount == 0 ? "(no modifier)" : r.ModifierText))}; " +
                     (modifiers.Count == 0 ? "the line carries no modifier, which matches none" : $"the line's modifiers {modifiers.ToString().Replace(':', ' ')} match none");
            return null;
        }
        if (tie is not null)
        {
            reason = $"the line's modifiers {modifiers.ToString().Replace(':', ' ')} match two {code} rows equally ({best.ModifierText} and {tie.ModifierText})";
            return null;
        }
        reason = null;
        return best;
    }

    /// <summary>
    /// Prices a line: the row chosen by <see cref="FindOrNull"/>, the state's rural or non-rural fee, times units.
    /// </summary>
    /// <param name="state">Two-letter state of the place of service (the ZIP5 file's STATE).</param>
    /// <param name="rural">True for a ZIP whose ZIP5 rural indicator is R or B (<see cref="DmeposRural.IsRural"/>).</param>
    /// <param name="units">Billed units, at least 1.</param>
    public DmeposPrice Price(HcpcsCode code, ModifierList modifiers, string state, bool rural, int units)
    {
        CheckUnits(units);
        var fee = FindOrNull(code, modifiers, out var reason);
        return fee is null
            ? DmeposPrice.NotPriced(code, HasCode(code) ? Id : null, null, state, rural, units, reason!)
            : PriceRow(fee, state, rural, units);
    }

    /// <summary>
    /// Prices a chosen row. A rural fee of 0 means the row has no separate rural fee: the non-rural fee applies in rural
    /// areas too. A non-rural fee of 0 beside a positive rural fee means the row has no non-rural fee (e.g. the KE rows):
    /// a non-rural ZIP is not priced. Both 0 means no fee schedule amount: the contractor prices the item.
    /// </summary>
    public DmeposPrice PriceRow(DmeposFee fee, string state, bool rural, int units)
    {
        CheckUnits(units);
        var st = fee.FindState(state);
        if (st is null)
            return DmeposPrice.NotPriced(fee.Code, Id, fee, state, rural, units, $"{Id} has no column for the state '{state}'", File);
        var column = rural ? "R" : "NR";
        if (st.NonRural.Amount == 0m && st.Rural.Amount == 0m)
            return DmeposPrice.NotPriced(fee.Code, Id, fee, state, rural, units,
                $"{fee.Key} has no fee schedule amount in {st.State} (both {st.State} (NR) and {st.State} (R) are 0): the contractor prices it", File);
        Money.Money unit;
        var fallback = false;
        if (!rural)
        {
            if (st.NonRural.Amount == 0m)
                return DmeposPrice.NotPriced(fee.Code, Id, fee, state, rural, units,
                    string.Create(CultureInfo.InvariantCulture, $"{fee.Key} has no non-rural fee in {st.State} ({st.State} (NR) is 0; only the rural fee {st.Rural} is published), and the ZIP is not rural"), File);
            unit = st.NonRural;
        }
        else if (st.Rural.Amount == 0m)
        {
            unit = st.NonRural;
            column = "NR";
            fallback = true;
        }
        else
        {
            unit = st.Rural;
        }
        return new DmeposPrice
        {
            Code = fee.Code, ScheduleId = Id, File = File, Fee = fee, State = st.State, Rural = rural, Column = $"{st.State} ({column})",
            RuralUsesNonRuralFee = fallback, UnitFee = unit, Units = units, Total = unit * units, // whole cents x whole units: exact
        };
    }

    private static void CheckUnits(int units)
    {
        if (units < 1) throw new ArgumentOutOfRangeException(nameof(units), units, "Units must be at least 1.");
    }

    private static Dictionary<ulong, DmeposFee[]> Index(string id, IEnumerable<DmeposFee> fees)
    {
        var seen = new HashSet<(ulong, ushort, ushort)>();
        var lists = new Dictionary<ulong, List<DmeposFee>>();
        foreach (var f in fees)
        {
            if (!seen.Add((f.Code.Packed, f.Modifier1.Packed, f.Modifier2.Packed)))
                throw new ArgumentException($"DMEPOS {id} lists {f.Key} twice.", nameof(fees));
            if (!lists.TryGetValue(f.Code.Packed, out var list)) lists[f.Code.Packed] = list = [];
            list.Add(f);
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
