namespace FeeEngine.Cli.Tests;

/// <summary>The README's first command, step by step: the shipped sample imports and prices with no other set-up.</summary>
public sealed class SampleScheduleTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_sample_schedule_imports_and_prices_an_office_visit_in_Manhattan_by_ZIP()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample).ExitCode.Should().Be(0);

        var result = _cli.Run("price", "--hcpcs", "99213", "--zip", "10001", "--pos", "11", "--date", "2025-11-03");

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Should().Contain("allowed 101.06").And.Contain("13202-01").And.Contain("32.3465");
    }

    [Fact]
    public void Importing_the_sample_twice_changes_nothing()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample);

        var again = _cli.Run("import", "cms", RepositoryPaths.Sample);

        again.ExitCode.Should().Be(0);
        again.Out.Should().Contain("already loaded").And.NotContain("  loaded");
    }

    [Fact]
    public void Price_prints_json_with_the_explanation()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample);

        var result = _cli.Run("price", "--hcpcs", "71046", "--modifier", "26", "--locality", "10112-00", "--pos", "22", "--date", "2025-10-01", "--json");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("allowed").GetDecimal().Should().Be(9.55m);
        json.RootElement.GetProperty("rvu_release").GetString().Should().Be("RVU25D");
        json.RootElement.GetProperty("steps").GetArrayLength().Should().BeGreaterThan(5);
    }

    [Fact]
    public void Price_file_prices_the_sample_claims_and_keeps_bad_rows_as_errors()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample);
        var output = Path.Combine(_cli.Folder, "priced.csv");

        var result = _cli.Run("price-file", Path.Combine(RepositoryPaths.Sample, "claims.csv"), "--out", output);

        result.ExitCode.Should().Be(0, result.Error);
        var rows = File.ReadAllLines(output);
        rows[0].Should().EndWith(",medicare_allowed,setting,outcome,message,adjustments,lesser_of_billed,patient_share,medicare_payment,schedule");
        rows.Length.Should().Be(File.ReadAllLines(Path.Combine(RepositoryPaths.Sample, "claims.csv")).Count(l => l.Length > 0));
        rows.Skip(1).Should().Contain(r => r.Contains(",priced,", StringComparison.Ordinal))
            .And.Contain(r => r.Contains(",not_payable,", StringComparison.Ordinal))
            .And.Contain(r => r.Contains(",error,", StringComparison.Ordinal));
    }

    [Fact]
    public void Price_file_writes_every_outcome_with_its_reason()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample);
        var input = _cli.WriteFile("in.csv", """
            claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge
            C1,1,2025-10-15,99213,,1,11,,13202-01,150.00
            C1,2,2025-10-15,99213,,3,11,10001,,150.00
            C2,1,2025-10-15,27447,,1,11,,10112-00,5000
            C3,1,2025-10-15,80053,,1,11,,10112-00,20
            C4,1,2025-10-15,99213,26,1,11,,10112-00,20
            C5,1,2025-10-15,99213,,1,98,,10112-00,20
            C6,1,2025-10-15,99213,,1,11,,,20
            C7,1,2023-10-15,99213,,1,11,,10112-00,20
            C8,1,2025-10-15,99213,,1,11,,10112-00,abc
            C9,1,2025-10-15,99213,,1
            C10,1,2025-10-15,71046,"26",1,22,,10112-00,"1,000.00"
            """);
        var output = Path.Combine(_cli.Folder, "out.csv");

        _cli.Run("price-file", input, "--out", output).ExitCode.Should().Be(0);

        var rows = File.ReadAllLines(output);
        // allowed, then lesser of billed, patient share (20% coinsurance) and Medicare payment (less 2% sequestration)
        rows[1].Should().Be("C1,1,2025-10-15,99213,,1,11,,13202-01,150.00,101.06,non-facility,priced,RVU25D,,101.06,20.21,79.23,PFS");
        rows[2].Should().Be("C1,2,2025-10-15,99213,,3,11,10001,,150.00,303.18,non-facility,priced,RVU25D,,150.00,30.00,117.60,PFS");
        rows[3].Should().Be("C2,1,2025-10-15,27447,,1,11,,10112-00,5000,1138.09,facility,priced,RVU25D; non-facility NA: facility rate,,1138.09,227.62,892.26,PFS");
        rows[4].Should().StartWith("C3,1,2025-10-15,80053,,1,11,,10112-00,20,,,not_payable,").And.Contain("status X");
        rows[5].Should().Contain(",,,error,").And.Contain("PC/TC indicator is 0");
        rows[6].Should().Contain(",,,error,").And.Contain("pos '98'");
        rows[7].Should().Contain(",,,error,").And.Contain("zip and locality are both empty");
        rows[8].Should().Contain(",,,error,").And.Contain("No loaded PFS release covers date of service 2023-10-15").And.Contain("RVU25D");
        rows[9].Should().Contain(",,,error,").And.Contain("billed_charge 'abc'");
        rows[10].Should().Contain(",,,error,").And.Contain("6 fields, the header has 10");
        rows[11].Should().Be("C10,1,2025-10-15,71046,\"26\",1,22,,10112-00,\"1,000.00\",9.55,facility,priced,RVU25D,,9.55,1.91,7.49,PFS");
    }

    [Fact]
    public void An_unreadable_input_file_is_the_only_non_zero_exit()
    {
        _cli.Run("import", "cms", RepositoryPaths.Sample);
        var noHeader = _cli.WriteFile("bad.csv", "claim,line\nC1,1\n");
        var empty = _cli.WriteFile("empty.csv", "");

        _cli.Run("price-file", noHeader, "--out", Path.Combine(_cli.Folder, "o1.csv")).Should()
            .Match<CliResult>(r => r.ExitCode == 1 && r.Error.Contains("bad.csv line 1: missing column(s) claim_id, date_of_service"));
        _cli.Run("price-file", empty, "--out", Path.Combine(_cli.Folder, "o2.csv")).ExitCode.Should().Be(1);
        _cli.Run("price-file", Path.Combine(_cli.Folder, "nope.csv"), "--out", Path.Combine(_cli.Folder, "o3.csv")).ExitCode.Should().Be(1);
        File.Exists(Path.Combine(_cli.Folder, "o1.csv")).Should().BeFalse("a failed run leaves no half-written output");
    }

    [Fact]
    public void Help_is_available_everywhere_and_bad_options_are_named()
    {
        _cli.Run("--help").Out.Should().Contain("import cms").And.Contain("price-file");
        _cli.Run("price", "--help").Out.Should().Contain("--locality");
        _cli.Run("import", "cms", "--help").Out.Should().Contain("--effective-from");
        _cli.Run("price-file", "--help").Out.Should().Contain("medicare_allowed");
        var bad = _cli.Run("price", "--hcpcs", "99213", "--colour", "red");
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("unknown option --colour");
    }
}
