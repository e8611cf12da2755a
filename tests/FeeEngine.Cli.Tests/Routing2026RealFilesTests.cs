using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// Routing on CMS's real 2026 files (issue 7): a line the PFS does not pay goes to the next schedule that lists it,
/// the `schedule` column names it, and a line nothing prices lists the schedules tried. The January 2026 PFS
/// release is not available here, so first-quarter visits have no PFS release, while first-quarter labs are priced
/// by 26CLABQ1 (80053 = 10.56 in CLFS_2026_Q1V1.xlsx; 36415 = 9.34). From April the PFS prices visits, and labs have
/// no CLFS file for the quarter.
/// </summary>
public sealed class Routing2026RealFilesTests(Cms2026Database db) : IClassFixture<Cms2026Database>
{
    private const string Header = "claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge";

    private Dictionary<string, string> PriceFile(string name, string lines, params string[] options)
    {
        db.ClfsImportResult!.ExitCode.Should().Be(0, db.ClfsImportResult.Error);
        var input = db.Cli.WriteFile(name + ".csv", Header + "\n" + lines);
        var output = Path.Combine(db.Cli.Folder, name + ".out.csv");
        var run = db.Cli.Run(["price-file", input, "--out", output, .. options]);
        run.ExitCode.Should().Be(0, run.Error);
        return File.ReadAllLines(output).Skip(1).ToDictionary(r => string.Join(',', r.Split(',').Take(2)));
    }

    [CmsDataFact]
    public void A_first_quarter_2026_lab_line_is_priced_by_the_lab_schedule_at_10_56_with_no_patient_share()
    {
        // 10.56: no deductible or coinsurance; 2% sequestration 0.2112 -> 0.21; Medicare pays 10.35.
        var rows = PriceFile("lab-q1", """
            L1,1,2026-02-10,80053,,1,11,35203,,25.00
            L1,2,2026-02-10,36415,,1,11,35203,,12.00
            L2,1,2026-03-31,80053,QW,2,11,35203,,40.00
            """);

        rows["L1,1"].Should().EndWith(",10.56,,priced,26CLABQ1,,10.56,0.00,10.35,CLFS");
        rows["L1,2"].Should().EndWith(",9.34,,priced,26CLABQ1,,9.34,0.00,9.15,CLFS");
        rows["L2,1"].Should().EndWith(",21.12,,priced,26CLABQ1,,21.12,0.00,20.70,CLFS");
    }

    [CmsDataFact]
    public void A_line_no_loaded_schedule_prices_is_reported_with_every_schedule_tried()
    {
        var rows = PriceFile("untried", """
            U1,1,2026-05-04,80053,,1,11,35203,,25.00
            U2,1,2026-02-10,99213,,1,11,35203,,150.00
            U3,1,2026-05-04,99213,,1,11,35203,,150.00
            """);

        // April: the PFS has 80053 with status X, and no lab file covers the second quarter.
        rows["U1,1"].Should().Contain(",,,not_payable,\"not payable under the PFS: 80053 has status X")
            .And.EndWith("; no other Medicare schedule prices it: CLFS: no CLFS file is loaded for 2026 Q2 (loaded: 26CLABQ1)\",,,,,");
        // February: no PFS release is loaded for the date (an error to fix), and the lab file does not list 99213.
        rows["U2,1"].Should().Contain(",,,error,").And.Contain("2026-02-10").And.Contain("CLFS: 99213 is not in 26CLABQ1");
        // 99213 Alabama 2026 non-facility: 87.79 (Pfs2026RealFilesTests), by the PFS; coinsurance 17.558 -> 17.56;
        // Medicare 70.23 less 2% (1.4046 -> 1.40) = 68.83.
        rows["U3,1"].Should().EndWith(",87.79,non-facility,priced,RVU26B,,87.79,17.56,68.83,PFS");
    }

    [CmsDataFact]
    public void A_payer_paying_a_percentage_of_Medicare_applies_it_to_the_lab_schedule_amount()
    {
        // Acme Health 2026: all services at 120% of Medicare: 10.56 x 1.20 = 12.672 -> 12.67 (lesser of billed 25.00).
        db.ContractsResult!.ExitCode.Should().Be(0, db.ContractsResult.Error);
        var rows = PriceFile("lab-payer", "P1,1,2026-02-10,80053,,1,11,35203,,25.00\n", "--payer", "Acme Health");

        rows["P1,1"].Should().Contain(",10.56,0.00,10.35,CLFS,12.67,").And.Contain("All services at 120% of Medicare");
    }

    [CmsDataFact]
    public void The_price_command_names_the_lab_schedule_and_explains_the_rate()
    {
        var run = db.Cli.Run("price", "--hcpcs", "80053", "--zip", "35203", "--pos", "11", "--date", "2026-02-10");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("80053: allowed 10.56 (CLFS, 26CLABQ1)")
            .And.Contain("Clinical Laboratory Fee Schedule 26CLABQ1 (2026-01-01..2026-03-31): 80053 national rate 10.56")
            .And.Contain("no Part B deductible and no coinsurance");
    }
}
