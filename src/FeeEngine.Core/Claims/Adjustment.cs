namespace FeeEngine.Core.Claims;

/// <summary>
/// One payment-policy step applied to a line, written <c>policy:detail</c> as the price-file output shows it,
/// e.g. <c>mult_proc:rank2:50%</c>, <c>bilateral:150%</c>, <c>therapy:2_units:50%PE</c>.
/// </summary>
public readonly struct Adjustment(string policy, string detail, Func<string> explanation)
{
    public string Policy { get; } = policy;
    public string Detail { get; } = detail;

    /// <summary>The step in words. Built when asked for: batch pricing writes only <see cref="ToString"/>.</summary>
    public string Explanation => explanation();

    public override string ToString() => $"{Policy}:{Detail}";
}
