using CsCheck;
using FeeEngine.Core.Contracts;

namespace FeeEngine.Core.Tests.Contracts;

/// <summary>The whole-number percentage path gives exactly what decimal arithmetic gives, rounding half away from zero.</summary>
public sealed class PercentArithmeticTests
{
    private static ContractTerm Term(decimal percent) => new("t", CodeScope.All, TermMethod.PercentOfMedicare, percent);

    [Theory]
    [InlineData(118, 8186, 9659)]        // 96.5948 -> 96.59
    [InlineData(125, 8186, 10233)]       // 102.325 -> 102.33: the half goes up
    [InlineData(110.5, 1, 1)]            // 0.01105 -> 0.01
    [InlineData(50, 1, 1)]               // 0.005 -> 0.01
    [InlineData(33.3333, 300, 100)]      // 99.9999 cents -> 1.00
    [InlineData(100.00005, 100, 100)]    // more than 4 decimals: the decimal path
    public void A_percentage_of_cents_rounds_once_half_away_from_zero(decimal percent, long cents, long expected)
    {
        Term(percent).PercentOfCents(cents).Should().Be(expected);
    }

    [Fact]
    public void The_whole_number_path_equals_decimal_arithmetic_for_any_amount_and_percentage()
    {
        Gen.Select(Gen.Long[0, 99_999_999_999], Gen.Int[1, 10_000_000], Gen.Int[0, 4])
            .Sample((cents, raw, decimals) =>
            {
                var percent = raw / (decimal)Math.Pow(10, decimals) % 1000m + 0.0001m;
                var expected = (long)decimal.Round(cents * percent / 100m, 0, MidpointRounding.AwayFromZero);
                return Term(percent).PercentOfCents(cents) == expected;
            }, iter: 20_000);
    }
}
