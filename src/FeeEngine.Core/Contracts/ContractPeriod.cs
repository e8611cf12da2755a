using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// The dates a contract version or payer fee schedule is in force: from <see cref="From"/> through <see cref="To"/>,
/// both ends inclusive; a null <see cref="To"/> means open-ended (in force until a later version replaces it).
/// </summary>
public readonly record struct ContractPeriod
{
    public ContractPeriod(LocalDate from, LocalDate? to)
    {
        if (to is { } end && end < from)
            throw new ArgumentException($"The period ends ({EffectivePeriod.Iso(end)}) before it starts ({EffectivePeriod.Iso(from)}).", nameof(to));
        From = from;
        To = to;
    }

    public LocalDate From { get; }

    /// <summary>The last day in force (inclusive); null when open-ended.</summary>
    public LocalDate? To { get; }

    public bool Contains(LocalDate date) => date >= From && (To is not { } end || date <= end);

    public bool Overlaps(ContractPeriod other) =>
        (To is not { } end || other.From <= end) && (other.To is not { } otherEnd || From <= otherEnd);

    /// <summary>"2025-01-01..2025-06-30", or "2025-07-01.." when open-ended.</summary>
    public override string ToString() => EffectivePeriod.Format(From, To);
}
