using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// One service line to price under the PFS: what was done (code, modifiers, units), where (locality, place of
/// service), when (date of service) and by whom (QP status; defaults to non-qualifying).
/// </summary>
/// <param name="LocalitySource">How the locality was found, e.g. the ZIP lookup; null when given directly.</param>
public readonly record struct PfsLine(
    HcpcsCode Code,
    ModifierList Modifiers,
    LocalityId Locality,
    PlaceOfService PlaceOfService,
    LocalDate DateOfService,
    int Units = 1,
    QpStatus Qp = QpStatus.NonQualifying,
    ZipLookup? LocalitySource = null);
