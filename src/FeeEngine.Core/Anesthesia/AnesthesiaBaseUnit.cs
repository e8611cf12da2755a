using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Anesthesia;

/// <summary>
/// The base units of one anesthesia code (CPT 00100-01999) from a date of service on: the part of the anesthesia
/// allowance that does not depend on time (42 CFR 414.46). CMS publishes them once a year in its anesthesia
/// base-unit file; they are not in the PPRRVU file, where anesthesia codes have status J.
/// </summary>
/// <param name="Code">The anesthesia code.</param>
/// <param name="BaseUnits">Base units, 0 or more (CMS publishes whole numbers; kept as an exact decimal).</param>
/// <param name="EffectiveFrom">The first date of service the value applies to (inclusive); it applies until the next value's date.</param>
public sealed record AnesthesiaBaseUnit(HcpcsCode Code, decimal BaseUnits, LocalDate EffectiveFrom)
{
    public HcpcsCode Code { get; init; } = Code.IsDefault
        ? throw new ArgumentException("An anesthesia base unit needs a HCPCS code.", nameof(Code))
        : Code;

    public decimal BaseUnits { get; init; } = BaseUnits >= 0m
        ? BaseUnits
        : throw new ArgumentException($"Base units of {Code} effective {EffectivePeriod.Iso(EffectiveFrom)} are {BaseUnits}: base units are 0 or more.", nameof(BaseUnits));

    /// <summary>Where the value came from (the imported file's name), for the explanation; null when not known.</summary>
    public string? Source { get; init; }
}
