using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Core.Dmepos;

/// <summary>
/// The DMEPOS and PEN fee schedule files loaded, each in force until the day before the next file of the same kind
/// (and never past December 31 of its year). Answers which file covers a date of service and prices a line against
/// both kinds at once: a code is usually in one file only, but some are in both (E0776 is in DMEPOS with RR/NU/UE
/// and in PEN with RR/NU/UE plus BA or KE), so the row matching the most modifiers wins across the two files.
/// </summary>
public sealed class DmeposCatalog
{
    private readonly List<DmeposSchedule> _schedules;

    /// <exception cref="ArgumentException">Two files of the same kind take effect on the same day.</exception>
    public DmeposCatalog(IEnumerable<DmeposSchedule> schedules)
    {
        _schedules = [];
        foreach (var kind in schedules.GroupBy(s => s.File))
        {
            var ordered = kind.OrderBy(s => s.EffectiveFrom).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var s = ordered[i];
                if (i + 1 < ordered.Count && ordered[i + 1].EffectiveFrom == s.EffectiveFrom)
                    throw new ArgumentException($"{s.Id} and {ordered[i + 1].Id} both take effect on {s.EffectiveFrom:yyyy-MM-dd}.", nameof(schedules));
                var end = new LocalDate(s.EffectiveFrom.Year, 12, 31);
                if (i + 1 < ordered.Count && ordered[i + 1].EffectiveFrom.PlusDays(-1) < end) end = ordered[i + 1].EffectiveFrom.PlusDays(-1);
                _schedules.Add(end == s.EffectiveTo ? s : s.WithEffectiveTo(end));
            }
        }
        _schedules.Sort((a, b) => (a.File, a.EffectiveFrom).CompareTo((b.File, b.EffectiveFrom)));
    }

    /// <summary>Every file, DMEPOS first, each kind by start date, with the end the catalog gave it.</summary>
    public IReadOnlyList<DmeposSchedule> Schedules => _schedules;

    /// <summary>The file of that kind in force on the date, or null.</summary>
    public DmeposSchedule? FindSchedule(DmeposFile file, LocalDate date) =>
        _schedules.FirstOrDefault(s => s.File == file && s.Covers(date));

    /// <summary>True when a DMEPOS or PEN file in force on the date lists the code.</summary>
    public bool HasCode(HcpcsCode code, LocalDate date) => WhyNotListed(code, date) is null;

    /// <summary>Why no file in force on the date lists the code (none covers the date, or those that do lack it); null when one does.</summary>
    public string? WhyNotListed(HcpcsCode code, LocalDate date)
    {
        var inForce = _schedules.Where(s => s.Covers(date)).ToList();
        if (inForce.Count == 0) return $"no DMEPOS or PEN fee schedule loaded covers {date:yyyy-MM-dd}";
        return inForce.Any(s => s.HasCode(code)) ? null : $"{code} is not on {string.Join(" or ", inForce.Select(s => s.Id))}";
    }

    /// <summary>Prices a line for a ZIP: its state, and rural when its ZIP5 rural indicator is R or B.</summary>
    public DmeposPrice Price(HcpcsCode code, ModifierList modifiers, LocalDate date, ZipLocalityRecord zip, int units) =>
        Price(code, modifiers, date, zip.State, DmeposRural.IsRural(zip.RuralIndicator), units);

    /// <summary>
    /// Prices a line against the DMEPOS and PEN files in force on the date: the row whose modifiers are all on the line,
    /// preferring the most modifiers, across both files; then the state's column (see <see cref="DmeposSchedule.PriceRow"/>).
    /// </summary>
    public DmeposPrice Price(HcpcsCode code, ModifierList modifiers, LocalDate date, string state, bool rural, int units)
    {
        if (WhyNotListed(code, date) is { } notListed)
            return DmeposPrice.NotPriced(code, null, null, state, rural, units, notListed);
        var withCode = _schedules.Where(s => s.Covers(date) && s.HasCode(code)).ToList();

        (DmeposSchedule Schedule, DmeposFee Fee)? best = null;
        var tie = false;
        var reasons = new List<string>();
        foreach (var s in withCode)
        {
            var fee = s.FindOrNull(code, modifiers, out var reason);
            if (fee is null) { reasons.Add($"{s.Id}: {reason}"); continue; }
            if (best is null || fee.ModifierCount > best.Value.Fee.ModifierCount) { best = (s, fee); tie = false; }
            else if (fee.ModifierCount == best.Value.Fee.ModifierCount) tie = true;
        }
        if (best is null)
            return DmeposPrice.NotPriced(code, withCode.Count == 1 ? withCode[0].Id : null, null, state, rural, units, string.Join("; ", reasons));
        if (tie)
            return DmeposPrice.NotPriced(code, null, null, state, rural, units,
                $"the line's modifiers match {code} rows in {string.Join(" and ", withCode.Select(s => s.Id))} equally");
        return best.Value.Schedule.PriceRow(best.Value.Fee, state, rural, units);
    }
}
