using FeeEngine.Core.Claims;
using FeeEngine.Core.Clfs;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests.Routing;

/// <summary>
/// The claim fixture's October 2025 release (which has 80053 and 36415, status X: not paid under the PFS) plus the
/// 87635 row of PPRRVU2025_Oct.csv (status X too; numbers and indicators only), and a Clinical Laboratory Fee Schedule holding rates of
/// CMS's 26CLABQ1 file (80053 10.56 with and without QW, 36415 9.34, 87635 51.31). That schedule is dated for the
/// fixture's quarter (2025-10-01..2025-12-31) so that the routing can be seen beside a loaded PFS release: these
/// tests check how lines are routed and shared, not 2025 lab rates (the real 2026 file is tested in the CLI tests).
/// </summary>
public static class LabRoutingFixture
{
    public const string LabRows = """
        87635,,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        """;

    public static readonly LocalDate QuarterStart = new(2025, 10, 1);

    public static ClfsSchedule Clfs() => new("TESTCLABQ4", QuarterStart, new LocalDate(2025, 12, 31),
    [
        Rate("80053", "", 10.56m),
        Rate("80053", "QW", 10.56m),
        Rate("36415", "", 9.34m),
        Rate("87635", "", 51.31m),
    ]);

    private static ClfsRate Rate(string code, string modifier, decimal rate) =>
        new(HcpcsCode.Parse(code), modifier.Length == 0 ? Modifier.None : Modifier.Parse(modifier), new Money.Money(rate), QuarterStart, "N");

    public static MedicareClaimPricer Pricer(params IOtherSchedule[] others)
    {
        var release = new PfsRelease("RVU25D", Rvu25DEffective, null, [.. Fixtures.Claims2025Fixture.RvuRecords, .. ParseRows(LabRows)], Gpci2025, Fixtures.Claims2025Fixture.Anes2025);
        var catalog = new PfsCatalog([release]);
        return new MedicareClaimPricer(new MedicarePfsPricer(catalog, ConversionFactors(), FloorThrough2026()),
            new FeeEngine.Core.Anesthesia.AnesthesiaPricer(catalog, Fixtures.Claims2025Fixture.BaseUnits), new OtherSchedules(others));
    }

    /// <summary>A pricer with the PFS fixture and the lab schedule above.</summary>
    public static MedicareClaimPricer WithLab { get; } = Pricer(new ClfsRoute([Clfs()]));
}
