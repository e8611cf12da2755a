namespace FeeEngine.Core.Money;

/// <summary>
/// The rounding rules of the Medicare Physician Fee Schedule, named once so every use is the same.
/// </summary>
public static class PfsRounding
{
    /// <summary>
    /// The fee schedule amount is computed at full precision and rounded once, the final dollar amount, to cents.
    /// Verified against 394 CMS-published Alabama 2025 amounts (all matched). No tie has been seen in CMS data,
    /// so the midpoint rule is open; away-from-zero is the reference's stated default.
    /// </summary>
    public const MidpointRounding Midpoint = MidpointRounding.AwayFromZero;

    public static Money ToCents(Money amount) => amount.RoundToCents(Midpoint);
}
