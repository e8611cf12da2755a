using System.Globalization;
using FeeEngine.Application.Pricing;
using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>Imports every real CMS release once (2024 A, AR, B, C; 2025 A, D; ZIP5 Oct 2025) for the tests below.</summary>
public sealed class RealCmsDatabase : IDisposable
{
    public RealCmsDatabase()
    {
        Cli = new CliRunner();
        if (RepositoryPaths.CmsData is not { } cms) return;
        ImportResult = Cli.Run("import", "cms", Path.Combine(cms, "2024"), Path.Combine(cms, "2025"));
    }

    public CliRunner Cli { get; }
    public CliResult? ImportResult { get; }

    public PricingEnvironment Environment()
    {
        var context = new CliContext(TextWriter.Null, TextWriter.Null,
            n => n == "FEEENGINE_SCHEDULES" ? RepositoryPaths.Schedules : null, TimeProvider.System) { DatabasePathOption = Cli.DatabasePath };
        return context.LoadPricing();
    }

    public void Dispose() => Cli.Dispose();
}

public sealed class RealCmsFilesTests(RealCmsDatabase db) : IClassFixture<RealCmsDatabase>
{
    private static string Cms => RepositoryPaths.CmsData!;

    [CmsDataFact]
    public void Importing_the_real_folders_loads_every_release_with_its_effective_date()
    {
        db.ImportResult!.ExitCode.Should().Be(0, db.ImportResult.Error);
        var releases = db.Cli.Run("releases").Out;

        releases.Should().Contain("RVU24A: dates of service 2024-01-01..2024-03-08")
            .And.Contain("RVU24AR: dates of service 2024-03-09..2024-03-31")
            .And.Contain("RVU24B: dates of service 2024-04-01..2024-06-30")
            .And.Contain("RVU24C: dates of service 2024-07-01..2024-12-31")
            .And.Contain("RVU25A: dates of service 2025-01-01..2025-09-30")
            .And.Contain("RVU25D: dates of service 2025-10-01..2025-12-31")
            .And.Contain("ZIP5-20254");
        db.ImportResult.Out.Should().Contain("19,090 rows");
    }

    [CmsDataFact]
    public void A_line_dated_2024_03_08_is_priced_by_24A_and_one_dated_2024_03_09_by_24AR()
    {
        var before = db.Cli.Run("price", "--hcpcs", "99213", "--locality", "10112-00", "--pos", "11", "--date", "2024-03-08", "--json");
        var after = db.Cli.Run("price", "--hcpcs", "99213", "--locality", "10112-00", "--pos", "11", "--date", "2024-03-09", "--json");

        using var b = System.Text.Json.JsonDocument.Parse(before.Out);
        using var a = System.Text.Json.JsonDocument.Parse(after.Out);
        b.RootElement.GetProperty("rvu_release").GetString().Should().Be("RVU24A");
        b.RootElement.GetProperty("conversion_factor").GetDecimal().Should().Be(32.7442m);
        a.RootElement.GetProperty("rvu_release").GetString().Should().Be("RVU24AR");
        a.RootElement.GetProperty("conversion_factor").GetDecimal().Should().Be(33.2875m);
        // Same RVUs, new CF: the amount moves by exactly the CF ratio before rounding.
        var rvuSum = b.RootElement.GetProperty("pfs_amount_unrounded").GetDecimal() / 32.7442m;
        a.RootElement.GetProperty("allowed").GetDecimal().Should().Be(decimal.Round(rvuSum * 33.2875m, 2, MidpointRounding.AwayFromZero));
    }

    [CmsDataFact]
    public void A_date_no_release_covers_is_an_error_naming_the_loaded_releases()
    {
        var result = db.Cli.Run("price", "--hcpcs", "99213", "--locality", "10112-00", "--pos", "11", "--date", "2026-02-01");

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("No loaded PFS release covers date of service 2026-02-01")
            .And.Contain("RVU25D (2025-10-01..2025-12-31)").And.Contain("RVU24A (2024-01-01..2024-03-08)");
    }

    [CmsDataFact]
    public void The_2025_ZIP_file_prices_a_2024_line_and_says_it_was_used()
    {
        var result = db.Cli.Run("price", "--hcpcs", "99213", "--zip", "35203", "--pos", "11", "--date", "2024-05-01");

        result.ExitCode.Should().Be(0, result.Out);
        result.Out.Should().Contain("10112-00").And.Contain("no ZIP file dated on or before 2024-05-01");
    }

    [CmsDataFact]
    public void Golden_2025_amounts_from_the_full_October_release()
    {
        var env = db.Environment();
        (string Code, string Mod, string Locality, string Pos, decimal Expected)[] cases =
        [
            ("99213", "", "10112-00", "11", 81.86m), ("99213", "", "10112-00", "22", 59.93m),
            ("99213", "", "02102-01", "11", 112.20m), ("99213", "", "13202-01", "11", 101.06m), ("99213", "", "13202-01", "22", 71.64m),
            ("99214", "", "02102-01", "22", 125.05m), ("99214", "", "13202-01", "11", 142.07m),
            ("71046", "26", "02102-01", "11", 13.66m), ("71046", "TC", "13202-01", "11", 26.56m),
            ("88305", "", "13202-01", "11", 78.96m), ("93000", "", "10112-00", "11", 12.62m),
            ("27447", "", "10112-00", "11", 1138.09m), ("10060", "", "10112-00", "22", 95.01m),
        ];
        foreach (var c in cases)
        {
            LineInput.TryBuild("2025-11-15", c.Code, c.Mod, "1", c.Pos, "", c.Locality, QpStatus.NonQualifying, env.Zips, out var line, out _).Should().BeTrue();
            env.Pricer.Price(line).Allowed.Amount.Should().Be(c.Expected, $"{c.Code}-{c.Mod} at {c.Locality} POS {c.Pos}");
        }
    }

    /// <summary>
    /// OPPSCAP_Oct lists, per locality, CMS's price after the OPPS imaging cap. For every row CMS prices (status A),
    /// the engine's facility and non-facility amounts must equal it. CMS lists the California localities 17, 18 and
    /// 71-74 under both California MACs (01112 and 01182) while GPCI2025 and the ZIP file have them only under 01182:
    /// those duplicate rows are checked against the 01182 locality they repeat.
    /// </summary>
    [CmsDataFact]
    public void Every_capped_price_in_OPPSCAP_Oct_is_reproduced_for_its_locality()
    {
        var env = db.Environment();
        var release = new ReleaseStore(FeeEngine.Data.FeeEngineDatabase.Sqlite(db.Cli.DatabasePath), TimeProvider.System)
            .LoadCatalog([2025], includeOppsCaps: true).Releases.Single(r => r.Id == "RVU25D");
        var gpciLocalities = release.Gpcis.Select(g => g.Locality).ToHashSet();
        var date = new NodaTime.LocalDate(2025, 11, 1);
        release.OppsCaps.Count.Should().Be(16100);
        var checkedPrices = 0;
        var mismatches = new List<string>();
        foreach (var cap in release.OppsCaps.Where(c => c.ProcedureStatus == 'A'))
        {
            var locality = cap.Locality;
            if (!gpciLocalities.Contains(locality))
            {
                locality = gpciLocalities.Single(l => l.Number == cap.Locality.Number && l.Mac.StartsWith("011", StringComparison.Ordinal));
            }
            var modifiers = cap.Key.Modifier.IsNone ? default : new ModifierList(cap.Key.Modifier);
            foreach (var (pos, expected) in new[] { ("11", cap.NonFacilityPrice), ("22", cap.FacilityPrice) })
            {
                var price = env.Pricer.Price(new PfsLine(cap.Key.Code, modifiers, locality, PlaceOfService.Parse(pos), date));
                checkedPrices++;
                if (price.Allowed != expected) mismatches.Add($"{cap.Key} {cap.Locality} POS {pos}: engine {price.Allowed}, CMS {expected}");
            }
        }
        mismatches.Should().BeEmpty();
        checkedPrices.Should().Be(13340);
    }

    [CmsDataFact]
    public void Re_importing_a_real_release_adds_nothing()
    {
        var again = db.Cli.Run("import", "cms", Path.Combine(Cms, "2025", "rvu25d"));

        again.ExitCode.Should().Be(0, again.Error);
        again.Out.Should().Contain("already loaded: unchanged").And.NotContain("rows  loaded");
    }

    [CmsDataFact]
    public void A_bad_file_is_rejected_with_file_line_field_and_value_and_nothing_is_stored()
    {
        using var cli = new CliRunner();
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "bad")).FullName;
        var lines = File.ReadAllLines(Path.Combine(Cms, "2025", "rvu25d", "PPRRVU2025_Oct.csv"), System.Text.Encoding.Latin1).ToList();
        var i = lines.FindIndex(l => l.StartsWith("99213,", StringComparison.Ordinal));
        lines[i] = lines[i].Replace(",1.30,", ",1.3O,", StringComparison.Ordinal); // letter O typed for a zero
        File.WriteAllLines(Path.Combine(folder, "PPRRVU2025_Oct.csv"), lines, System.Text.Encoding.Latin1);
        File.Copy(Path.Combine(Cms, "2025", "rvu25d", "GPCI2025.csv"), Path.Combine(folder, "GPCI2025.csv"));

        var result = cli.Run("import", "cms", folder);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("PPRRVU2025_Oct.csv").And.Contain($"line {i + 1}").And.Contain("WORK RVU").And.Contain("1.3O");
        cli.Run("releases").Out.Should().Contain("No PFS release loaded");
    }

    /// <summary>
    /// The pricer's fixed-point fast path must give exactly what the decimal formula gives: checked for every
    /// payable row of the October 2025 release in every locality, facility and non-facility.
    /// </summary>
    [CmsDataFact]
    public void The_fixed_point_fast_path_equals_the_decimal_formula_for_every_code_and_locality()
    {
        var env = db.Environment();
        var release = env.Pricer.Catalog.Releases.Single(r => r.Id == "RVU25D");
        var date = new NodaTime.LocalDate(2025, 11, 1);
        var mismatches = new List<string>();
        var count = 0;
        foreach (var row in release.Rvus.Where(r => PfsStatus.IsPricedFromRvus(r.Status)))
        {
            var modifiers = row.Modifier.IsNone ? default : new ModifierList(row.Modifier);
            foreach (var gpci in release.Gpcis)
            {
                foreach (var pos in new[] { PlaceOfService.Parse("11"), PlaceOfService.Parse("22") })
                {
                    var price = env.Pricer.Price(new PfsLine(row.Code, modifiers, gpci.Locality, pos, date));
                    var pe = price.Setting == Setting.Facility ? row.FacilityPeRvu.Value : row.NonFacilityPeRvu.Value;
                    var expected = MedicarePfsPricer.RvuFormula(row.WorkRvu.Value, gpci.WorkWithFloor.Value, pe, gpci.PracticeExpense.Value, row.MpRvu.Value, gpci.Malpractice.Value, 32.3465m);
                    count++;
                    if (price.PfsUnitAmountUnrounded != expected || price.PfsUnitAmount.Amount != decimal.Round(expected, 2, MidpointRounding.AwayFromZero))
                        mismatches.Add($"{row.Key} {gpci.Locality} POS {pos}: {price.PfsUnitAmountUnrounded} vs {expected}");
                }
            }
        }
        mismatches.Should().BeEmpty();
        count.Should().BeGreaterThan(2_000_000);
    }
}
