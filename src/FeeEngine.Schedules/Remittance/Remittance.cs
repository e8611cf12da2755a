using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using NodaTime;

namespace FeeEngine.Schedules.Remittance;

/// <summary>
/// One X12 835 (005010X221A1) transaction, ST..SE: a payer's payment or advice to one payee, and the claims it
/// settles. A file can hold several; <see cref="Remittance835Reader"/> returns one of these per ST..SE.
/// </summary>
/// <param name="FileName">The file's name as the reader was given it.</param>
/// <param name="PayerName">N102 of the payer loop (1000A, <c>N1*PR</c>).</param>
/// <param name="PayerId">N104 of the payer loop or, when N104 is blank, the payer's <c>REF*2U</c>.</param>
/// <param name="TraceNumber">TRN02: the check or EFT trace number, the key that ties the remittance to the money.</param>
/// <param name="PaymentDate">BPR16: the check issue or EFT effective date.</param>
/// <param name="TotalPaid">BPR02: the total actual provider payment (claims paid less provider-level adjustments).</param>
/// <param name="Claims">The claims (CLP loops) in file order; a reversal and its correction are two claims.</param>
public sealed record Remittance(
    string FileName,
    string? PayerName,
    string? PayerId,
    string? TraceNumber,
    LocalDate? PaymentDate,
    Money? TotalPaid,
    IReadOnlyList<RemittanceClaim> Claims);

/// <summary>
/// One claim of a remittance (loop 2100, CLP), as the payer adjudicated it. The patient's name (NM1*QC) is
/// deliberately not kept: reconciliation needs none, so no PHI is held.
/// </summary>
/// <param name="ClaimId">CLP01: the provider's claim id (patient control number) as submitted.</param>
/// <param name="StatusCode">CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-21 processed and
/// forwarded, 22 reversal of previous payment, 23 not our claim, 25 predetermination.</param>
/// <param name="Charge">CLP03: the total charge submitted.</param>
/// <param name="Paid">CLP04: the amount paid on the claim (negative on a reversal).</param>
/// <param name="PatientResponsibility">CLP05, when sent.</param>
/// <param name="PayerClaimControlNumber">CLP07: the payer's own number for the claim (ICN/DCN).</param>
/// <param name="ServiceFrom">DTM*232, claim statement period start.</param>
/// <param name="ServiceTo">DTM*233, claim statement period end.</param>
/// <param name="Adjustments">Claim-level CAS (those before the first SVC), one per reason/amount triple.</param>
/// <param name="Lines">The service lines (loop 2110, SVC) in file order.</param>
/// <param name="Segment">1-based number of the CLP segment in the file (ISA is segment 1).</param>
public sealed record RemittanceClaim(
    string ClaimId,
    string StatusCode,
    Money Charge,
    Money Paid,
    Money? PatientResponsibility,
    string? PayerClaimControlNumber,
    LocalDate? ServiceFrom,
    LocalDate? ServiceTo,
    IReadOnlyList<CasAdjustment> Adjustments,
    IReadOnlyList<RemittanceLine> Lines,
    int Segment)
{
    /// <summary>CLP02 = 22: this claim takes back an earlier payment (its amounts are negative); the corrected claim,
    /// if any, is a separate claim, usually the next one.</summary>
    public bool IsReversal => StatusCode == "22";

    /// <summary>CLP02 = 4: the payer denied the claim.</summary>
    public bool IsDenied => StatusCode == "4";
}

/// <summary>One service line of a claim (loop 2110, SVC), as adjudicated.</summary>
/// <param name="LineId">REF*6R: the provider's line item control number, which ties the line to the submitted line.</param>
/// <param name="ProcedureQualifier">SVC01-1: HC (HCPCS/CPT), NU (revenue code), N4 (NDC), AD, ER, HP, IV, N6, UI or WK.</param>
/// <param name="Code">SVC01-2 when the qualifier is HC; the default (empty) code for every other qualifier, whose code
/// is in <see cref="ProcedureCode"/>.</param>
/// <param name="Modifiers">SVC01-3 to SVC01-6.</param>
/// <param name="Charge">SVC02: the line's submitted charge.</param>
/// <param name="Paid">SVC03: the amount paid on the line.</param>
/// <param name="Units">SVC05: units of service paid; 1 when blank.</param>
/// <param name="ServiceDate">DTM*472 (or DTM*150, period start); when the line has neither, the claim's
/// <see cref="RemittanceClaim.ServiceFrom"/>.</param>
/// <param name="Allowed">AMT*B6: the allowed amount.</param>
/// <param name="Adjustments">The line's CAS, one per reason/amount triple.</param>
/// <param name="Segment">1-based number of the SVC segment in the file.</param>
public sealed record RemittanceLine(
    string? LineId,
    string ProcedureQualifier,
    HcpcsCode Code,
    ModifierList Modifiers,
    Money Charge,
    Money Paid,
    int Units,
    LocalDate? ServiceDate,
    Money? Allowed,
    IReadOnlyList<CasAdjustment> Adjustments,
    int Segment)
{
    /// <summary>SVC01-2 as sent, whatever the qualifier (a HCPCS code, a revenue code such as 0450, an NDC...).</summary>
    public string ProcedureCode { get; init; } = Code.ToString();

    /// <summary>The sum of the line's PR (patient responsibility) adjustments: deductible, coinsurance, copay...</summary>
    public Money PatientResponsibility
    {
        get
        {
            var total = Money.Zero;
            foreach (var adjustment in Adjustments)
                if (adjustment.Group == "PR") total += adjustment.Amount;
            return total;
        }
    }
}

/// <summary>
/// One reason of a CAS segment: a CAS carries up to six reason/amount/quantity triples, each becomes one of these.
/// </summary>
/// <param name="Group">CAS01: CO contractual, PR patient responsibility, OA other, PI payer initiated, CR correction.</param>
/// <param name="Reason">The claim adjustment reason code (CARC), e.g. 45 (charge exceeds fee schedule), 1 (deductible).</param>
/// <param name="Amount">The adjustment amount; positive reduces payment, negative increases it.</param>
/// <param name="Quantity">The units adjusted, when sent.</param>
public sealed record CasAdjustment(string Group, string Reason, Money Amount, decimal? Quantity);
