using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// The GPCIs of one locality in one release. The work GPCI is held twice where CMS publishes both: with the 1.0
/// floor and without it. Which one applies on a date is data (<see cref="WorkGpciFloorPolicy"/>), not code.
/// </summary>
public sealed record GpciRecord
{
    public required LocalityId Locality { get; init; }
    public string State { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Work GPCI with the 1.0 floor (Alaska 1.5, MIPPA).</summary>
    public required Gpci WorkWithFloor { get; init; }
    /// <summary>Work GPCI without the floor; null when the file carries only the floored column (2025 and earlier).</summary>
    public Gpci? WorkWithoutFloor { get; init; }
    public required Gpci PracticeExpense { get; init; }
    public required Gpci Malpractice { get; init; }
}

/// <summary>A locality's anesthesia conversion factor (ANES file), published already rounded to cents.</summary>
public sealed record AnesthesiaCfRecord(LocalityId Locality, string Name, decimal ConversionFactor);

/// <summary>One row of the OPPSCAP file: CMS's capped price of an imaging code in a locality (the engine's check).</summary>
public sealed record OppsCapRecord(
    RvuKey Key, char ProcedureStatus, LocalityId Locality, Money.Money FacilityPrice, Money.Money NonFacilityPrice);

/// <summary>One ZIP code of the ZIP5 file: the locality that prices services furnished there.</summary>
public sealed record ZipLocalityRecord
{
    public required string Zip { get; init; }
    public required string State { get; init; }
    public required LocalityId Locality { get; init; }
    /// <summary>Blank = urban, R = rural, B = super rural.</summary>
    public string RuralIndicator { get; init; } = "";
    /// <summary>True when the ZIP is split between localities (the ZIP9 file decides).</summary>
    public bool PlusFourFlag { get; init; }
    /// <summary>YYYYQ of the file, e.g. 20254.</summary>
    public string YearQuarter { get; init; } = "";
}
