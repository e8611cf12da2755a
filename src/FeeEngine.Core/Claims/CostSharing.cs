namespace FeeEngine.Core.Claims;

/// <summary>
/// Splits allowed amounts between the patient and Medicare: the Part B deductible first, then coinsurance
/// (default 20%) on the rest; Medicare's payment then loses 2% to sequestration (Budget Control Act of 2011).
/// Each figure is rounded to cents, half away from zero. Example: $100 allowed with $50 deductible left:
/// patient 50 + 10 = 60, Medicare 40.00 less 0.80 = 39.20.
/// </summary>
public static class CostSharing
{
    public const decimal SequestrationRate = 0.02m;

    public readonly record struct Split(Money.Money Deductible, Money.Money Coinsurance, Money.Money BeforeSequestration, Money.Money Sequestration)
    {
        public Money.Money PatientShare => Deductible + Coinsurance;
        public Money.Money Payment => BeforeSequestration - Sequestration;
    }

    /// <summary>Splits one line's amount, taking what it needs from <paramref name="deductibleRemaining"/>.</summary>
    public static Split Apply(Money.Money amount, ref decimal deductibleRemaining, decimal coinsuranceRate)
    {
        var deductible = Math.Min(Math.Max(deductibleRemaining, 0m), amount.Amount);
        deductibleRemaining -= deductible;
        if (deductible == 0m && coinsuranceRate == DefaultCoinsurance && Pfs.ScaledRates.TryToCents(amount.Amount, out var cents) && cents < MaxFastCents)
        {
            var (coins, net, seq) = SplitWholeCents(cents);
            return new Split(FromCents(0), FromCents(coins), FromCents(net), FromCents(seq));
        }
        var coinsurance = Money.PfsRounding.ToCents(new Money.Money((amount.Amount - deductible) * coinsuranceRate));
        var before = amount - new Money.Money(deductible) - coinsurance;
        var sequestration = Money.PfsRounding.ToCents(before * SequestrationRate);
        return new Split(new Money.Money(deductible), coinsurance, before, sequestration);
    }

    /// <summary>Part B coinsurance for PFS services.</summary>
    public const decimal DefaultCoinsurance = 0.20m;
    private const long MaxFastCents = 100_000_000_000; // a billion dollars: far from overflowing cents x 20

    /// <summary>
    /// The common case (no deductible, 20% coinsurance) in whole cents: the same half-away-from-zero rounding of
    /// 20% and 2% as the decimal path, without decimal arithmetic.
    /// </summary>
    internal static (long Coinsurance, long BeforeSequestration, long Sequestration) SplitWholeCents(long cents)
    {
        var coinsurance = ((cents * 20) + 50) / 100;
        var before = cents - coinsurance;
        var sequestration = ((before * 2) + 50) / 100;
        return (coinsurance, before, sequestration);
    }

    private static Money.Money FromCents(long cents) => new(Pfs.ScaledRates.CentsToDecimal(cents));
}
