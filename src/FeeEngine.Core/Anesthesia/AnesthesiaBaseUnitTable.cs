using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Anesthesia;

/// <summary>
/// Anesthesia base units by code and date of service: for a date, the value with the latest
/// <see cref="AnesthesiaBaseUnit.EffectiveFrom"/> on or before it. A value has no end date: it applies until the
/// code's next value takes effect. Two values for the same code and date are refused (a date would have two answers).
/// </summary>
public sealed class AnesthesiaBaseUnitTable
{
    // Per code, the values in ascending EffectiveFrom order.
    private readonly Dictionary<ulong, AnesthesiaBaseUnit[]> _byCode;

    public AnesthesiaBaseUnitTable(IEnumerable<AnesthesiaBaseUnit> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lists = new Dictionary<ulong, List<AnesthesiaBaseUnit>>();
        var count = 0;
        foreach (var row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (!lists.TryGetValue(row.Code.Packed, out var list)) lists[row.Code.Packed] = list = [];
            foreach (var other in list)
            {
                if (other.EffectiveFrom == row.EffectiveFrom)
                    throw new ArgumentException(
                        $"Anesthesia base units for {row.Code} effective {EffectivePeriod.Iso(row.EffectiveFrom)} are given twice: {Describe(other)} and {Describe(row)}.",
                        nameof(rows));
            }
            list.Add(row);
            count++;
        }
        _byCode = lists.ToDictionary(p => p.Key, p => p.Value.OrderBy(r => r.EffectiveFrom).ToArray());
        Count = count;
    }

    /// <summary>A table with no rows: every lookup finds nothing.</summary>
    public static AnesthesiaBaseUnitTable Empty { get; } = new([]);

    /// <summary>How many values the table holds (all codes, all dates).</summary>
    public int Count { get; }

    /// <summary>Every value, by code then date.</summary>
    public IEnumerable<AnesthesiaBaseUnit> Rows => _byCode.Values.SelectMany(v => v);

    /// <summary>The code's value in force on the date (latest effective date on or before it); null when none is.</summary>
    public AnesthesiaBaseUnit? FindOrNull(HcpcsCode code, LocalDate dateOfService)
    {
        if (!_byCode.TryGetValue(code.Packed, out var values)) return null;
        for (var i = values.Length - 1; i >= 0; i--)
            if (values[i].EffectiveFrom <= dateOfService) return values[i];
        return null;
    }

    private static string Describe(AnesthesiaBaseUnit row) =>
        row.Source is null ? $"{row.BaseUnits}" : $"{row.BaseUnits} (from {row.Source})";
}
