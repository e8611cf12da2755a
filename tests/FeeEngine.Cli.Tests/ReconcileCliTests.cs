using FeeEngine.Cli.Hosting;
using FeeEngine.Data;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// <c>feeengine reconcile</c> on the shipped sample: the sample schedule, the Acme Health contract and
/// schedules/sample/paid-lines.csv. Expected amounts (Acme 2025-H2) as in ContractsCliTests: 99213 96.59,
/// 99214 carve-out 138.00, 71046 37.87; 27447 Alabama non-facility NA -> facility 1138.09 x 122% = 1388.47;
/// 11042 111.83 x 122% = 136.43; 17000 rank 2 (Medicare 29.87) x 122% = 36.44; 96372 15.82 x 122% = 19.30.
/// </summary>
public sealed class ReconcileCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private void Setup()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample).ExitCode.Should().Be(0);
        _cli.Run("contracts", "load", Path.Combine(RepositoryPaths.Schedules, "contracts", "acme-health-ppo.json")).ExitCode.Should().Be(0);
    }

    private static Dictionary<string, string> Results(string path) =>
        File.ReadAllLines(path).Skip(1).ToDictionary(r => string.Join(',', r.Split(',')[..2]), StringComparer.Ordinal);

    [Fact]
    public void Reconciling_the_sample_paid_lines_flags_the_underpayment_the_overpayment_and_the_denial()
    {
        Setup();
        var output = Path.Combine(_cli.Folder, "results.csv");

        var result = _cli.Run("reconcile", Path.Combine(RepositoryPaths.Sample, "paid-lines.csv"), "--out", output);

        result.ExitCode.Should().Be(0, result.Error);
        var rows = Results(output);
        rows["CLM-1006,1"].Should().Be("CLM-1006,1,2025-10-22,27447,,1,Acme Health,underpaid,claim+line,1388.47,1300.00,1040.00,,1300.00,-88.47," +
            "Acme Health/PPO Professional,2025-H2,All other services at 122% of Medicare,CO-45 PR-2," +
            "payer allowed 1300.00 is 88.47 below the expected 1388.47 (tolerance $1.00 and 2%),paid-lines.csv line 7");
        rows["CLM-1018,2"].Should().Contain(",overpaid,claim+line,36.44,75.00,60.00,,75.00,38.56,");
        rows["CLM-1002,2"].Should().Contain(",denied,claim+line,19.30,,0.00,,0.00,,").And.Contain("denied: CO-97");
        rows["CLM-1001,2"].Should().Contain(",as_expected,claim+line,15.40,15.00,12.00,,15.00,-0.40,");   // 0.40 short: within $1.00
        var summary = File.ReadAllLines(Path.Combine(_cli.Folder, "results.summary.csv"));
        summary.Should().Contain("payer,Acme Health,8,1868.50,1798.89,-50.31,1,88.47,1");   // -88.47 + 38.56 - 0.40
        summary.Should().Contain("reason,underpaid,1,1388.47,1300.00,-88.47,1,88.47,0");
        result.Out.Should().Contain("reason underpaid: 1 lines, expected 1,388.47, actual 1,300.00, 1 underpaid by 88.47");
    }

    [Fact]
    public void A_reconciliation_run_is_stored_with_its_lines()
    {
        Setup();
        _cli.Run("reconcile", Path.Combine(RepositoryPaths.Sample, "paid-lines.csv"), "--out", Path.Combine(_cli.Folder, "r.csv"), "--tolerance-usd", "0.25").ExitCode.Should().Be(0);

        var runs = new ReconciliationStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Runs();

        runs.Should().ContainSingle().Which.Should().Match<ReconciliationRun>(r => r.LineCount == 8 && r.Status == "complete" && r.ToleranceUsd == 0.25m && r.TolerancePct == 2m);
    }

    [Fact]
    public void A_per_payer_tolerance_file_changes_what_is_flagged()
    {
        Setup();
        var tolerances = _cli.WriteFile("tol.csv", "payer,tolerance_usd,tolerance_pct\nacme health,100.00,10\n");
        var output = Path.Combine(_cli.Folder, "results.csv");

        _cli.Run("reconcile", Path.Combine(RepositoryPaths.Sample, "paid-lines.csv"), "--out", output, "--tolerances", tolerances).ExitCode.Should().Be(0);

        Results(output)["CLM-1006,1"].Should().Contain(",as_expected,");   // 88.47 is within $100.00
    }

    [Fact]
    public void A_paid_file_with_bad_rows_is_rejected_with_every_problem_and_nothing_is_written_or_stored()
    {
        Setup();
        var paid = _cli.WriteFile("paid.csv", """
            claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge,payer,paid_amount,payer_allowed,adjustment_codes
            C1,1,2025-10-01,99213,,1,11,35203,,150.00,Acme Health,77.2x,,
            C1,2,2025-10-01,99213,,1,11,35203,,150.00,Acme Health,,,
            C2,1,2025-10-01,9921,,1,11,35203,,150.00,Acme Health,10.00,,
            """);
        var output = Path.Combine(_cli.Folder, "results.csv");

        var result = _cli.Run("reconcile", paid, "--out", output);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("paid.csv line 2, field paid_amount, value '77.2x': not an amount with at most two decimals")
            .And.Contain("paid.csv line 3, field paid_amount, value '': required: the amount the payer paid (0 for a denial)")
            .And.Contain("paid.csv line 4: ");
        File.Exists(output).Should().BeFalse();
        new ReconciliationStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Runs().Should().BeEmpty();
    }

    /// <summary>
    /// schedules/sample/remit-acme.835 against schedules/sample/claims.csv (its bad rows belong to claims the
    /// remittance does not mention, so they do not stop the run). 71046-26 in Manhattan, POS 22: (0.22 x 1.065 +
    /// 0.08 x 1.166 + 0.01 x 1.656) x 32.3465 = 0.34414 x 32.3465 = 11.1317 -> 11.13; imaging 130% = 14.469 -> 14.47.
    /// J1100 x2 (status E at Medicare): Acme's default 45% of the 30.00 charge = 13.50.
    /// </summary>
    [Fact]
    public void Reconciling_an_835_matches_by_line_number_or_by_code_reports_reversals_denials_and_lines_not_in_the_remittance()
    {
        Setup();
        var output = Path.Combine(_cli.Folder, "r835.csv");

        var result = _cli.Run("reconcile", Path.Combine(RepositoryPaths.Sample, "remit-acme.835"), "--claims", Path.Combine(RepositoryPaths.Sample, "claims.csv"),
            "--payer", "Acme Health", "--out", output);

        result.ExitCode.Should().Be(0, result.Error);
        var rows = File.ReadAllLines(output).Skip(1).ToArray();
        rows.Select(r => string.Join(',', r.Split(',')[..2]) + " " + r.Split(',')[7]).Should().Equal(
            "CLM-1001,1 as_expected", "CLM-1001,2 as_expected", "CLM-1003,1 as_expected", "CLM-1003,2 underpaid",
            "CLM-1018,1 as_expected", "CLM-1018,2 as_expected", "CLM-1002,1 reversal", "CLM-1002,1 as_expected",
            "CLM-1002,2 denied", "CLM-1002,3 not_in_remittance");
        rows[3].Should().Be("CLM-1003,2,2025-10-07,71046,,1,Acme Health,underpaid,\"claim+code+date+units (modifiers differ: billed 26, paid none)\"," +
            "14.47,11.00,8.80,2.20,11.00,-3.47,Acme Health/PPO Professional,2025-H2,Imaging at 130% of Medicare,CO-45 PR-2," +
            "payer allowed 11.00 is 3.47 below the expected 14.47 (tolerance $1.00 and 2%),remit-acme.835 segment 31");
        rows[9].Should().Contain(",not_in_remittance,,13.50,");
    }

    [Fact]
    public void A_malformed_835_is_rejected_naming_the_segment()
    {
        Setup();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Sample, "remit-acme.835")).Replace("SVC*HC:93000*60.00*12.00**1", "SVC*HC:93000*60.00*12,00**1", StringComparison.Ordinal);
        var remit = _cli.WriteFile("bad.835", text);

        var result = _cli.Run("reconcile", remit, "--claims", Path.Combine(RepositoryPaths.Sample, "claims.csv"), "--out", Path.Combine(_cli.Folder, "r.csv"));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("bad.835").And.Contain("segment 19").And.Contain("SVC03").And.Contain("12,00");
    }

    [Fact]
    public void An_835_needs_the_billed_claims()
    {
        var remit = _cli.WriteFile("remit.835", "ISA*...");

        var result = _cli.Run("reconcile", remit, "--out", Path.Combine(_cli.Folder, "r.csv"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("an 835 remittance needs --claims");
    }
}
