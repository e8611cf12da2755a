namespace FeeEngine.Core.Contracts;

/// <summary>
/// A contract's terms for one period. Lines are priced by, in this order, the first that applies:
/// the version's own fixed-fee carve-outs, the contract's imported fee schedule in force on the date of service, the
/// <see cref="Terms"/> in the order written, and the <see cref="Default"/> term.
/// </summary>
/// <param name="Label">The version's name, e.g. "2025" or "2025-H2".</param>
/// <param name="LesserOfBilled">Pay the lower of the billed charge and the contract amount.</param>
/// <param name="MedicarePolicies">Apply Medicare's payment policies (multiple procedures, bilateral, assistants...);
/// on by default, as most contracts follow Medicare's rules.</param>
public sealed record ContractVersion(
    string Label,
    ContractPeriod Period,
    IReadOnlyList<ContractTerm> Terms,
    ContractTerm? Default = null,
    FeeSchedule? CarveOuts = null,
    bool LesserOfBilled = false,
    bool MedicarePolicies = true);
