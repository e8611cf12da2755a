using FeeEngine.Core.Claims;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// From allowed amount to payment (reference section 7): Medicare pays from the lesser of the billed charge and the
/// allowed amount; the Part B deductible comes first (taken in line-id order), then 20% coinsurance; Medicare's share
/// loses 2% to sequestration. Each figure rounded to cents, half away from zero. POS 11, Alabama.
/// </summary>
public sealed class CostSharingTests
{
    // 99213 non-facility: 2.53065 x 32.3465 = 81.8577 -> 81.86
    // 99214 non-facility: 1.92 + 1.80x0.869 + 0.15x0.575 = 1.92 + 1.5642 + 0.08625 = 3.57045; x 32.3465 = 115.4923 -> 115.49
    [Fact]
    public void When_the_charge_is_below_the_allowed_amount_Then_Medicare_pays_from_the_charge_and_Allowed_is_unchanged()
    {
        var line = Price(Claim(Line("1", "99213", pos: "11", charge: 50.00m))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(81.86m);
        line.LesserOfBilled!.Value.Amount.Should().Be(50.00m);
        line.Coinsurance!.Value.Amount.Should().Be(10.00m); // 20% of 50.00
    }

    [Fact]
    public void When_the_charge_is_above_the_allowed_amount_Then_Medicare_pays_from_the_allowed_amount()
    {
        var line = Price(Claim(Line("1", "99213", pos: "11", charge: 200.00m))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(81.86m);
        line.LesserOfBilled!.Value.Amount.Should().Be(81.86m);
    }

    [Fact]
    public void When_100_dollars_is_paid_from_with_50_dollars_of_deductible_left_Then_the_patient_pays_60_and_Medicare_39_20()
    {
        // 99214 (115.49) billed at 100.00: lesser-of 100.00. Deductible 50.00; coinsurance 20% x 50.00 = 10.00;
        // patient 60.00; Medicare 40.00 before sequestration, less 2% = 0.80, pays 39.20.
        var line = Price(ClaimWithDeductible(50.00m, Line("1", "99214", pos: "11", charge: 100.00m))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(115.49m);
        line.LesserOfBilled!.Value.Amount.Should().Be(100.00m);
        line.Deductible!.Value.Amount.Should().Be(50.00m);
        line.Coinsurance!.Value.Amount.Should().Be(10.00m);
        line.PatientShare!.Value.Amount.Should().Be(60.00m);
        line.PaymentBeforeSequestration!.Value.Amount.Should().Be(40.00m);
        line.Sequestration!.Value.Amount.Should().Be(0.80m);
        line.MedicarePayment!.Value.Amount.Should().Be(39.20m);
    }

    [Fact]
    public void When_the_deductible_is_met_Then_the_patient_pays_20_percent_and_Medicare_80_percent_less_2_percent()
    {
        // 81.86: coinsurance 16.372 -> 16.37; Medicare 65.49; sequestration 1.3098 -> 1.31; pays 64.18.
        var line = Price(Claim(Line("1", "99213", pos: "11"))).LineById("1");

        line.Deductible!.Value.Amount.Should().Be(0m);
        line.Coinsurance!.Value.Amount.Should().Be(16.37m);
        line.PaymentBeforeSequestration!.Value.Amount.Should().Be(65.49m);
        line.Sequestration!.Value.Amount.Should().Be(1.31m);
        line.MedicarePayment!.Value.Amount.Should().Be(64.18m);
    }

    [Fact]
    public void Deductible_is_taken_in_line_id_order_not_file_order()
    {
        // Line 10 (99213, 81.86) comes first in the file, line 9 (99214, 115.49) second; 150.00 of deductible left.
        // Line 9 first: deductible 115.49, nothing left to share, Medicare 0.00.
        // Line 10: deductible 150.00 - 115.49 = 34.51; coinsurance 20% x (81.86 - 34.51 = 47.35) = 9.47;
        //   patient 43.98; Medicare 81.86 - 34.51 - 9.47 = 37.88; sequestration 0.7576 -> 0.76; pays 37.12.
        var price = Price(ClaimWithDeductible(150.00m, Line("10", "99213", pos: "11"), Line("9", "99214", pos: "11")));

        var nine = price.LineById("9");
        nine.Deductible!.Value.Amount.Should().Be(115.49m);
        nine.Coinsurance!.Value.Amount.Should().Be(0.00m);
        nine.MedicarePayment!.Value.Amount.Should().Be(0.00m);

        var ten = price.LineById("10");
        ten.Deductible!.Value.Amount.Should().Be(34.51m);
        ten.Coinsurance!.Value.Amount.Should().Be(9.47m);
        ten.PatientShare!.Value.Amount.Should().Be(43.98m);
        ten.PaymentBeforeSequestration!.Value.Amount.Should().Be(37.88m);
        ten.Sequestration!.Value.Amount.Should().Be(0.76m);
        ten.MedicarePayment!.Value.Amount.Should().Be(37.12m);
    }
}
