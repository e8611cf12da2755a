using FeeEngine.Core.Codes;
using FeeEngine.Data;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules.Tests;

namespace FeeEngine.Cli.Tests;

/// <summary>`feeengine import clfs`: CMS's quarterly lab fee schedule stored exactly, once (issue 7, CLFS storage).</summary>
public sealed class ClfsImportTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [CmsDataFact]
    public void The_first_quarter_2026_file_is_stored_once_with_80053_at_10_56()
    {
        var file = Path.Combine(RepositoryPaths.CmsData!, "2026", "clfs-q1", "CLFS_2026_Q1V1.xlsx");

        var first = _cli.Run("import", "clfs", file);
        var again = _cli.Run("import", "clfs", file);

        first.ExitCode.Should().Be(0, first.Error);
        first.Out.Should().Contain("CLFS_2026_Q1V1.xlsx: CLFS 26CLABQ1 (2026-01-01..2026-03-31), 2,162 rates: stored.");
        again.Out.Should().Contain("unchanged (already stored)");
        var quarter = new ClfsStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Load().Single();
        quarter.Count.Should().Be(2_162);
        quarter.FindOrNull(HcpcsCode.Parse("80053"), default)!.Rate.ToString().Should().Be("10.56");
    }

    [Fact]
    public void A_different_file_for_a_stored_quarter_is_refused_and_a_bad_file_stores_nothing()
    {
        var v1 = _cli.WriteFile("CLFS_V1.csv", "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE\n2026,80053,,20260101,N,10.56\n");
        var v2 = _cli.WriteFile("CLFS_V2.csv", "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE\n2026,80053,,20260101,N,10.60\n");
        var bad = _cli.WriteFile("CLFS_BAD.csv", "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE\n2026,80061,,20260401,N,abc\n");

        _cli.Run("import", "clfs", v1).ExitCode.Should().Be(0);
        var conflict = _cli.Run("import", "clfs", v2);
        var rejected = _cli.Run("import", "clfs", bad);

        conflict.ExitCode.Should().Be(1);
        conflict.Error.Should().Contain("CLFS_V2.csv: CLFS 26CLABQ1 is already stored from CLFS_V1.csv with other rates. Nothing was imported");
        rejected.ExitCode.Should().Be(1);
        rejected.Error.Should().Contain("CLFS_BAD.csv line 2, field RATE, value 'abc'");
        new ClfsStore(FeeEngineDatabase.Sqlite(_cli.DatabasePath), TimeProvider.System).Load().Select(q => q.Id).Should().Equal("26CLABQ1");
    }
}
