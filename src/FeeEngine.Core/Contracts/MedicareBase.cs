using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Contracts;

/// <summary>
/// Which Medicare amount a percent-of-Medicare term multiplies. <see cref="AsOf"/> null: the schedule in force on the
/// line's date of service ("current"); otherwise the schedule in force on that fixed date ("2024 Medicare" is
/// 2024-01-01, the year's first release and conversion factor). <see cref="Locality"/> null: the service's own
/// locality; otherwise that fixed locality. The setting (facility or not) is always the line's.
/// </summary>
public sealed record MedicareBase(LocalDate? AsOf = null, LocalityId? Locality = null)
{
    public static MedicareBase Current { get; } = new();

    public bool IsCurrent => AsOf is null && Locality is null;

    /// <summary>E.g. "Medicare (date of service)" or "Medicare as of 2024-01-01, locality 05102-18".</summary>
    public override string ToString() =>
        (AsOf is { } d ? $"Medicare as of {EffectivePeriod.Iso(d)}" : "Medicare (date of service)") +
        (Locality is { } l ? $", locality {l}" : "");
}
