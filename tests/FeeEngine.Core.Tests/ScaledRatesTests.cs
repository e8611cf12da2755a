using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Tests;

/// <summary>Whole cents read from a decimal's bits: the conversion every claim result goes through.</summary>
public class ScaledRatesTests
{
    [Theory]
    [InlineData("101.06", 10106)]
    [InlineData("101.1", 10110)]
    [InlineData("101", 10100)]
    [InlineData("0.1000", 10)]
    [InlineData("0", 0)]
    public void Whole_cents_are_read_exactly(string text, long cents)
    {
        ScaledRates.TryToCents(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), out var result).Should().BeTrue();
        result.Should().Be(cents);
    }

    [Fact]
    public void Negative_zero_from_decimal_arithmetic_is_zero_cents()
    {
        var negativeZero = -0.00m * 1m;
        ScaledRates.TryToCents(negativeZero, out var cents).Should().BeTrue();
        cents.Should().Be(0);
    }

    [Theory]
    [InlineData("0.005")]
    [InlineData("-1.00")]
    public void Fractions_of_a_cent_and_negative_amounts_are_not_whole_cents(string text) =>
        ScaledRates.TryToCents(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), out _).Should().BeFalse();
}
