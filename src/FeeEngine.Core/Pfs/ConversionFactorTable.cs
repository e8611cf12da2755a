using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// Qualifying APM participant status. From 2026 the PFS has two conversion factors at once and the provider's
/// QP status picks one; before 2026 there is one CF for everybody.
/// </summary>
public enum QpStatus
{
    NonQualifying,
    Qualifying,
}

/// <summary>One row of the conversion-factor table: the CFs in force for an inclusive period of dates of service.</summary>
/// <param name="Qp">Null when the row applies whatever the QP status (every year before 2026).</param>
public sealed record ConversionFactorEntry(
    LocalDate From, LocalDate To, QpStatus? Qp, ConversionFactor Pfs, decimal AnesthesiaNational, string Source)
{
    public bool Covers(LocalDate date, QpStatus qp) => date >= From && date <= To && (Qp is null || Qp == qp);
    public override string ToString() =>
        $"{Pfs} for {EffectivePeriod.Format(From, To)}{(Qp is null ? "" : $" ({(Qp == QpStatus.Qualifying ? "qualifying" : "non-qualifying")} APM participant)")}";
}

/// <summary>
/// Conversion factors keyed by date of service (never by year: 2024 changed on 2024-03-09) and QP status.
/// Built from the table the project ships in <c>schedules/conversion-factors.csv</c>.
/// </summary>
public sealed class ConversionFactorTable
{
    private readonly ConversionFactorEntry[] _entries;

    public ConversionFactorTable(IEnumerable<ConversionFactorEntry> entries)
    {
        _entries = entries.OrderBy(e => e.From).ToArray();
        for (var i = 0; i < _entries.Length; i++)
        {
            var a = _entries[i];
            if (a.To < a.From)
                throw new ArgumentException($"Conversion factor period {EffectivePeriod.Format(a.From, a.To)} ends before it starts.", nameof(entries));
            for (var j = i + 1; j < _entries.Length; j++)
            {
                var b = _entries[j];
                var overlap = b.From <= a.To && a.From <= b.To;
                var sameAudience = a.Qp is null || b.Qp is null || a.Qp == b.Qp;
                if (overlap && sameAudience)
                    throw new ArgumentException($"Conversion factor periods overlap: {a} and {b}.", nameof(entries));
            }
        }
    }

    public IReadOnlyList<ConversionFactorEntry> Entries => _entries;

    public ConversionFactorEntry? FindOrNull(LocalDate dateOfService, QpStatus qp)
    {
        foreach (var e in _entries)
            if (e.Covers(dateOfService, qp)) return e;
        return null;
    }

    public ConversionFactorEntry Get(LocalDate dateOfService, QpStatus qp) =>
        FindOrNull(dateOfService, qp) ?? throw new ReferenceDataNotFoundException(
            $"No conversion factor covers date of service {EffectivePeriod.Iso(dateOfService)}; the table covers " +
            (_entries.Length == 0 ? "nothing" : $"{EffectivePeriod.Iso(_entries[0].From)}..{EffectivePeriod.Iso(_entries.Max(e => e.To))}") + ".");
}

/// <summary>A lookup found nothing for its key; the message names the key and what exists.</summary>
public sealed class ReferenceDataNotFoundException(string message) : Exception(message);
