using System.Globalization;

namespace FeeEngine.Core.Reconciliation;

/// <summary>
/// How far a payer's amount may differ from the expected amount before it is flagged: a line is an underpayment (or
/// overpayment) only when the difference exceeds both <see cref="Dollars"/> and <see cref="Percent"/> of the
/// expected amount. Small differences (a cent of rounding, a payer's own rounding) are not worth an appeal.
/// </summary>
public readonly record struct Tolerance
{
    public Tolerance(decimal dollars, decimal percent)
    {
        if (dollars < 0m) throw new ArgumentException($"The dollar tolerance {dollars} is negative.", nameof(dollars));
        if (percent is < 0m or > 100m) throw new ArgumentException($"The percentage tolerance {percent} is outside 0..100.", nameof(percent));
        Dollars = dollars;
        Percent = percent;
    }

    /// <summary>$1.00 and 2%.</summary>
    public static Tolerance Default { get; } = new(1.00m, 2m);

    public decimal Dollars { get; }
    public decimal Percent { get; }

    /// <summary>True when <paramref name="difference"/> (positive) is beyond both limits for <paramref name="expected"/>.</summary>
    public bool IsExceededBy(decimal difference, decimal expected) =>
        difference > Dollars && difference > Math.Abs(expected) * Percent / 100m;

    public override string ToString() =>
        $"${Dollars.ToString("0.00", CultureInfo.InvariantCulture)} and {Percent.ToString("0.##", CultureInfo.InvariantCulture)}%";
}
