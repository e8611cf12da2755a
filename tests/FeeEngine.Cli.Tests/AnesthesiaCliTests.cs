using System.Globalization;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// Anesthesia through the CLI (reference section 3): the real October 2025 release gives the locality anesthesia CFs
/// (ANES2025: Alabama 10112-00 = 19.31), schedules/anesthesia-base-units.sample.csv the base units.
/// Allowed = (base units + minutes / 15 to one decimal) x locality CF x the payment modifier's share, rounded once.
/// </summary>
public sealed class AnesthesiaCliTests : IDisposable
{
    private const decimal AlabamaAnesthesiaCf = 19.31m; // ANES2025.csv: "10112 ,00 ,ALABAMA,19.31"
    private const decimal TimeUnits129Minutes = 8.6m;   // 129 / 15 = 8.6

    private static readonly string BaseUnitFile = Path.Combine(RepositoryPaths.Schedules, "anesthesia-base-units.sample.csv");

    private readonly CliRunner _cli = new();

    public AnesthesiaCliTests()
    {
        if (RepositoryPaths.CmsData is not { } cms) return; // the tests are skipped
        var import = _cli.Run("import", "cms", Path.Combine(cms, "2025", "rvu25d"));
        import.ExitCode.Should().Be(0, import.Error);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>The sample file's data rows (not comments, not the header).</summary>
    private static string[][] SampleRows() =>
        File.ReadAllLines(BaseUnitFile).Where(l => l.Length > 0 && l[0] != '#' && !l.StartsWith("code,", StringComparison.Ordinal))
            .Select(l => l.Split(',')).ToArray();

    /// <summary>00400's base units as the sample file gives them (3 when this was written).</summary>
    private static decimal SampleBaseUnits00400() =>
        decimal.Parse(SampleRows().Single(r => r[0] == "00400")[1], NumberStyles.Number, CultureInfo.InvariantCulture);

    private CliResult Price00400(string modifier, params string[] extra) =>
        _cli.Run(["price", "--hcpcs", "00400", "--modifier", modifier, "--minutes", "129", "--locality", "10112-00", "--pos", "22", "--date", "2025-11-03", .. extra]);

    private static string Cents(decimal d) => decimal.Round(d, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>AA, 129 minutes, Alabama: (3 + 8.6) x 19.31 = 11.6 x 19.31 = 223.996 -> 224.00 (with the sample's 3 base units).</summary>
    [CmsDataFact]
    public void After_importing_the_sample_base_units_00400_AA_for_129_minutes_in_Alabama_is_base_plus_time_times_the_locality_CF()
    {
        _cli.Run("import", "anesthesia-base-units", BaseUnitFile).ExitCode.Should().Be(0);
        var baseUnits = SampleBaseUnits00400();
        var expected = Cents((baseUnits + TimeUnits129Minutes) * AlabamaAnesthesiaCf);

        var result = Price00400("AA");

        result.ExitCode.Should().Be(0, result.Out);
        if (baseUnits == 3m) expected.Should().Be("224.00");
        result.Out.Should().Contain($"00400-AA: allowed {expected} (anesthesia, RVU25D)")
            .And.Contain("129 minutes / 15 = 8.6 time units")
            .And.Contain("19.31 for 10112-00");

        using var json = System.Text.Json.JsonDocument.Parse(Price00400("AA", "--json").Out);
        json.RootElement.GetProperty("allowed").GetDecimal().Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
        json.RootElement.GetProperty("setting").GetString().Should().Be("anesthesia");
        json.RootElement.GetProperty("conversion_factor").GetDecimal().Should().Be(AlabamaAnesthesiaCf);
    }

    /// <summary>QK (medical direction): 50% of (3 + 8.6) x 19.31 = 223.996 x 0.5 = 111.998 -> 112.00.</summary>
    [CmsDataFact]
    public void QK_medical_direction_is_paid_half_of_the_personally_performed_amount()
    {
        _cli.Run("import", "anesthesia-base-units", BaseUnitFile).ExitCode.Should().Be(0);
        var expected = Cents((SampleBaseUnits00400() + TimeUnits129Minutes) * AlabamaAnesthesiaCf * 0.5m);

        var result = Price00400("QK");

        result.ExitCode.Should().Be(0, result.Out);
        if (SampleBaseUnits00400() == 3m) expected.Should().Be("112.00");
        result.Out.Should().Contain($"00400-QK: allowed {expected} (anesthesia, RVU25D)").And.Contain("50%");
    }

    [CmsDataFact]
    public void Without_the_base_unit_import_the_error_says_how_to_import_them()
    {
        var result = Price00400("AA");

        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("00400-AA: error: anesthesia base units for 00400 are not loaded for 2025-11-03")
            .And.Contain("feeengine import anesthesia-base-units FILE");
    }

    [CmsDataFact]
    public void Re_importing_the_same_base_units_is_a_no_op()
    {
        var rows = SampleRows().Length;
        var first = _cli.Run("import", "anesthesia-base-units", BaseUnitFile);
        var before = Price00400("AA").Out;

        var again = _cli.Run("import", "anesthesia-base-units", BaseUnitFile);

        first.Out.Should().Contain($"{rows} rows read, {rows} new rows stored, 0 already stored.");
        again.ExitCode.Should().Be(0, again.Error);
        again.Out.Should().Contain($"{rows} rows read, 0 new rows stored, {rows} already stored.");
        Price00400("AA").Out.Should().Be(before);
    }

    /// <summary>
    /// price-file reads anesthesia_minutes: the AA line is 224.00 as above (coinsurance 44.80; 179.20 less 3.584 ->
    /// 3.58 = 175.62); a line without minutes is an error row naming the column.
    /// </summary>
    [CmsDataFact]
    public void Price_file_prices_an_anesthesia_line_from_its_anesthesia_minutes_column()
    {
        _cli.Run("import", "anesthesia-base-units", BaseUnitFile).ExitCode.Should().Be(0);
        var expected = Cents((SampleBaseUnits00400() + TimeUnits129Minutes) * AlabamaAnesthesiaCf);
        var input = _cli.WriteFile("anes.csv", """
            claim_id,line,date_of_service,hcpcs,modifiers,units,pos,zip,locality,billed_charge,anesthesia_minutes
            A1,1,2025-11-03,00400,AA,1,22,,10112-00,900.00,129
            A2,1,2025-11-03,00400,AA,1,22,,10112-00,900.00,
            """);
        var output = Path.Combine(_cli.Folder, "anes.out.csv");

        _cli.Run("price-file", input, "--out", output).ExitCode.Should().Be(0);

        var rows = File.ReadAllLines(output);
        rows[1].Should().StartWith($"A1,1,2025-11-03,00400,AA,1,22,,10112-00,900.00,129,{expected},anesthesia,priced,RVU25D; anesthesia,,{expected},");
        if (expected == "224.00") rows[1].Should().EndWith(",224.00,44.80,175.62,PFS");
        rows[2].Should().Contain(",error,").And.Contain("anesthesia_minutes is required");
    }
}
