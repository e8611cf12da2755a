using System.Text.Json;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// Claim-level payment policies through the CLI (reference sections 4 and 7): price-file's adjustments, lesser-of,
/// patient share and Medicare payment columns, claims whose lines are apart in the file, and price with several lines.
/// Every expected figure is worked by hand from the RVUs and GPCIs in the comments: CF 32.3465, the fee schedule
/// amount rounded once to cents (half away from zero, as CMS publishes it), each policy's share applied to that
/// amount and the line rounded once more to cents; coinsurance 20% and sequestration 2% each rounded to cents.
/// </summary>
public sealed class ClaimPolicyCliTests : IDisposable
{
    private const string Header = "claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private void ImportSample() => _cli.Run("import", "cms", RepositoryPaths.Sample).ExitCode.Should().Be(0);

    private void ImportRealOctober2025()
    {
        var import = _cli.Run("import", "cms", Path.Combine(RepositoryPaths.CmsData!, "2025", "rvu25d"));
        import.ExitCode.Should().Be(0, import.Error);
    }

    /// <summary>Prices <paramref name="csv"/> with price-file; returns what it printed and the output rows.</summary>
    private (CliResult Result, string[] Rows) PriceFile(string csv, string name = "in.csv")
    {
        var input = _cli.WriteFile(name, csv);
        var output = Path.Combine(_cli.Folder, Path.GetFileNameWithoutExtension(name) + ".out.csv");
        var result = _cli.Run("price-file", input, "--out", output);
        result.ExitCode.Should().Be(0, result.Error);
        return (result, File.ReadAllLines(output));
    }

    // ---- price-file -------------------------------------------------------------------------------------------

    /// <summary>
    /// Alabama (10112-00) GPCIs work 1.000, PE 0.869, MP 0.575; POS 22 is a facility setting.
    /// 27447 facility: (19.60 x 1 + 15.30 x 0.869 + 3.98 x 0.575) x 32.3465 = 35.1842 x 32.3465 = 1138.0857253 -> 1138.09.
    /// 27486 facility: (21.12 x 1 + 17.18 x 0.869 + 4.30 x 0.575) x 32.3465 = 38.52192 x 32.3465 = 1246.04928528 -> 1246.05.
    /// RT/LT pair of 27447 (BILAT SURG 1): RT 100% = 1138.09; LT 50% = 569.045 -> 569.05; the pair is one procedure
    /// worth 1707.135 and ranks first; 27486 (MULT PROC 2) ranks second: 50% of 1246.05 = 623.025 -> 623.03.
    /// Splits (no deductible): 1138.09: coinsurance 227.618 -> 227.62, 910.47 less 18.2094 -> 18.21 = 892.26;
    /// 569.05: 113.81, 455.24 less 9.1048 -> 9.10 = 446.14; 623.03: 124.606 -> 124.61, 498.42 less 9.9684 -> 9.97 = 488.45.
    /// </summary>
    [CmsDataFact]
    public void Price_file_shows_the_bilateral_and_multiple_procedure_steps_of_a_knee_claim()
    {
        ImportRealOctober2025();

        var (_, rows) = PriceFile($"""
            {Header}
            K1,1,2025-11-03,27447,RT,1,22,,10112-00,5000.00
            K1,2,2025-11-03,27447,LT,1,22,,10112-00,5000.00
            K1,3,2025-11-03,27486,,1,22,,10112-00,5000.00
            """);

        rows.Should().HaveCount(4);
        rows[1].Should().Be("K1,1,2025-11-03,27447,RT,1,22,,10112-00,5000.00,1138.09,facility,priced,RVU25D,bilateral:100%|mult_proc:rank1:100%,1138.09,227.62,892.26,PFS");
        rows[2].Should().Be("K1,2,2025-11-03,27447,LT,1,22,,10112-00,5000.00,569.05,facility,priced,RVU25D,bilateral:50%|mult_proc:rank1:100%,569.05,113.81,446.14,PFS");
        rows[3].Should().Be("K1,3,2025-11-03,27486,,1,22,,10112-00,5000.00,623.03,facility,priced,RVU25D,mult_proc:rank2:50%,623.03,124.61,488.45,PFS");
    }

    /// <summary>
    /// 97110 non-facility, Alabama: full (0.45 x 1 + 0.43 x 0.869 + 0.01 x 0.575) x 32.3465 = 0.82942 x 32.3465
    /// = 26.82883403 -> 26.83; with 50% PE (0.45 + 0.215 x 0.869 + 0.00575) x 32.3465 = 0.642585 x 32.3465
    /// = 20.7853757 -> 20.79. Three units: 26.83 + 2 x 20.79 = 68.41.
    /// Split: coinsurance 13.682 -> 13.68; 54.73 less 1.0946 -> 1.09 = 53.64.
    /// </summary>
    [Fact]
    public void Price_file_applies_the_therapy_reduction_to_97110_x_3_in_Alabama()
    {
        ImportSample();

        var (_, rows) = PriceFile($"""
            {Header}
            T1,1,2025-11-03,97110,GP,3,11,,10112-00,200.00
            """);

        rows[1].Should().Be("T1,1,2025-11-03,97110,GP,3,11,,10112-00,200.00,68.41,non-facility,priced,RVU25D,therapy:2_units:50%PE,68.41,13.68,53.64,PFS");
    }

    /// <summary>
    /// 99213 non-facility, Alabama: (1.30 x 1 + 1.35 x 0.869 + 0.10 x 0.575) x 32.3465 = 2.53065 x 32.3465
    /// = 81.857670225 -> 81.86. Billed 50.00 is lower: Medicare pays from 50.00: coinsurance 10.00, 40.00 less
    /// 0.80 = 39.20. medicare_allowed stays 81.86.
    /// </summary>
    [Fact]
    public void Price_file_pays_from_the_billed_charge_when_it_is_below_allowed()
    {
        ImportSample();

        var (_, rows) = PriceFile($"""
            {Header}
            L1,1,2025-11-03,99213,,1,11,,10112-00,50.00
            """);

        rows[1].Should().Be("L1,1,2025-11-03,99213,,1,11,,10112-00,50.00,81.86,non-facility,priced,RVU25D,,50.00,10.00,39.20,PFS");
    }

    /// <summary>
    /// 99213 non-facility, Manhattan (13202-01: work 1.065, PE 1.166, MP 1.656): (1.3845 + 1.5741 + 0.1656) x 32.3465
    /// = 3.1242 x 32.3465 = 101.0569353 -> 101.06; billed 100.00 is lower. Deductible 50 left: patient 50.00 + 20% of
    /// 50.00 = 60.00; Medicare 40.00 less 0.80 = 39.20 (reference section 7's example).
    /// Line 2, 93000 Manhattan: (0.17 x 1.065 + 0.24 x 1.166 + 0.02 x 1.656) x 32.3465 = 0.49401 x 32.3465
    /// = 15.979494465 -> 15.98; the deductible is used up by line 1: coinsurance 3.196 -> 3.20; 12.78 less 0.2556
    /// -> 0.26 = 12.52.
    /// </summary>
    [Fact]
    public void Price_file_takes_the_claim_deductible_first_then_coinsurance_and_sequestration()
    {
        ImportSample();

        var (_, rows) = PriceFile($"""
            {Header},deductible_remaining
            D1,1,2025-11-03,99213,,1,11,,13202-01,100.00,50
            D1,2,2025-11-03,93000,,1,11,,13202-01,40.00,50
            """);

        rows[0].Should().StartWith(Header + ",deductible_remaining,medicare_allowed,");
        rows[1].Should().Be("D1,1,2025-11-03,99213,,1,11,,13202-01,100.00,50,101.06,non-facility,priced,RVU25D,,100.00,60.00,39.20,PFS");
        rows[2].Should().Be("D1,2,2025-11-03,93000,,1,11,,13202-01,40.00,50,15.98,non-facility,priced,RVU25D,,15.98,3.20,12.52,PFS");
    }

    /// <summary>
    /// 99213 Alabama by a nurse practitioner: 85% of 81.86 = 69.581 -> 69.58; coinsurance 13.916 -> 13.92;
    /// 55.66 less 1.1132 -> 1.11 = 54.55. The same line by a physician (blank provider_type) is 81.86.
    /// </summary>
    [Fact]
    public void Price_file_pays_a_nurse_practitioner_85_percent()
    {
        ImportSample();

        var (_, rows) = PriceFile($"""
            {Header},provider_type
            N1,1,2025-11-03,99213,,1,11,,10112-00,150.00,NP
            N2,1,2025-11-03,99213,,1,11,,10112-00,150.00,
            """);

        rows[1].Should().Be("N1,1,2025-11-03,99213,,1,11,,10112-00,150.00,NP,69.58,non-facility,priced,RVU25D,npp:85%,69.58,13.92,54.55,PFS");
        rows[2].Should().Be("N2,1,2025-11-03,99213,,1,11,,10112-00,150.00,,81.86,non-facility,priced,RVU25D,,81.86,16.37,64.18,PFS");
    }

    [Fact]
    public void Price_file_turns_a_bad_provider_type_into_an_error_row_naming_the_column_and_the_value()
    {
        ImportSample();

        var (result, rows) = PriceFile($"""
            {Header},provider_type
            B1,1,2025-11-03,99213,,1,11,,10112-00,150.00,XX
            B2,1,2025-11-03,99213,,1,11,,10112-00,150.00,PA
            """);

        rows[1].Should().Be("B1,1,2025-11-03,99213,,1,11,,10112-00,150.00,XX,,,error,\"line 2: provider_type 'XX' is not one of physician, MD, DO, NP, PA, CNS\",,,,,");
        rows[2].Should().Contain(",69.58,non-facility,priced,", "the other rows are still priced (PA: 85% of 81.86)");
        result.Out.Should().Contain("1 priced, 0 not payable, 1 errors");
    }

    /// <summary>
    /// Claim A's lines stand on either side of claim B. The therapy reduction proves A was priced as one claim:
    /// 97112 Alabama (0.50 + 0.48 x 0.869 + 0.01 x 0.575) x 32.3465 = 0.92287 x 32.3465 = 29.851614455 -> 29.85 has
    /// the higher PE payment and is paid in full; 97110 gets 50% PE: 20.79. Deductible 25 taken in line order:
    /// line 1 takes 20.79 (patient 20.79, Medicare 0.00), line 2 the remaining 4.21 (+ 20% of 25.64 = 5.128 -> 5.13:
    /// patient 9.34; 20.51 less 0.4102 -> 0.41 = 20.10).
    /// </summary>
    [Fact]
    public void Claim_lines_apart_in_the_file_give_the_same_rows_as_the_claims_together_and_the_command_says_it_grouped_in_memory()
    {
        ImportSample();
        const string header = Header + ",deductible_remaining";
        const string a1 = "A,1,2025-11-03,97110,GP,1,11,,10112-00,60.00,25";
        const string a2 = "A,2,2025-11-03,97112,GP,1,11,,10112-00,60.00,25";
        const string b1 = "B,1,2025-11-03,99213,,1,11,,10112-00,150.00,";

        var (apartResult, apart) = PriceFile(string.Join('\n', header, a1, b1, a2), "apart.csv");
        var (togetherResult, together) = PriceFile(string.Join('\n', header, a1, a2, b1), "together.csv");

        apartResult.Out.Should().Contain("claim A").And.Contain("continues after other claims").And.Contain("grouping claims in memory");
        togetherResult.Out.Should().NotContain("grouping claims in memory");
        apart[0].Should().Be(together[0]);
        SortedByClaimAndLine(apart).Should().Equal(SortedByClaimAndLine(together));
        together.Should().Equal(
            header + ",medicare_allowed,setting,outcome,message,adjustments,lesser_of_billed,patient_share,medicare_payment,schedule",
            a1 + ",20.79,non-facility,priced,RVU25D,therapy:1_unit:50%PE,20.79,20.79,0.00,PFS",
            a2 + ",29.85,non-facility,priced,RVU25D,,29.85,9.34,20.10,PFS",
            b1 + ",81.86,non-facility,priced,RVU25D,,81.86,16.37,64.18,PFS");

        static List<string> SortedByClaimAndLine(string[] rows) =>
            rows.Skip(1).OrderBy(r => r.Split(',')[0], StringComparer.Ordinal).ThenBy(r => int.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>
    /// The new claims at the end of schedules/sample/claims.csv (see its README), Alabama non-facility unless noted:
    /// 20610: (0.79 + 1.04 x 0.869 + 0.13 x 0.575) x 32.3465 = 1.76851 x 32.3465 = 57.205108715 -> 57.21; RT/LT pair
    /// (BILAT SURG 1): RT 57.21, LT 50% = 28.605 -> 28.61.
    /// 11042: (1.01 + 2.73 x 0.869 + 0.13 x 0.575) x 32.3465 = 3.45712 x 32.3465 = 111.82573208 -> 111.83 (rank 1);
    /// 17000: (0.61 + 1.39 x 0.869 + 0.05 x 0.575) x 32.3465 = 1.84666 x 32.3465 = 59.73298769 -> 59.73, rank 2 at 50%
    /// = 29.865 -> 29.87.
    /// 27447-50 facility: 150% of 1138.09 = 1707.135 -> 1707.14. 27447-80 (ASST SURG 2): 16% of 1138.09 = 182.0944
    /// -> 182.09, billed 150.00 lower: patient 30.00, Medicare 120.00 less 2.40 = 117.60.
    /// </summary>
    [Fact]
    public void The_sample_claims_file_shows_bilateral_multiple_procedure_and_assistant_policies()
    {
        ImportSample();
        var output = Path.Combine(_cli.Folder, "priced.csv");

        _cli.Run("price-file", Path.Combine(RepositoryPaths.Sample, "claims.csv"), "--out", output).ExitCode.Should().Be(0);

        var rows = File.ReadAllLines(output).ToDictionary(r => string.Join(',', r.Split(',')[..2]), StringComparer.Ordinal);
        rows["CLM-1017,1"].Should().EndWith(",57.21,non-facility,priced,RVU25D,bilateral:100%,57.21,11.44,44.85,PFS");
        rows["CLM-1017,2"].Should().EndWith(",28.61,non-facility,priced,RVU25D,bilateral:50%,28.61,5.72,22.43,PFS");
        rows["CLM-1018,1"].Should().EndWith(",111.83,non-facility,priced,RVU25D,mult_proc:rank1:100%,111.83,22.37,87.67,PFS");
        rows["CLM-1018,2"].Should().EndWith(",29.87,non-facility,priced,RVU25D,mult_proc:rank2:50%,29.87,5.97,23.42,PFS");
        rows["CLM-1019,1"].Should().EndWith(",1707.14,facility,priced,RVU25D,bilateral:150%,1707.14,341.43,1338.40,PFS");
        rows["CLM-1020,1"].Should().EndWith(",182.09,facility,priced,RVU25D,assistant:16%,150.00,30.00,117.60,PFS");
        // 97110 x 3 and 97140 x 2 in San Francisco (README): 35.72 + 2 x 25.85 = 87.42 and 2 x 24.46 = 48.92.
        rows["CLM-1007,1"].Should().Contain(",87.42,non-facility,priced,RVU25D,therapy:2_units:50%PE,");
        rows["CLM-1007,2"].Should().Contain(",48.92,non-facility,priced,RVU25D,therapy:2_units:50%PE,");
    }

    // ---- price with several lines ----------------------------------------------------------------------------

    private static readonly string[] KneePair =
        ["price", "--hcpcs", "27447", "--modifier", "RT", "--hcpcs", "27447", "--modifier", "LT", "--locality", "10112-00", "--pos", "22", "--date", "2025-11-03"];

    /// <summary>27447 RT + LT, Alabama facility: 1138.09 + 50% x 1138.09 = 569.045 -> 569.05; total 1707.14.</summary>
    [Fact]
    public void Price_with_two_hcpcs_prints_both_lines_with_their_adjustments_and_the_claim_total()
    {
        ImportSample();

        var result = _cli.Run(KneePair);

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("line 1: 27447-RT: allowed 1138.09 (facility, RVU25D) [bilateral:100%]")
            .And.Contain("line 2: 27447-LT: allowed 569.05 (facility, RVU25D) [bilateral:50%]")
            .And.Contain("Claim total allowed: 1707.14");
    }

    [Fact]
    public void Price_json_with_two_hcpcs_is_a_claim_with_its_lines_and_the_allowed_amount_of_each()
    {
        ImportSample();

        var result = _cli.Run([.. KneePair, "--json"]);

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("claim_id").GetString().Should().Be("command-line");
        var lines = json.RootElement.GetProperty("lines");
        lines.GetArrayLength().Should().Be(2);
        Amounts(lines).Should().Equal(("1", "27447", "RT", 1138.09m, "bilateral:100%"), ("2", "27447", "LT", 569.05m, "bilateral:50%"));
    }

    [Fact]
    public void Price_with_a_claim_json_file_gives_the_same_amounts_as_the_options()
    {
        ImportSample();
        var claim = _cli.WriteFile("claim.json", """
            {"claim_id": "KNEE-1", "date_of_service": "2025-11-03", "locality": "10112-00", "pos": "22",
             "lines": [{"hcpcs": "27447", "modifiers": "RT"}, {"hcpcs": "27447", "modifiers": "LT"}]}
            """);

        var fromFile = _cli.Run("price", "--claim", claim, "--json");
        var fromOptions = _cli.Run([.. KneePair, "--json"]);

        fromFile.ExitCode.Should().Be(0, fromFile.Error);
        using var file = JsonDocument.Parse(fromFile.Out);
        using var options = JsonDocument.Parse(fromOptions.Out);
        file.RootElement.GetProperty("claim_id").GetString().Should().Be("KNEE-1");
        Amounts(file.RootElement.GetProperty("lines")).Should().Equal(Amounts(options.RootElement.GetProperty("lines")))
            .And.Equal(("1", "27447", "RT", 1138.09m, "bilateral:100%"), ("2", "27447", "LT", 569.05m, "bilateral:50%"));
        _cli.Run("price", "--claim", claim).Out.Should().Contain("Claim total allowed: 1707.14");
    }

    [Fact]
    public void A_modifier_before_any_hcpcs_is_a_usage_error()
    {
        ImportSample();

        var result = _cli.Run("price", "--modifier", "RT", "--hcpcs", "27447", "--locality", "10112-00", "--pos", "22", "--date", "2025-11-03");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--modifier must follow the --hcpcs it belongs to");
        result.Out.Should().BeEmpty();
    }

    private static List<(string Line, string Hcpcs, string Modifiers, decimal Allowed, string Adjustments)> Amounts(JsonElement lines) =>
        lines.EnumerateArray().Select(l => (
            l.GetProperty("line").GetString()!,
            l.GetProperty("hcpcs").GetString()!,
            l.GetProperty("modifiers").GetString()!,
            l.GetProperty("allowed").GetDecimal(),
            string.Join('|', l.GetProperty("adjustments").EnumerateArray().Select(a => a.GetString())))).ToList();
}
