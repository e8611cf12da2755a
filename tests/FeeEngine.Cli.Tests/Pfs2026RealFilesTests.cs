using FeeEngine.Application.Pricing;
using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// Imports CMS's 2026 files once: RVU26B (April, fixed-width TXT), RVU26C (July, CSV with PRIC IND), GPCI2026, ZIP5
/// January 2026, the first-quarter lab fee schedule (26CLABQ1), the January 2026 DMEPOS and PEN fee schedules, the
/// project's hand-written ASP sample (first quarter 2026; made-up limits, not CMS data); and the sample payer Acme Health (2026: 120% of Medicare).
/// </summary>
public sealed class Cms2026Database : IDisposable
{
    public Cms2026Database()
    {
        Cli = new CliRunner();
        if (RepositoryPaths.CmsData is not { } cms) return;
        ImportResult = Cli.Run("import", "cms", Path.Combine(cms, "2026", "rvu26b"), Path.Combine(cms, "2026", "rvu26c"), Path.Combine(cms, "2026", "zip-jan2026"));
        ClfsImportResult = Cli.Run("import", "clfs", Path.Combine(cms, "2026", "clfs-q1", "CLFS_2026_Q1V1.xlsx"));
        DmeposImportResult = Cli.Run("import", "dmepos", Path.Combine(cms, "2026", "dmepos-jan", "DMEPOS26_JAN.xlsx"), Path.Combine(cms, "2026", "dmepos-jan", "DMEPEN26_JAN.xlsx"));
        AspImportResult = Cli.Run("import", "asp", Path.Combine(RepositoryPaths.Schedules, "asp", "asp-2026-q1-sample.csv"));
        ContractsResult = Cli.Run("contracts", "load", Path.Combine(RepositoryPaths.Schedules, "contracts", "acme-health-ppo.json"));
        var context = new CliContext(TextWriter.Null, TextWriter.Null,
            n => n == "FEEENGINE_SCHEDULES" ? RepositoryPaths.Schedules : null, TimeProvider.System) { DatabasePathOption = Cli.DatabasePath };
        Environment = context.LoadPricing();
    }

    public CliRunner Cli { get; }
    public CliResult? ImportResult { get; }
    public CliResult? ClfsImportResult { get; }
    public CliResult? ContractsResult { get; }
    public CliResult? DmeposImportResult { get; }
    public CliResult? AspImportResult { get; }
    public PricingEnvironment? Environment { get; }

    public void Dispose() => Cli.Dispose();
}

/// <summary>
/// The 2026 Physician Fee Schedule from CMS's own files (issue 7, first part), priced non-facility (POS 11). RVUs
/// (the same in RVU26B and RVU26C for these rows): 99213 work 1.30, NF PE 1.46, MP 0.09; 99214 1.92, 2.00, 0.14;
/// 71046 0.21, 0.76, 0.02; 71046-26 0.21, 0.08, 0.01; 71046-TC 0.00, 0.68, 0.01. GPCI2026 (work with the 1.0 floor,
/// in force through 2026-12-31 under the Consolidated Appropriations Act, 2026; PE; MP): Alabama 10112-00 1.000
/// (0.988 without the floor), 0.875, 0.566; Alaska 02102-01 1.500, 1.065, 0.551; Manhattan 13202-01 1.064, 1.162, 1.586.
/// Conversion factor 33.4009, or 33.5675 for a qualifying APM participant. Each amount rounded once, half away from zero.
/// </summary>
public sealed class Pfs2026RealFilesTests(Cms2026Database db) : IClassFixture<Cms2026Database>
{
    [CmsDataFact]
    public void Every_2026_PFS_file_imports_whole_with_its_row_count()
    {
        db.ImportResult!.ExitCode.Should().Be(0, db.ImportResult.Error);
        var releases = db.Cli.Run("releases").Out;

        releases.Should().Contain("RVU26B: dates of service 2026-04-01..2026-06-30").And.Contain("RVU26C: dates of service 2026-07-01..2026-12-31");
        db.ImportResult.Out.Should().Contain("PPRRVU2026_Apr_nonQPP.txt            19,277 rows")
            .And.Contain("PPRRVU2026_Jul_nonQPP.csv            19,356 rows")
            .And.Contain("GPCI2026.csv                            109 rows")
            .And.Contain("ZIP5_JAN2026.xlsx                    42,956 rows");
    }

    [CmsDataTheory]
    // 99213 Alabama (work GPCI 0.988 floored to 1.000): 1.30 x 1.000 + 1.46 x 0.875 + 0.09 x 0.566 = 2.62844; x 33.4009 = 87.792261596 -> 87.79; x 33.5675 (QP) = 88.230159700 -> 88.23
    [InlineData("99213", "", "10112-00", "2026-04-15", false, "87.79", "RVU26B")]
    [InlineData("99213", "", "10112-00", "2026-04-15", true, "88.23", "RVU26B")]
    [InlineData("99213", "", "10112-00", "2026-07-15", false, "87.79", "RVU26C")]
    [InlineData("99213", "", "10112-00", "2026-07-15", true, "88.23", "RVU26C")]
    // 99213 Alaska: 1.30 x 1.500 + 1.46 x 1.065 + 0.09 x 0.551 = 3.55449; x 33.4009 = 118.723165041 -> 118.72; x 33.5675 (QP) = 119.315343075 -> 119.32
    [InlineData("99213", "", "02102-01", "2026-04-15", false, "118.72", "RVU26B")]
    [InlineData("99213", "", "02102-01", "2026-04-15", true, "119.32", "RVU26B")]
    [InlineData("99213", "", "02102-01", "2026-07-15", false, "118.72", "RVU26C")]
    [InlineData("99213", "", "02102-01", "2026-07-15", true, "119.32", "RVU26C")]
    // 99213 Manhattan: 1.30 x 1.064 + 1.46 x 1.162 + 0.09 x 1.586 = 3.22246; x 33.4009 = 107.633064214 -> 107.63; x 33.5675 (QP) = 108.169926050 -> 108.17
    [InlineData("99213", "", "13202-01", "2026-04-15", false, "107.63", "RVU26B")]
    [InlineData("99213", "", "13202-01", "2026-04-15", true, "108.17", "RVU26B")]
    [InlineData("99213", "", "13202-01", "2026-07-15", false, "107.63", "RVU26C")]
    [InlineData("99213", "", "13202-01", "2026-07-15", true, "108.17", "RVU26C")]
    // 99214 Alabama (work GPCI 0.988 floored to 1.000): 1.92 x 1.000 + 2.00 x 0.875 + 0.14 x 0.566 = 3.74924; x 33.4009 = 125.227990316 -> 125.23; x 33.5675 (QP) = 125.852613700 -> 125.85
    [InlineData("99214", "", "10112-00", "2026-04-15", false, "125.23", "RVU26B")]
    [InlineData("99214", "", "10112-00", "2026-04-15", true, "125.85", "RVU26B")]
    [InlineData("99214", "", "10112-00", "2026-07-15", false, "125.23", "RVU26C")]
    [InlineData("99214", "", "10112-00", "2026-07-15", true, "125.85", "RVU26C")]
    // 99214 Alaska: 1.92 x 1.500 + 2.00 x 1.065 + 0.14 x 0.551 = 5.08714; x 33.4009 = 169.915054426 -> 169.92; x 33.5675 (QP) = 170.762571950 -> 170.76
    [InlineData("99214", "", "02102-01", "2026-04-15", false, "169.92", "RVU26B")]
    [InlineData("99214", "", "02102-01", "2026-04-15", true, "170.76", "RVU26B")]
    [InlineData("99214", "", "02102-01", "2026-07-15", false, "169.92", "RVU26C")]
    [InlineData("99214", "", "02102-01", "2026-07-15", true, "170.76", "RVU26C")]
    // 99214 Manhattan: 1.92 x 1.064 + 2.00 x 1.162 + 0.14 x 1.586 = 4.58892; x 33.4009 = 153.274058028 -> 153.27; x 33.5675 (QP) = 154.038572100 -> 154.04
    [InlineData("99214", "", "13202-01", "2026-04-15", false, "153.27", "RVU26B")]
    [InlineData("99214", "", "13202-01", "2026-04-15", true, "154.04", "RVU26B")]
    [InlineData("99214", "", "13202-01", "2026-07-15", false, "153.27", "RVU26C")]
    [InlineData("99214", "", "13202-01", "2026-07-15", true, "154.04", "RVU26C")]
    // 71046 Alabama (work GPCI 0.988 floored to 1.000): 0.21 x 1.000 + 0.76 x 0.875 + 0.02 x 0.566 = 0.88632; x 33.4009 = 29.603885688 -> 29.60; x 33.5675 (QP) = 29.751546600 -> 29.75
    [InlineData("71046", "", "10112-00", "2026-04-15", false, "29.60", "RVU26B")]
    [InlineData("71046", "", "10112-00", "2026-04-15", true, "29.75", "RVU26B")]
    [InlineData("71046", "", "10112-00", "2026-07-15", false, "29.60", "RVU26C")]
    [InlineData("71046", "", "10112-00", "2026-07-15", true, "29.75", "RVU26C")]
    // 71046 Alaska: 0.21 x 1.500 + 0.76 x 1.065 + 0.02 x 0.551 = 1.13542; x 33.4009 = 37.924049878 -> 37.92; x 33.5675 (QP) = 38.113210850 -> 38.11
    [InlineData("71046", "", "02102-01", "2026-04-15", false, "37.92", "RVU26B")]
    [InlineData("71046", "", "02102-01", "2026-04-15", true, "38.11", "RVU26B")]
    [InlineData("71046", "", "02102-01", "2026-07-15", false, "37.92", "RVU26C")]
    [InlineData("71046", "", "02102-01", "2026-07-15", true, "38.11", "RVU26C")]
    // 71046 Manhattan: 0.21 x 1.064 + 0.76 x 1.162 + 0.02 x 1.586 = 1.13828; x 33.4009 = 38.019576452 -> 38.02; x 33.5675 (QP) = 38.209213900 -> 38.21
    [InlineData("71046", "", "13202-01", "2026-04-15", false, "38.02", "RVU26B")]
    [InlineData("71046", "", "13202-01", "2026-04-15", true, "38.21", "RVU26B")]
    [InlineData("71046", "", "13202-01", "2026-07-15", false, "38.02", "RVU26C")]
    [InlineData("71046", "", "13202-01", "2026-07-15", true, "38.21", "RVU26C")]
    // 71046-26 Alabama (work GPCI 0.988 floored to 1.000): 0.21 x 1.000 + 0.08 x 0.875 + 0.01 x 0.566 = 0.28566; x 33.4009 = 9.541301094 -> 9.54; x 33.5675 (QP) = 9.588892050 -> 9.59
    [InlineData("71046", "26", "10112-00", "2026-04-15", false, "9.54", "RVU26B")]
    [InlineData("71046", "26", "10112-00", "2026-04-15", true, "9.59", "RVU26B")]
    [InlineData("71046", "26", "10112-00", "2026-07-15", false, "9.54", "RVU26C")]
    [InlineData("71046", "26", "10112-00", "2026-07-15", true, "9.59", "RVU26C")]
    // 71046-26 Alaska: 0.21 x 1.500 + 0.08 x 1.065 + 0.01 x 0.551 = 0.40571; x 33.4009 = 13.551079139 -> 13.55; x 33.5675 (QP) = 13.618670425 -> 13.62
    [InlineData("71046", "26", "02102-01", "2026-04-15", false, "13.55", "RVU26B")]
    [InlineData("71046", "26", "02102-01", "2026-04-15", true, "13.62", "RVU26B")]
    [InlineData("71046", "26", "02102-01", "2026-07-15", false, "13.55", "RVU26C")]
    [InlineData("71046", "26", "02102-01", "2026-07-15", true, "13.62", "RVU26C")]
    // 71046-26 Manhattan: 0.21 x 1.064 + 0.08 x 1.162 + 0.01 x 1.586 = 0.33226; x 33.4009 = 11.097783034 -> 11.10; x 33.5675 (QP) = 11.153137550 -> 11.15
    [InlineData("71046", "26", "13202-01", "2026-04-15", false, "11.10", "RVU26B")]
    [InlineData("71046", "26", "13202-01", "2026-04-15", true, "11.15", "RVU26B")]
    [InlineData("71046", "26", "13202-01", "2026-07-15", false, "11.10", "RVU26C")]
    [InlineData("71046", "26", "13202-01", "2026-07-15", true, "11.15", "RVU26C")]
    // 71046-TC Alabama (work GPCI 0.988 floored to 1.000): 0.00 x 1.000 + 0.68 x 0.875 + 0.01 x 0.566 = 0.60066; x 33.4009 = 20.062584594 -> 20.06; x 33.5675 (QP) = 20.162654550 -> 20.16
    [InlineData("71046", "TC", "10112-00", "2026-04-15", false, "20.06", "RVU26B")]
    [InlineData("71046", "TC", "10112-00", "2026-04-15", true, "20.16", "RVU26B")]
    [InlineData("71046", "TC", "10112-00", "2026-07-15", false, "20.06", "RVU26C")]
    [InlineData("71046", "TC", "10112-00", "2026-07-15", true, "20.16", "RVU26C")]
    // 71046-TC Alaska: 0.00 x 1.500 + 0.68 x 1.065 + 0.01 x 0.551 = 0.72971; x 33.4009 = 24.372970739 -> 24.37; x 33.5675 (QP) = 24.494540425 -> 24.49
    [InlineData("71046", "TC", "02102-01", "2026-04-15", false, "24.37", "RVU26B")]
    [InlineData("71046", "TC", "02102-01", "2026-04-15", true, "24.49", "RVU26B")]
    [InlineData("71046", "TC", "02102-01", "2026-07-15", false, "24.37", "RVU26C")]
    [InlineData("71046", "TC", "02102-01", "2026-07-15", true, "24.49", "RVU26C")]
    // 71046-TC Manhattan: 0.00 x 1.064 + 0.68 x 1.162 + 0.01 x 1.586 = 0.80602; x 33.4009 = 26.921793418 -> 26.92; x 33.5675 (QP) = 27.056076350 -> 27.06
    [InlineData("71046", "TC", "13202-01", "2026-04-15", false, "26.92", "RVU26B")]
    [InlineData("71046", "TC", "13202-01", "2026-04-15", true, "27.06", "RVU26B")]
    [InlineData("71046", "TC", "13202-01", "2026-07-15", false, "26.92", "RVU26C")]
    [InlineData("71046", "TC", "13202-01", "2026-07-15", true, "27.06", "RVU26C")]
    public void A_2026_amount_equals_the_hand_computation(string code, string modifier, string locality, string date, bool qp, string expected, string release)
    {
        var line = new PfsLine(HcpcsCode.Parse(code), modifier.Length == 0 ? default : new ModifierList(Modifier.Parse(modifier)), LocalityId.Parse(locality),
            PlaceOfService.Parse("11"), EffectivePeriod.ParseIso(date), Qp: qp ? QpStatus.Qualifying : QpStatus.NonQualifying);

        var price = db.Environment!.Pricer.Price(line);

        price.IsPriced.Should().BeTrue(price.Message);
        price.Allowed.ToString().Should().Be(expected);
        price.RvuRelease!.Id.Should().Be(release);
    }
}
