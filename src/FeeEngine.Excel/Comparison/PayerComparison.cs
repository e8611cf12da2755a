using FeeEngine.Core.Codes;
using FeeEngine.Excel.Codes;
using NodaTime;

namespace FeeEngine.Excel.Comparison;

/// <summary>What a payer comparison prices: the codes, where, when, and under which payers.</summary>
/// <param name="PlaceOfService">The place of service the payers' amounts are priced for (and whose Medicare amount
/// their percentages are of); Medicare is always shown in both settings.</param>
/// <param name="Payers">Payer names (or <c>Payer/Contract</c>) in column order.</param>
public sealed record ComparisonRequest(
    IReadOnlyList<CodeRequest> Codes, LocalityId Locality, LocalDate Date, PlaceOfService PlaceOfService, IReadOnlyList<string> Payers);

/// <summary>One payer's expected amount for one row.</summary>
/// <param name="Expected">The contract's expected amount for one unit, in dollars and whole cents; null when unpriced.</param>
/// <param name="PercentOfMedicare">Expected / the Medicare basis as a ratio (1.18 = 118%), rounded half away from
/// zero to 4 decimals (0.01%); null when either is missing or Medicare is zero.</param>
/// <param name="Note">The term that priced it, or why it is unpriced.</param>
public sealed record PayerAmount(decimal? Expected, decimal? PercentOfMedicare, string? Note);

/// <summary>One code and modifier: Medicare in both settings, each payer, the highest and lowest payer.</summary>
/// <param name="MedicareNonFacility">The non-facility amount (POS 11), one unit; null when CMS publishes none (NA) or the row is not payable.</param>
/// <param name="MedicareFacility">The facility amount (POS 22), one unit; null when not payable.</param>
/// <param name="MedicareBasis">Medicare at the request's place of service (facility when non-facility is NA): what the payers' percentages are of.</param>
/// <param name="Highest">Index into <see cref="Payers"/> of the highest expected amount (the first when tied); null when no payer priced the row.</param>
/// <param name="Spread">Highest less lowest expected amount; null when no payer priced the row.</param>
/// <param name="Note">Why Medicare did not price the row (status, unknown code), or that non-facility is NA.</param>
public sealed record ComparisonRow(
    CodeRequest Service,
    decimal? MedicareNonFacility,
    decimal? MedicareFacility,
    decimal? MedicareBasis,
    IReadOnlyList<PayerAmount> Payers,
    int? Highest,
    int? Lowest,
    decimal? Spread,
    string? Note)
{
    /// <summary>Spread as a ratio of the Medicare basis, 4 decimals; null when either is missing or Medicare is zero.</summary>
    public decimal? SpreadPercentOfMedicare => Ratio.Of(Spread, MedicareBasis);
}

/// <summary>A payer comparison: the rows and the reference data they were priced with (for the cover sheet).</summary>
/// <param name="ScheduleReleases">The PFS releases, GPCI releases and conversion factors used, in words.</param>
/// <param name="ContractVersions">Per payer, the contracts and versions (or fee schedules) that priced its amounts.</param>
public sealed record PayerComparison(
    ComparisonRequest Request,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> ScheduleReleases,
    IReadOnlyList<string> ContractVersions);

/// <summary>Ratios as the reports show them.</summary>
public static class Ratio
{
    /// <summary>part / whole rounded half away from zero to 4 decimals (0.01%); null when either is missing or whole is zero.</summary>
    public static decimal? Of(decimal? part, decimal? whole) =>
        part is { } p && whole is { } w && w != 0m ? decimal.Round(p / w, 4, MidpointRounding.AwayFromZero) : null;
}
