using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests.Clfs;

/// <summary>
/// The quarterly Clinical Laboratory Fee Schedule file (issue 7, second part: the reader). CLFS_2026_Q1V1.xlsx is
/// CMS's 26CLABQ1: 80053 (comprehensive metabolic panel) at 10.56, and its QW row (CLIA-waived) at 10.56 too.
/// </summary>
public sealed class ClfsReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ModifierList Mods(string m) => m.Length == 0 ? default : new ModifierList(Modifier.Parse(m));

    [CmsDataFact]
    public void The_first_quarter_2026_file_reads_whole_and_prices_80053_at_10_56()
    {
        var clfs = ClfsReader.Read(CmsData.File("2026", "clfs-q1", "CLFS_2026_Q1V1.xlsx"));

        clfs.Id.Should().Be("26CLABQ1");
        clfs.EffectiveFrom.Should().Be(new LocalDate(2026, 1, 1));
        clfs.EffectiveTo.Should().Be(new LocalDate(2026, 3, 31));
        clfs.Count.Should().Be(2_162);
        clfs.FindOrNull(HcpcsCode.Parse("80053"), default)!.Rate.ToString().Should().Be("10.56");
        clfs.FindOrNull(HcpcsCode.Parse("80053"), Mods("QW"))!.Modifier.ToString().Should().Be("QW");
        clfs.FindOrNull(HcpcsCode.Parse("99213"), default).Should().BeNull();
    }

    [Fact]
    public void A_file_in_CMS_layout_reads_its_rates_and_quarter_and_a_line_takes_the_row_of_its_modifier()
    {
        var path = XlsxSample.Write(Path.Combine(_temp.Path, "CLFS_SAMPLE.xlsx"),
        [
            "2026 Clinical Diagnostic Laboratory Fee Schedule (sample)",
            "",
            "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC",
            "2026,80053,,20260101,N,10.56,",
            "2026,80053,QW,20260101,N,10.56,",
            "2026,36415,,20260101,N,3.00,",
        ], numbersFromRow: 4);

        var clfs = ClfsReader.Read(path);

        clfs.Id.Should().Be("26CLABQ1");
        clfs.Count.Should().Be(3);
        clfs.FindOrNull(HcpcsCode.Parse("36415"), Mods("59"))!.Rate.Amount.Should().Be(3.00m);   // no 59 row: the plain row
        clfs.Covers(new LocalDate(2026, 3, 31)).Should().BeTrue();
        clfs.Covers(new LocalDate(2026, 4, 1)).Should().BeFalse();
    }

    [Fact]
    public void Bad_rows_are_reported_with_row_field_and_value()
    {
        var path = _temp.Write("CLFS_BAD.csv",
            "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE",
            "2026,80053,,20260101,N,ten",
            "2026,8005,,20260101,N,10.56",
            "2026,80061,,20261301,N,13.39",
            "2026,80053,,20260101,N,10.56",
            "2026,80053,,20260101,N,10.57");

        var act = () => ClfsReader.Read(path);

        act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => $"{d.Line} {d.Field} {d.Value}").Should().Equal(
            "2 RATE ten", "3 HCPCS 8005", "4 EFF_DATE 20261301", "6 HCPCS+MOD 80053 ");
    }
}
