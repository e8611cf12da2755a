using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>
/// Whether the 1.0 work GPCI floor applies is dated data: inside a floor period the "with 1.0 floor" work GPCI is
/// used, outside it the "without floor" value where the GPCI file carries one.
/// </summary>
public class WorkGpciFloorTests
{
    /// <summary>A locality with a work GPCI of 0.974 without the floor, 1.000 with it (PE and MP of Alabama).</summary>
    private static readonly GpciRecord BelowFloor = Gpci(Alabama, "AL", "TEST BELOW FLOOR", 1.000m, 0.869m, 0.575m, workWithoutFloor: 0.974m);

    private static PfsCatalog Catalog2026(GpciRecord gpci) =>
        new([new PfsRelease("TEST26", new LocalDate(2026, 1, 1), null, RvuRecords, [gpci])]);

    private static WorkGpciFloorPolicy FloorThrough2025() =>
        new([new WorkGpciFloorPeriod(Date("2019-01-01"), Date("2025-12-31"), "test: floor ends with 2025")]);

    [Fact]
    public void Inside_a_floor_period_the_work_GPCI_with_the_floor_is_used()
    {
        var price = Pricer(Catalog2026(BelowFloor), FloorThrough2026()).Price(Line("99213", "", Alabama, "11", "2026-03-01"));

        price.WorkGpci.Should().Be(1.000m);
        price.FloorPeriod.Should().NotBeNull();
        price.Allowed.Amount.Should().Be(84.53m);
        price.Explain().Steps.Should().Contain(s => s.StartsWith("Work GPCI with the 1.0 floor: the floor applies on this date (2019-01-01..2026-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_every_floor_period_the_work_GPCI_without_the_floor_is_used()
    {
        var price = Pricer(Catalog2026(BelowFloor), FloorThrough2025()).Price(Line("99213", "", Alabama, "11", "2026-03-01"));

        price.WorkGpci.Should().Be(0.974m);
        price.FloorPeriod.Should().BeNull();
        price.PfsUnitAmountUnrounded.Should().Be(83.397037165m);
        price.Allowed.Amount.Should().Be(83.40m);
        price.Explain().Steps.Should().Contain("Work GPCI without the 1.0 floor: no floor period covers this date.");
        price.Explain().WorkGpci.Should().Be(0.974m);
    }

    [Fact]
    public void Outside_a_floor_period_a_file_with_only_the_floored_column_uses_it_and_says_so()
    {
        var floorless = Gpci(Alabama, "AL", "ALABAMA", 1.000m, 0.869m, 0.575m);

        var price = Pricer(Catalog2026(floorless), FloorThrough2025()).Price(Line("99213", "", Alabama, "11", "2026-03-01"));

        price.WorkGpci.Should().Be(1.000m);
        price.Explain().Steps.Should().Contain(s => s.Contains("carries only the floored value", StringComparison.Ordinal));
    }

    [Fact]
    public void Floor_policy_finds_the_period_covering_a_date_inclusive_at_both_ends()
    {
        var policy = new WorkGpciFloorPolicy(
        [
            new WorkGpciFloorPeriod(Date("2025-10-01"), Date("2026-01-30"), "H.R. 5371"),
            new WorkGpciFloorPeriod(Date("2019-01-01"), Date("2025-09-30"), "BBA 2018"),
        ]);

        policy.FindOrNull(Date("2025-09-30"))!.Authority.Should().Be("BBA 2018");
        policy.FindOrNull(Date("2025-10-01"))!.Authority.Should().Be("H.R. 5371");
        policy.FindOrNull(Date("2026-01-30"))!.Authority.Should().Be("H.R. 5371");
        policy.FindOrNull(Date("2026-01-31")).Should().BeNull();
        policy.Periods[0].Authority.Should().Be("BBA 2018");
    }
}
