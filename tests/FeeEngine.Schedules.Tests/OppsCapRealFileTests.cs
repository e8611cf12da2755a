using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;

namespace FeeEngine.Schedules.Tests;

public sealed class OppsCapRealFileTests
{
    [CmsDataFact]
    public void OPPSCAP_October_2025_csv_txt_and_xlsx_yield_identical_rows()
    {
        var csv = OppsCapReader.Read(RealFiles.Rvu25D("OPPSCAP_Oct.csv"));
        var txt = OppsCapReader.Read(RealFiles.Rvu25D("OPPSCAP_Oct.txt"));
        var xlsx = OppsCapReader.Read(RealFiles.Rvu25D("OPPSCAP_Oct.xlsx"));

        csv.Rows.Should().HaveCount(16_100);
        txt.Rows.Should().Equal(csv.Rows);
        xlsx.Rows.Should().Equal(csv.Rows);
    }

    [CmsDataFact]
    public void OPPSCAP_first_row_is_0633T_TC_in_01112_05_at_150_69()
    {
        var file = OppsCapReader.Read(RealFiles.Rvu25D("OPPSCAP_Oct.txt"));

        var row = file.Rows[0];
        row.Key.ToString().Should().Be("0633T-TC");
        row.ProcedureStatus.Should().Be('C');
        row.Locality.Should().Be(LocalityId.Parse("01112-05"));
        row.FacilityPrice.Should().Be(new Money(150.69m));
        row.NonFacilityPrice.Should().Be(new Money(150.69m));
    }

    [CmsDataTheory]
    [InlineData("2024", "rvu24a", "OPPSCAP_JAN.csv")]
    [InlineData("2024", "rvu24b", "OPPSCAP_APR.csv")]
    [InlineData("2025", "rvu25a", "OPPSCAP_JAN.csv")]
    public void Earlier_OPPSCAP_files_read(string year, string release, string fileName)
    {
        OppsCapReader.Read(CmsData.File(year, release, fileName)).Rows.Should().HaveCountGreaterThan(10_000);
    }
}
