using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>One line of a claim: the service, the charge billed for it, who rendered it.</summary>
/// <param name="LineId">The line's number or id on the claim; it orders lines where order matters (the deductible).</param>
/// <param name="AnesthesiaMinutes">Anesthesia time in minutes, for anesthesia codes.</param>
public sealed record ClaimLine(
    string LineId,
    PfsLine Service,
    Money.Money? BilledCharge = null,
    ProviderType Provider = ProviderType.Physician,
    int? AnesthesiaMinutes = null);

/// <summary>
/// The lines one provider billed for one patient on one date of service: the unit over which CMS's multiple
/// procedure, imaging, therapy and bilateral rules compare lines.
/// </summary>
/// <param name="DeductibleRemaining">Part B deductible the patient still owes; null or zero when met.</param>
/// <param name="CoinsuranceRate">Patient coinsurance after the deductible (20% for PFS services).</param>
public sealed record Claim(
    string ClaimId,
    IReadOnlyList<ClaimLine> Lines,
    Money.Money? DeductibleRemaining = null,
    decimal CoinsuranceRate = 0.20m);
