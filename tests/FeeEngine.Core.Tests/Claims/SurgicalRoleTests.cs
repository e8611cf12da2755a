using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Who performed the service (reference section 4): co-surgeons (62) 62.5% each when CO-SURG is 1 or 2; an assistant
/// at surgery (80/81/82) 16% and a non-physician assistant (AS) 85% of 16% = 13.6%, when ASST SURG is 0 or 2;
/// non-physician practitioners (NP, PA, CNS) billing under their own number 85%. Otherwise not payable, naming the
/// indicator. Alabama, POS 22 unless stated, CF 32.3465.
/// </summary>
public sealed class SurgicalRoleTests
{
    // 27447 facility: 19.60 + 15.30x0.869 + 3.98x0.575 = 35.1842; x 32.3465 = 1138.0857 -> 1138.09 (CO-SURG 1, ASST SURG 2)
    [Fact]
    public void Co_surgeon_with_CO_SURG_indicator_1_is_paid_62_5_percent()
    {
        var price = Price(Claim(("1", "27447", "62")));

        price.AllowedOf("1").Should().Be(711.31m); // 1138.09 x 62.5% = 711.30625 -> 711.31
        price.LineById("1").AdjustmentsText.Should().Be("co_surgeon:62.5%");
    }

    // 15756 facility (CO-SURG 2): 36.94 + 25.52x0.869 + 6.00x0.575 = 36.94 + 22.17688 + 3.45 = 62.56688; x 32.3465 = 2023.8196 -> 2023.82
    [Fact]
    public void Co_surgeon_with_CO_SURG_indicator_2_is_paid_62_5_percent()
    {
        var price = Price(Claim(("1", "15756", "62")));

        price.AllowedOf("1").Should().Be(1264.89m); // 2023.82 x 62.5% = 1264.8875 -> 1264.89
    }

    [Fact]
    public void Co_surgeon_with_CO_SURG_indicator_0_is_not_payable_and_names_the_indicator()
    {
        var price = Price(Claim(("1", "11042", "62")));

        var line = price.LineById("1");
        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Allowed.Should().BeNull();
        line.Message.Should().Contain("CO-SURG indicator is 0");
    }

    [Fact]
    public void Assistant_at_surgery_80_is_paid_16_percent()
    {
        var price = Price(Claim(("1", "27447", "80")));

        price.AllowedOf("1").Should().Be(182.09m); // 1138.09 x 16% = 182.0944 -> 182.09
        price.LineById("1").AdjustmentsText.Should().Be("assistant:16%");
    }

    [Fact]
    public void Non_physician_assistant_AS_is_paid_13_6_percent()
    {
        var price = Price(Claim(("1", "27447", "AS")));

        price.AllowedOf("1").Should().Be(154.78m); // 1138.09 x 13.6% = 154.78024 -> 154.78
        price.LineById("1").AdjustmentsText.Should().Be("assistant:13.6%");
    }

    [Fact]
    public void Assistant_at_surgery_with_ASST_SURG_indicator_1_is_not_payable_and_names_the_indicator()
    {
        var price = Price(Claim(("1", "11042", "80")));

        var line = price.LineById("1");
        line.Outcome.Should().Be(PricingOutcome.NotPayable);
        line.Message.Should().Contain("ASST SURG indicator is 1");
    }

    // 99213 non-facility (POS 11): 1.30 + 1.35x0.869 + 0.10x0.575 = 1.30 + 1.17315 + 0.0575 = 2.53065; x 32.3465 = 81.8577 -> 81.86
    [Theory]
    [InlineData(ProviderType.NursePractitioner)]
    [InlineData(ProviderType.PhysicianAssistant)]
    [InlineData(ProviderType.ClinicalNurseSpecialist)]
    public void Non_physician_practitioner_billing_under_their_own_number_is_paid_85_percent(ProviderType provider)
    {
        var price = Price(Claim(Line("1", "99213", pos: "11", provider: provider)));

        price.AllowedOf("1").Should().Be(69.58m); // 81.86 x 85% = 69.581 -> 69.58
        price.LineById("1").AdjustmentsText.Should().Be("npp:85%");
    }

    [Fact]
    public void AS_billed_by_a_PA_is_paid_13_6_percent_without_a_second_85_percent_reduction()
    {
        // 13.6% already is 85% of 16%: the NPP share is not applied again (13.6% x 85% would be 131.56).
        var price = Price(Claim(Line("1", "27447", "AS", provider: ProviderType.PhysicianAssistant)));

        price.AllowedOf("1").Should().Be(154.78m);
        price.LineById("1").AdjustmentsText.Should().Be("assistant:13.6%");
    }

    [Fact]
    public void A_surgery_billed_by_a_nurse_practitioner_is_paid_85_percent()
    {
        var price = Price(Claim(Line("1", "27447", provider: ProviderType.NursePractitioner)));

        price.AllowedOf("1").Should().Be(967.38m); // 1138.09 x 85% = 967.3765 -> 967.38
    }
}
