using System.Globalization;

namespace FeeEngine.Core.Money;

/// <summary>
/// An amount of US dollars held as a <see cref="decimal"/> at full precision. Rounding is never implicit:
/// call <see cref="RoundToCents"/> with the <see cref="MidpointRounding"/> the payment rule requires.
/// </summary>
public readonly record struct Money(decimal Amount) : IComparable<Money>
{
    public static readonly Money Zero = new(0m);

    /// <summary>Rounds to whole cents. The rule decides the midpoint behaviour, so it must be named.</summary>
    public Money RoundToCents(MidpointRounding mode) => new(decimal.Round(Amount, 2, mode));

    public bool IsWholeCents => decimal.Round(Amount, 2) == Amount;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor);
    public static Money operator *(Money a, int units) => new(a.Amount * units);
    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;
    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public static Money Min(Money a, Money b) => a.Amount <= b.Amount ? a : b;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    /// <summary>Plain invariant text with two decimals, e.g. <c>101.06</c>; full precision is kept if not whole cents.</summary>
    public override string ToString() =>
        IsWholeCents ? Amount.ToString("0.00", CultureInfo.InvariantCulture) : Amount.ToString(CultureInfo.InvariantCulture);
}
