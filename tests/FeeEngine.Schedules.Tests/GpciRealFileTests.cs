using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules.Tests;

public sealed class GpciRealFileTests
{
    private static GpciRecord Row(GpciFile file, string locality) =>
        file.Rows.Single(r => r.Locality == LocalityId.Parse(locality));

    [CmsDataFact]
    public void GPCI_2025_csv_txt_and_xlsx_yield_identical_rows_one_per_locality()
    {
        var csv = GpciReader.Read(RealFiles.Rvu25D("GPCI2025.csv"));
        var txt = GpciReader.Read(RealFiles.Rvu25D("GPCI2025.txt"));
        var xlsx = GpciReader.Read(RealFiles.Rvu25D("GPCI2025.xlsx"));

        csv.Rows.Should().HaveCount(109);
        csv.Rows.Select(r => r.Locality).Should().OnlyHaveUniqueItems();
        txt.Rows.Should().Equal(csv.Rows);
        xlsx.Rows.Should().Equal(csv.Rows);
        csv.Year.Should().Be(2025);
        txt.Year.Should().Be(2025);
        xlsx.Year.Should().Be(2025);
    }

    [CmsDataTheory]
    [InlineData("GPCI2025.csv")]
    [InlineData("GPCI2025.txt")]
    [InlineData("GPCI2025.xlsx")]
    public void GPCI_2025_has_the_published_indices(string fileName)
    {
        var file = GpciReader.Read(RealFiles.Rvu25D(fileName));

        var alabama = Row(file, "10112-00");
        alabama.State.Should().Be("AL");
        alabama.Name.Should().Be("ALABAMA");
        alabama.WorkWithFloor.Value.Should().Be(1.000m);
        alabama.PracticeExpense.Value.Should().Be(0.869m);
        alabama.Malpractice.Value.Should().Be(0.575m);
        alabama.WorkWithoutFloor.Should().BeNull();

        var alaska = Row(file, "02102-01");
        alaska.Name.Should().Be("ALASKA", "the footnote asterisk is not part of the name");
        alaska.WorkWithFloor.Value.Should().Be(1.5m);
        alaska.PracticeExpense.Value.Should().Be(1.081m);
        alaska.Malpractice.Value.Should().Be(0.592m);

        var manhattan = Row(file, "13202-01");
        manhattan.WorkWithFloor.Value.Should().Be(1.065m);
        manhattan.PracticeExpense.Value.Should().Be(1.166m);
        manhattan.Malpractice.Value.Should().Be(1.656m);
    }

    [CmsDataFact]
    public void GPCI_2026_keeps_the_work_gpci_both_without_and_with_the_floor()
    {
        var file = GpciReader.Read(CmsData.File("2026", "rvu26c", "GPCI2026.csv"));

        file.Year.Should().Be(2026);
        file.HasWorkWithoutFloor.Should().BeTrue();
        file.Rows.Should().HaveCount(109);
        var alabama = Row(file, "10112-00");
        alabama.WorkWithoutFloor.Should().Be(new Gpci(0.988m));
        alabama.WorkWithFloor.Value.Should().Be(1.000m);
        alabama.PracticeExpense.Value.Should().Be(0.875m);
        alabama.Malpractice.Value.Should().Be(0.566m);
        var manhattan = Row(file, "13202-01");
        manhattan.WorkWithoutFloor.Should().Be(new Gpci(1.064m));
        manhattan.WorkWithFloor.Value.Should().Be(1.064m);
    }

    [CmsDataTheory]
    [InlineData("2024", "rvu24a", "GPCI2024.csv")]
    [InlineData("2025", "rvu25a", "GPCI2025.csv")]
    public void Earlier_GPCI_files_read(string year, string release, string fileName)
    {
        var file = GpciReader.Read(CmsData.File(year, release, fileName));

        file.Year.Should().Be(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture));
        file.Rows.Should().HaveCountGreaterThan(100);
    }
}
