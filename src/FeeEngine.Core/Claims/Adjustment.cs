namespace FeeEngine.Core.Claims;

/// <summary>
/// One payment-policy step applied to a line, written <c>policy:detail</c> as the price-file output shows it,
/// e.g. <c>mult_proc:rank2:50%</c>, <c>bilateral:150%</c>, <c>therapy:2_units:50%PE</c>.
/// </summary>
public readonly record struct Adjustment(string Policy, string Detail, string Explanation)
{
    public override string ToString() => $"{Policy}:{Detail}";
}
