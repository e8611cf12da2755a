using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using FeeEngine.Data;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules.Tests;
using NodaTime;

namespace FeeEngine.Cli.Tests;

/// <summary>
/// `feeengine import dmepos` and `feeengine import asp` (issue 7): CMS's January 2026 DMEPOS and PEN files stored
/// whole and once, and the hand-written ASP sample (no CMS ASP file is available here).
/// </summary>
public sealed class DmeposAspImportTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [CmsDataFact]
    public void The_January_2026_DMEPOS_and_PEN_files_are_stored_whole_once_and_price_A4640_in_Alabama()
    {
        var folder = Path.Combine(RepositoryPaths.CmsData!, "2026", "dmepos-jan");
        var dmepos = Path.Combine(folder, "DMEPOS26_JAN.xlsx");
        var pen = Path.Combine(folder, "DMEPEN26_JAN.xlsx");

        var first = _cli.Run("import", "dmepos", dmepos, pen);
        var again = _cli.Run("import", "dmepos", pen);

        first.ExitCode.Should().Be(0, first.Error);
        first.Out.Should().Contain("DMEPOS26_JAN.xlsx: DMEPOS fee schedule DMEPOS26_JAN (from 2026-01-01), 3,515 rows: stored.")
            .And.Contain("DMEPEN26_JAN.xlsx: PEN fee schedule DMEPEN26_JAN (from 2026-01-01), 50 rows: stored.");
        again.ExitCode.Should().Be(0, again.Error);
        again.Out.Should().Contain("DMEPEN26_JAN.xlsx: PEN fee schedule DMEPEN26_JAN (from 2026-01-01), 50 rows: unchanged (already stored).");

        var catalog = new DmeposStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).LoadCatalog();
        catalog.Schedules.Select(s => (s.Id, s.Count)).Should().Equal(("DMEPOS26_JAN", 3_515), ("DMEPEN26_JAN", 50));
        var rental = catalog.Price(HcpcsCode.Parse("A4640"), new ModifierList(Modifier.Parse("RR")), new LocalDate(2026, 3, 2), "AL", rural: true, units: 2);
        rental.Explanation.Should().Be("DMEPOS26_JAN A4640 RR (CATG IN): AL (R) 8.22 x 2 = 16.44");
        catalog.Price(HcpcsCode.Parse("E0776"), new ModifierList(Modifier.Parse("RR"), Modifier.Parse("KE")), new LocalDate(2026, 3, 2), "AL", rural: true, units: 1)
            .Explanation.Should().Be("DMEPEN26_JAN E0776 RR KE: AL (R) 22.98 x 1 = 22.98");
    }

    [Fact]
    public void The_hand_written_ASP_sample_is_stored_once_and_a_different_file_for_the_quarter_is_refused()
    {
        var sample = Path.Combine(RepositoryPaths.Schedules, "asp", "asp-2026-q1-sample.csv");
        var other = _cli.WriteFile("January 2026 ASP Pricing File.csv", "HCPCS Code,HCPCS Code Dosage,Payment Limit\nJ9035,10 MG,64.329\n");

        var first = _cli.Run("import", "asp", sample);
        var again = _cli.Run("import", "asp", sample);
        var conflict = _cli.Run("import", "asp", other);

        first.ExitCode.Should().Be(0, first.Error);
        first.Out.Should().Contain("asp-2026-q1-sample.csv: ASP 2026 Q1 (2026-01-01..2026-03-31), 13 payment limits: stored.");
        again.Out.Should().Contain("13 payment limits: unchanged (already stored).");
        conflict.ExitCode.Should().Be(1);
        conflict.Error.Should().Contain("January 2026 ASP Pricing File.csv: ASP 2026 Q1 is already stored from asp-2026-q1-sample.csv with other rates. Nothing was imported");
        var q1 = new AspStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Load().Single();
        Core.Asp.AspSchedule.Allowed(q1.FindOrNull(HcpcsCode.Parse("J9035"))!, 3).ToString().Should().Be("192.98");
    }

    [Fact]
    public void A_bad_DMEPOS_file_is_rejected_naming_row_column_and_value_and_stores_nothing()
    {
        var bad = _cli.WriteFile("DMEPOS_BAD.csv",
            "January 2026 Fee Schedule\nHCPCS,Mod,Mod2,JURIS,CATG,Ceiling,Floor,AL (NR),AL (R)\nA4640,RR,,D,IN,0,0,6.33,8.2x\n");

        var result = _cli.Run("import", "dmepos", bad);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("DMEPOS_BAD.csv line 3, field AL (R), value '8.2x': not a number");
        new DmeposStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Load().Should().BeEmpty();
    }
}
