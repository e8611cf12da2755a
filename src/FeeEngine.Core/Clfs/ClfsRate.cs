using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Clfs;

/// <summary>
/// One rate of the Clinical Laboratory Fee Schedule: the national limit for a HCPCS code and modifier (e.g. 80053, or
/// 80053-QW for the CLIA-waived test), in force from <see cref="EffectiveFrom"/>. No locality adjustment applies, and
/// Medicare charges the patient no deductible or coinsurance for these tests.
/// </summary>
/// <param name="Indicator">CMS's INDICATOR column (e.g. N for a national limit), kept as published.</param>
public sealed record ClfsRate(HcpcsCode Code, Modifier Modifier, Money.Money Rate, LocalDate EffectiveFrom, string Indicator);

/// <summary>
/// One quarterly CLFS file (e.g. 26CLABQ1: 2026-01-01..2026-03-31), its rates by code and modifier. A line takes the
/// row of the modifier it carries (80053 billed with QW takes 80053-QW), else the code's row without a modifier.
/// </summary>
public sealed class ClfsSchedule
{
    private readonly Dictionary<(ulong Code, ushort Modifier), ClfsRate> _rates;

    /// <exception cref="ArgumentException">A code and modifier appears twice.</exception>
    public ClfsSchedule(string id, LocalDate effectiveFrom, LocalDate effectiveTo, IEnumerable<ClfsRate> rates)
    {
        if (effectiveTo < effectiveFrom) throw new ArgumentException($"CLFS {id}: the period ends before it starts.", nameof(effectiveTo));
        Id = id;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        _rates = [];
        foreach (var r in rates)
            if (!_rates.TryAdd((r.Code.Packed, r.Modifier.Packed), r))
                throw new ArgumentException($"CLFS {id} lists {r.Code}{(r.Modifier.IsNone ? "" : "-" + r.Modifier)} twice.", nameof(rates));
    }

    public string Id { get; }
    public LocalDate EffectiveFrom { get; }
    /// <summary>The last day in force (inclusive): the end of the quarter.</summary>
    public LocalDate EffectiveTo { get; }
    public int Count => _rates.Count;
    public IEnumerable<ClfsRate> Rates => _rates.Values;

    public bool Covers(LocalDate date) => date >= EffectiveFrom && date <= EffectiveTo;

    public ClfsRate? FindOrNull(HcpcsCode code, ModifierList modifiers)
    {
        for (var i = 0; i < modifiers.Count; i++)
            if (_rates.TryGetValue((code.Packed, modifiers[i].Packed), out var withModifier)) return withModifier;
        return _rates.TryGetValue((code.Packed, 0), out var plain) ? plain : null;
    }
}
