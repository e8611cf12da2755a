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

    private Dictionary<string, string> PriceFile(string name, string lines, params string[] options) => PriceFileWithHeader(name, Header, lines, options);

    private Dictionary<string, string> PriceFileWithHeader(string name, string header, string lines, params string[] options)
    {
        db.ClfsImportResult!.ExitCode.Should().Be(0, db.ClfsImportResult.Error);
        db.DmeposImportResult!.ExitCode.Should().Be(0, db.DmeposImportResult.Error);
        db.AspImportResult!.ExitCode.Should().Be(0, db.AspImportResult.Error);
        var input = db.Cli.WriteFile(name + ".csv", header + "\n" + lines);
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
            .And.EndWith("; no other Medicare schedule prices it: CLFS: no CLFS file is loaded for 2026 Q2 (loaded: 26CLABQ1); DMEPOS: 80053 is not on DMEPOS26_JAN or DMEPEN26_JAN; ASP: no ASP file is loaded for 2026 Q2 (loaded: ASP 2026 Q1)\",,,,,");
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

    [CmsDataFact]
    public void Must_show_a_DMEPOS_code_priced_for_a_rural_and_a_non_rural_ZIP_in_the_same_state_purchase_and_rental()
    {
        // DMEPOS26_JAN A4640 (CATG IN), Alabama: NU 63.32 non-rural / 81.35 rural; RR 6.33 / 8.22. ZIP5_JAN2026: 35004
        // non-rural, 35010 rural (R). Coinsurance 20% after the deductible, then 2% sequestration:
        // 63.32: 12.664 -> 12.66, 50.66 less 1.0132 -> 1.01 = 49.65; 81.35: 16.27, 65.08 less 1.3016 -> 1.30 = 63.78;
        // 6.33 x 3 = 18.99: 3.798 -> 3.80, 15.19 less 0.3038 -> 0.30 = 14.89; 8.22 x 3 = 24.66: 4.932 -> 4.93, 19.73 less 0.3946 -> 0.39 = 19.34.
        var rows = PriceFile("dmepos", """
            D1,1,2026-05-04,A4640,NU,1,12,35004,,500.00
            D2,1,2026-05-04,A4640,NU,1,12,35010,,500.00
            D3,1,2026-05-04,A4640,RR,3,12,35004,,500.00
            D4,1,2026-05-04,A4640,RR,3,12,35010,,500.00
            """);

        rows["D1,1"].Should().EndWith(",63.32,,priced,DMEPOS26_JAN; AL (NR),,63.32,12.66,49.65,DMEPOS");
        rows["D2,1"].Should().EndWith(",81.35,,priced,DMEPOS26_JAN; AL (R),,81.35,16.27,63.78,DMEPOS");
        rows["D3,1"].Should().EndWith(",18.99,,priced,DMEPOS26_JAN; AL (NR),,18.99,3.80,14.89,DMEPOS");
        rows["D4,1"].Should().EndWith(",24.66,,priced,DMEPOS26_JAN; AL (R),,24.66,4.93,19.34,DMEPOS");
    }

    [CmsDataFact]
    public void Enteral_equipment_is_priced_by_the_PEN_file_and_a_supply_line_without_a_ZIP_says_the_ZIP_is_needed()
    {
        // DMEPEN26_JAN E0776 RR BA, Alabama rural: 20.52 (the DMEPOS file's E0776 RR row matches fewer modifiers).
        var rows = PriceFile("pen", """
            E1,1,2026-05-04,E0776,RR:BA,1,12,35010,,100.00
            E2,1,2026-05-04,A4640,NU,1,12,,10112-00,500.00
            """);

        rows["E1,1"].Should().EndWith(",20.52,,priced,DMEPEN26_JAN; AL (R),,20.52,4.10,16.09,PEN");
        rows["E2,1"].Should().Contain(",not_payable,").And.Contain("DMEPOS: A4640 is priced by state, rural or not, from the ZIP5 file: the line gives a locality, not a ZIP");
    }

    [CmsDataFact]
    public void A_Part_B_drug_is_priced_by_the_ASP_limit_times_billing_units_rounded_once()
    {
        // Hand-written sample (made-up limits): J9271 57.812 per 1 mg x 200 = 11,562.40; J1100 0.125 per 1 mg x 3 =
        // 0.375 -> 0.38 (half away from zero); 20% coinsurance (the file's percentage): 2,312.48 and 0.076 -> 0.08;
        // Medicare 9,249.92 less 2% (184.9984 -> 185.00) = 9,064.92, and 0.30 less 0.006 -> 0.01 = 0.29.
        var rows = PriceFile("asp", """
            J1,1,2026-02-10,J9271,,200,11,35203,,20000.00
            J1,2,2026-02-10,J1100,,3,11,35203,,5.00
            """);

        rows["J1,1"].Should().EndWith(",11562.40,,priced,ASP 2026 Q1,,11562.40,2312.48,9064.92,ASP");
        rows["J1,2"].Should().EndWith(",0.38,,priced,ASP 2026 Q1,,0.38,0.08,0.29,ASP");
    }

    [CmsDataFact]
    public void When_a_claim_mixes_a_supply_and_a_visit_Then_the_deductible_is_taken_in_line_order_across_both()
    {
        // Deductible 100.00. Line 1 A4640 NU non-rural 63.32 takes 63.32 (Medicare pays 0.00). Line 2 99213 87.79
        // takes the remaining 36.68; coinsurance 20% x 51.11 = 10.222 -> 10.22; patient 46.90; Medicare 40.89 less
        // 0.8178 -> 0.82 = 40.07.
        var rows = PriceFileWithHeader("mixed", Header + ",deductible_remaining", """
            M1,1,2026-05-04,A4640,NU,1,11,35004,,500.00,100.00
            M1,2,2026-05-04,99213,,1,11,35004,,500.00,100.00
            """);

        rows["M1,1"].Should().EndWith(",63.32,,priced,DMEPOS26_JAN; AL (NR),,63.32,63.32,0.00,DMEPOS");
        rows["M1,2"].Should().EndWith(",87.79,non-facility,priced,RVU26B,,87.79,46.90,40.07,PFS");
    }
}
