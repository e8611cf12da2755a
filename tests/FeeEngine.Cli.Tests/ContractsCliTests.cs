using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// The payer-contract commands end to end on the shipped sample schedule and sample payers: contracts load, import,
/// list; price and price-file with a payer. Medicare amounts (RVU25D, CF 32.3465) as in SampleScheduleTests:
/// 99213 Birmingham 35203 (Alabama) non-facility 81.86; 99214 115.49; 71046 29.13; 20610 57.21.
/// </summary>
public sealed class ContractsCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Contracts(string file) => Path.Combine(RepositoryPaths.Schedules, "contracts", file);

    private void LoadSamplePayers()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample).ExitCode.Should().Be(0);
        var load = _cli.Run("contracts", "load", Contracts("acme-health-ppo.json"), Contracts("summit-care-advantage.json"));
        load.ExitCode.Should().Be(0, load.Error);
        var import = _cli.Run("contracts", "import", Contracts("summit-care-fees-2025.csv"), "--payer", "Summit Care", "--contract", "Medicare Advantage Partner",
            "--effective-from", "2025-01-01", "--effective-to", "2025-12-31");
        import.ExitCode.Should().Be(0, import.Error);
    }

    [Fact]
    public void Loading_and_importing_the_sample_payers_stores_them_and_list_shows_versions_and_fee_schedules()
    {
        LoadSamplePayers();

        var list = _cli.Run("contracts", "list").Out;

        list.Should().Contain("Acme Health / PPO Professional (from acme-health-ppo.json)")
            .And.Contain("version 2025-H2 2025-07-01..2025-12-31: 3 terms + default, 1 carve-outs, lesser of billed")
            .And.Contain("fee schedule summit-care-fees-2025.csv 2025-01-01..2025-12-31: 6 fees");
        _cli.Run("contracts", "load", Contracts("acme-health-ppo.json")).Out.Should().Contain("unchanged (already stored)");
    }

    /// <summary>
    /// Acme 2025-H2 (lesser of billed): 99213 E&amp;M 118% x 81.86 = 96.5948 -> 96.59; 99214 carve-out 138.00;
    /// 71046 imaging 130% x 29.13 = 37.869 -> 37.87. Summit 2025: 20610 fee schedule 68.00; 80053 (not paid by the
    /// PFS) lab at 60% of 45.00 = 27.00; J1100 default 40% of 30.00 = 12.00; 71046-TC fee schedule 21.00.
    /// </summary>
    [Fact]
    public void Price_file_with_a_payer_column_adds_the_expected_amount_contract_version_and_term()
    {
        LoadSamplePayers();
        var input = _cli.WriteFile("in.csv", """
            claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge,payer
            A1,1,2025-10-01,99213,,1,11,35203,,150.00,Acme Health
            A1,2,2025-10-01,99214,25,1,11,35203,,250.00,
            A1,3,2025-10-01,71046,,1,11,35203,,95.00,
            S1,1,2025-11-05,20610,,1,11,35203,,200.00,Summit Care
            S1,2,2025-11-05,80053,,1,11,35203,,45.00,Summit Care
            S1,3,2025-11-05,J1100,,1,11,35203,,30.00,Summit Care
            S1,4,2025-11-05,71046,TC,1,11,35203,,30.00,Summit Care
            N1,1,2025-11-05,99213,,1,11,35203,,150.00,Nobody
            """);
        var output = Path.Combine(_cli.Folder, "out.csv");

        _cli.Run("price-file", input, "--out", output).ExitCode.Should().Be(0);

        var rows = File.ReadAllLines(output);
        rows[0].Should().EndWith(",medicare_payment,schedule,expected_amount,contract,contract_version,term,contract_message");
        var byLine = rows.Skip(1).ToDictionary(r => string.Join(',', r.Split(',')[..2]), StringComparer.Ordinal);
        byLine["A1,1"].Should().EndWith(",96.59,Acme Health/PPO Professional,2025-H2,E&M at 118% of Medicare,");
        byLine["A1,2"].Should().EndWith(",138.00,Acme Health/PPO Professional,2025-H2,carve-out 99214,");
        byLine["A1,3"].Should().EndWith(",37.87,Acme Health/PPO Professional,2025-H2,Imaging at 130% of Medicare,");
        byLine["S1,1"].Should().EndWith(",68.00,Summit Care/Medicare Advantage Partner,2025,fee schedule summit-care-fees-2025.csv,");
        byLine["S1,2"].Should().EndWith(",27.00,Summit Care/Medicare Advantage Partner,2025,Lab at 60% of charges,");
        byLine["S1,3"].Should().EndWith(",12.00,Summit Care/Medicare Advantage Partner,2025,Not priced by Medicare: 40% of charges,");
        byLine["S1,4"].Should().EndWith(",21.00,Summit Care/Medicare Advantage Partner,2025,fee schedule summit-care-fees-2025.csv,");
        byLine["N1,1"].Should().EndWith(",,,,,\"unpriced: payer 'Nobody' has no contract loaded (payers: Acme Health, Summit Care)\"");
    }

    [Fact]
    public void Price_file_with_the_payer_option_prices_the_sample_claims_by_that_payer()
    {
        LoadSamplePayers();
        var output = Path.Combine(_cli.Folder, "out.csv");

        _cli.Run("price-file", Path.Combine(RepositoryPaths.Sample, "claims.csv"), "--out", output, "--payer", "Acme Health").ExitCode.Should().Be(0);

        var rows = File.ReadAllLines(output);
        rows.Single(r => r.StartsWith("CLM-1001,1,", StringComparison.Ordinal)).Should().EndWith(",96.59,Acme Health/PPO Professional,2025-H2,E&M at 118% of Medicare,");
        // 27447 facility in Anchorage 99501 (Medicare 1562.19) under the 122% term: 1905.8718 -> 1905.87, below the 4500.00 charge.
        rows.Single(r => r.StartsWith("CLM-1005,1,", StringComparison.Ordinal)).Should().EndWith(",1905.87,Acme Health/PPO Professional,2025-H2,All other services at 122% of Medicare,");
        // 27447-80 (assistant 16%: Medicare 182.09) at 122% = 222.1498 -> 222.15, above the 150.00 charge: lesser of billed.
        rows.Single(r => r.StartsWith("CLM-1020,1,", StringComparison.Ordinal)).Should().EndWith(",150.00,Acme Health/PPO Professional,2025-H2,All other services at 122% of Medicare,");
    }

    [Fact]
    public void Price_with_a_payer_prints_the_contract_steps()
    {
        LoadSamplePayers();

        var result = _cli.Run("price", "--hcpcs", "99213", "--zip", "35203", "--pos", "11", "--date", "2025-11-03", "--billed", "150", "--payer", "Acme Health");

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("  Acme Health: expected 96.59 (E&M at 118% of Medicare)")
            .And.Contain("    - Contract 'PPO Professional' of payer 'Acme Health', version '2025-H2' (2025-07-01..2025-12-31).")
            .And.Contain("    - 118% of 81.86 = 96.59.")
            .And.Contain("    - Lesser of billed charge 150.00 and contract amount 96.59: 96.59.");
    }

    [Fact]
    public void A_contract_file_with_problems_stores_nothing_and_lists_them()
    {
        _cli.Run("contracts", "load", Contracts("acme-health-ppo.json")).ExitCode.Should().Be(0);
        var bad = _cli.WriteFile("bad.json", """
            {"payer": "Acme Health", "contract": "PPO Professional", "versions": [
              {"version": "v1", "effective_from": "2025-01-01", "terms": [{"percent_of_medicare": "120%"}]}]}
            """);

        var result = _cli.Run("contracts", "load", bad);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("bad.json line 2, field versions[0].terms[0].percent_of_medicare, value '120%': must be a percentage above 0 and at most 1000");
        _cli.Run("contracts", "list").Out.Should().Contain("version 2025-H1", "the stored contract is untouched");
    }

    [Fact]
    public void A_fee_schedule_with_bad_rows_loads_nothing_unless_bad_rows_are_skipped()
    {
        var file = _cli.WriteFile("fees.csv", "CPT,Allowed\n99213,$90.00\n99214,call us\n99215,150\n");
        string[] args = ["contracts", "import", file, "--payer", "Acme Health", "--contract", "PPO", "--effective-from", "2025-01-01"];

        var strict = _cli.Run(args);
        strict.ExitCode.Should().Be(1);
        strict.Error.Should().Contain("fees.csv line 3, field Allowed, value 'call us': not an amount");
        _cli.Run("contracts", "list").Out.Should().Contain("No payer contracts are stored");

        var lenient = _cli.Run([.. args, "--skip-bad-rows"]);
        lenient.ExitCode.Should().Be(0, lenient.Error);
        lenient.Out.Should().Contain("2 fees for Acme Health/PPO 2025-01-01..: stored.")
            .And.Contain("Skipped 1 bad row(s):")
            .And.Contain("fees.csv line 3, field Allowed, value 'call us': not an amount");
    }

    [Fact]
    public void An_overlapping_fee_schedule_is_refused_naming_both_periods()
    {
        var file = _cli.WriteFile("fees.csv", "CPT,Allowed\n99213,90\n");
        _cli.Run("contracts", "import", file, "--payer", "P", "--contract", "C", "--effective-from", "2025-01-01", "--effective-to", "2025-12-31").ExitCode.Should().Be(0);

        var result = _cli.Run("contracts", "import", file, "--payer", "P", "--contract", "C", "--effective-from", "2025-07-01");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("Fee schedule fees.csv (2025-07-01..) for 'P/C' overlaps the stored fee schedule fees.csv (2025-01-01..2025-12-31). Nothing was imported");
    }
}
