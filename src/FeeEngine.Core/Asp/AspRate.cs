using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Asp;

/// <summary>
/// One row of CMS's quarterly ASP pricing file: the Medicare Part B payment limit for one billing unit of a drug code.
/// </summary>
/// <param name="Dosage">The billing unit as published in "HCPCS Code Dosage", e.g. "10 MG" (one unit of J0129).</param>
/// <param name="PaymentLimit">Dollars per billing unit, up to 3 decimals as CMS publishes it (not money yet: it is
/// multiplied by units and then rounded once, see <see cref="AspSchedule.Allowed"/>).</param>
/// <param name="CoinsurancePercent">The "Co-insurance Percentage" column in percent (20 = 20%); null when blank.</param>
public sealed record AspRate(HcpcsCode Code, string Dosage, decimal PaymentLimit, decimal? CoinsurancePercent)
{
    /// <summary>The coinsurance as a fraction (20% = 0.20); null when the file leaves it blank.</summary>
    public decimal? CoinsuranceRate => CoinsurancePercent / 100m;
}

/// <summary>The rounding rule of the ASP payment: computed at full precision, rounded once to cents.</summary>
public static class AspRounding
{
    /// <summary>
    /// Allowed = payment limit x billing units, rounded once to the cent with ties away from zero (0.005 -> 0.01), the
    /// same rule the engine uses for the PFS amount. Limits carry up to 3 decimals, so a tie is possible.
    /// </summary>
    public const MidpointRounding Midpoint = MidpointRounding.AwayFromZero;
}

/// <summary>One quarterly ASP pricing file (e.g. "ASP 2026 Q1": 2026-01-01..2026-03-31), its rates by code.</summary>
public sealed class AspSchedule
{
    private readonly Dictionary<ulong, AspRate> _rates;

    /// <exception cref="ArgumentException">A code appears twice, or the period is empty.</exception>
    public AspSchedule(string id, LocalDate effectiveFrom, LocalDate effectiveTo, IEnumerable<AspRate> rates)
    {
        if (effectiveTo < effectiveFrom) throw new ArgumentException($"ASP {id}: the period ends before it starts.", nameof(effectiveTo));
        Id = id;
        EffectiveFrom = effectiveFrom;
        EffectiveTo = effectiveTo;
        _rates = [];
        foreach (var r in rates)
            if (!_rates.TryAdd(r.Code.Packed, r))
                throw new ArgumentException($"ASP {id} lists {r.Code} twice.", nameof(rates));
    }

    /// <summary>For example "ASP 2026 Q1".</summary>
    public string Id { get; }
    public LocalDate EffectiveFrom { get; }

    /// <summary>The last day in force (inclusive): the end of the quarter.</summary>
    public LocalDate EffectiveTo { get; }
    public int Count => _rates.Count;
    public IEnumerable<AspRate> Rates => _rates.Values;

    public bool Covers(LocalDate date) => date >= EffectiveFrom && date <= EffectiveTo;

    public AspRate? FindOrNull(HcpcsCode code) => _rates.TryGetValue(code.Packed, out var r) ? r : null;

    /// <summary>Payment limit x billing units, rounded once to the cent (<see cref="AspRounding.Midpoint"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Units below 1.</exception>
    public static Money.Money Allowed(AspRate rate, int units)
    {
        if (units < 1) throw new ArgumentOutOfRangeException(nameof(units), units, "Units must be at least 1.");
        return new Money.Money(rate.PaymentLimit * units).RoundToCents(AspRounding.Midpoint);
    }

    /// <summary>The calendar quarter that starts in the given month (January, April, July, October), e.g. "ASP 2026 Q1".</summary>
    /// <exception cref="ArgumentException">The month does not start a quarter.</exception>
    public static (string Id, LocalDate From, LocalDate To) Quarter(int year, int firstMonth)
    {
        if (firstMonth is not (1 or 4 or 7 or 10)) throw new ArgumentException($"An ASP quarter starts in January, April, July or October, not month {firstMonth}.", nameof(firstMonth));
        var quarter = Time.CalendarQuarter.Of(new LocalDate(year, firstMonth, 1));
        return ($"ASP {quarter}", quarter.First, quarter.Last);
    }
}
