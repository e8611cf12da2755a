using FeeEngine.Core.Contracts;

namespace FeeEngine.Core.Reconciliation;

/// <summary>What reconciliation concluded about a line.</summary>
public enum VarianceCategory
{
    /// <summary>Paid within tolerance of the expected amount.</summary>
    AsExpected,
    /// <summary>The payer recognised less than expected, beyond tolerance: worth an appeal.</summary>
    Underpaid,
    /// <summary>The payer recognised more than expected, beyond tolerance.</summary>
    Overpaid,
    /// <summary>Nothing paid, with the payer's adjustment reason codes.</summary>
    Denied,
    /// <summary>A reversal (835 claim status 22) of an earlier payment: reported, not compared.</summary>
    Reversal,
    /// <summary>The line matched, but the contract gives no expected amount (unpriced); the reason says why.</summary>
    NoExpected,
    /// <summary>A paid line that matches no billed line.</summary>
    UnmatchedPaid,
    /// <summary>A billed line the payer's file does not mention.</summary>
    NotInRemittance,
}

/// <summary>One line of a reconciliation: the paid line and the expected line it matched (either may be absent).</summary>
public sealed record ReconciledLine
{
    public required VarianceCategory Category { get; init; }
    public PaidLine? Paid { get; init; }
    public ExpectedLinePrice? Expected { get; init; }
    /// <summary>The claim id: the paid line's, else the expected line's claim.</summary>
    public required string ClaimId { get; init; }
    /// <summary>How the paid line was matched, e.g. "claim+line" or "claim+code+date+units (modifiers differ: billed 26:59, paid 26)".</summary>
    public string? MatchRule { get; init; }
    /// <summary>Actual (payer allowed, or paid + patient responsibility) minus expected; null when either is missing.</summary>
    public Money.Money? Variance { get; init; }
    /// <summary>The payer, from the paid line or the run.</summary>
    public string? Payer { get; init; }
    /// <summary>The reason in words (for denials, the adjustment codes; for unpriced lines, why).</summary>
    public string? Note { get; init; }

    public static string Code(VarianceCategory c) => c switch
    {
        VarianceCategory.AsExpected => "as_expected",
        VarianceCategory.Underpaid => "underpaid",
        VarianceCategory.Overpaid => "overpaid",
        VarianceCategory.Denied => "denied",
        VarianceCategory.Reversal => "reversal",
        VarianceCategory.NoExpected => "no_expected",
        VarianceCategory.UnmatchedPaid => "unmatched_paid",
        _ => "not_in_remittance",
    };
}
