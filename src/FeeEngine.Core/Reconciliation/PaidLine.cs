using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Reconciliation;

/// <summary>
/// One service line as a payer paid it (an 835 SVC loop, or a row of a paid-lines CSV).
/// </summary>
/// <param name="LineId">The provider's line number or line item control number, when the payer returned it.</param>
/// <param name="PayerAllowed">The payer's allowed amount (835 AMT*B6), when given.</param>
/// <param name="PatientResponsibility">What the payer assigned to the patient (835 CAS group PR), when known.</param>
/// <param name="AdjustmentCodes">Adjustment group and reason codes as the payer sent them, separated by spaces, e.g.
/// "CO-45 PR-2"; empty when none.</param>
/// <param name="Source">Where the line came from, for reports: "remit.835 segment 42" or "paid.csv line 7".</param>
public sealed record PaidLine(
    string ClaimId,
    string? LineId,
    LocalDate DateOfService,
    HcpcsCode Code,
    ModifierList Modifiers,
    int Units,
    Money.Money Paid,
    Money.Money? PayerAllowed,
    Money.Money? PatientResponsibility,
    string AdjustmentCodes,
    string? Payer,
    LineSource Source)
{
    /// <summary>True for a line of a reversed claim (835 claim status 22): it takes back an earlier payment.</summary>
    public bool IsReversal { get; init; }

    /// <summary>What the payer recognised for the line: its allowed amount, else paid plus patient responsibility.</summary>
    public Money.Money Actual => PayerAllowed ?? new Money.Money(Paid.Amount + (PatientResponsibility?.Amount ?? 0m));

    /// <summary>How <see cref="Actual"/> was found, for reports.</summary>
    public string ActualBasis => PayerAllowed is null ? "paid + patient responsibility" : "payer allowed";
}

/// <summary>Where a paid line came from: a file and its line (CSV) or segment (835) number.</summary>
public readonly record struct LineSource(string File, int Number, bool IsSegment = false)
{
    public override string ToString() => $"{File} {(IsSegment ? "segment" : "line")} {Number}";
}
