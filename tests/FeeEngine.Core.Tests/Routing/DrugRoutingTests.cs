using FeeEngine.Core.Asp;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Routing;

/// <summary>
/// Part B drugs routed to an ASP file (made-up limits for the fixture's quarter): limit x billing units, rounded once;
/// the file's coinsurance percentage replaces the claim's for that drug.
/// </summary>
public sealed class DrugRoutingTests
{
    private static readonly LocalDate Q4 = new(2025, 10, 1);

    private static readonly AspSchedule Asp = new("ASP 2025 Q4", Q4, new LocalDate(2025, 12, 31),
    [
        new AspRate(HcpcsCode.Parse("J1100"), "1 MG", 0.125m, 20m),
        new AspRate(HcpcsCode.Parse("J9271"), "1 MG", 57.812m, 10m),
    ]);

    private static readonly FeeEngine.Core.Claims.MedicareClaimPricer Pricer = LabRoutingFixture.Pricer(new ClfsRoute([LabRoutingFixture.Clfs()]), new AspRoute([Asp]));

    [Fact]
    public void When_J1100_has_status_E_in_the_PFS_Then_the_ASP_file_prices_it_and_the_half_cent_rounds_away_from_zero()
    {
        // 0.125 x 3 = 0.375 -> 0.38.
        var line = Pricer.Price(Claim(Line("1", "J1100", units: 3, pos: "11"))).LineById("1");

        line.Outcome.Should().Be(PricingOutcome.Priced);
        line.Schedule.Should().Be(MedicareSchedule.Asp);
        line.Allowed!.Value.Amount.Should().Be(0.38m);
        line.ExplainSteps()[1].Should().Be("0.125 x 3 billing unit(s) = 0.375 -> 0.38 (rounded once to the cent, half away from zero).");
    }

    [Fact]
    public void When_the_file_gives_a_drug_a_lower_coinsurance_Then_the_patient_pays_that_percentage()
    {
        // J9271 57.812 x 100 = 5,781.20; coinsurance 10% (the file's) = 578.12; Medicare 5,203.08 less 104.0616 -> 104.06 = 5,099.02.
        var line = Pricer.Price(Claim(Line("1", "J9271", units: 100, pos: "11"))).LineById("1");

        line.Allowed!.Value.Amount.Should().Be(5781.20m);
        line.Coinsurance!.Value.Amount.Should().Be(578.12m);
        line.MedicarePayment!.Value.Amount.Should().Be(5099.02m);
    }

    [Fact]
    public void When_a_drug_is_in_no_schedule_Then_each_schedule_tried_is_named_in_order()
    {
        var line = Pricer.Price(Claim(Line("1", "A4216", pos: "11"))).LineById("1");

        line.SchedulesTried.Should().Equal("CLFS: A4216 is not in TESTCLABQ4", "ASP: A4216 is not in ASP 2025 Q4");
    }
}
