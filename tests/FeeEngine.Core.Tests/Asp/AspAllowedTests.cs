using FeeEngine.Core.Asp;
using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Core.Tests.Asp;

/// <summary>Part B drugs: allowed = payment limit per billing unit x units, rounded once to the cent (issue 7).</summary>
public sealed class AspAllowedTests
{
    private static AspRate Rate(decimal limit) => new(HcpcsCode.Parse("J9035"), "10 MG", limit, 20m);

    [Theory]
    [InlineData("64.328", 3, "192.98")]    // 192.984
    [InlineData("0.123", 5, "0.62")]       // 0.615: a tie, away from zero (banker's rounding would give 0.62 too)
    [InlineData("0.125", 1, "0.13")]       // 0.125: a tie, away from zero (banker's rounding would give 0.12)
    [InlineData("0.125", 2, "0.25")]
    [InlineData("1214.56", 1, "1214.56")]
    public void Allowed_is_the_payment_limit_times_units_rounded_once_half_away_from_zero(string limit, int units, string allowed) =>
        AspSchedule.Allowed(Rate(decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture)), units).ToString().Should().Be(allowed);

    [Fact]
    public void Rounding_happens_once_on_the_total_not_per_unit()
    {
        // 0.125 per unit rounded first would be 0.13 x 10 = 1.30; the total 1.25 is the payment.
        AspSchedule.Allowed(Rate(0.125m), 10).Should().Be(new Money.Money(1.25m));
    }

    [Fact]
    public void A_quarter_is_named_by_its_first_month_and_ends_on_the_quarters_last_day()
    {
        AspSchedule.Quarter(2026, 7).Should().Be(("ASP 2026 Q3", new LocalDate(2026, 7, 1), new LocalDate(2026, 9, 30)));
        var act = () => AspSchedule.Quarter(2026, 2);
        act.Should().Throw<ArgumentException>();
        var zero = () => AspSchedule.Allowed(Rate(1m), 0);
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_schedule_finds_a_code_and_covers_its_quarter_only()
    {
        var q1 = new AspSchedule("ASP 2026 Q1", new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), [Rate(64.328m)]);

        q1.FindOrNull(HcpcsCode.Parse("J9035"))!.PaymentLimit.Should().Be(64.328m);
        q1.FindOrNull(HcpcsCode.Parse("J0129")).Should().BeNull();
        (q1.Covers(new LocalDate(2026, 3, 31)), q1.Covers(new LocalDate(2026, 4, 1))).Should().Be((true, false));
    }
}
