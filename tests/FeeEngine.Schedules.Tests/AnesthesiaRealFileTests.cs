using FeeEngine.Core.Codes;

namespace FeeEngine.Schedules.Tests;

public sealed class AnesthesiaRealFileTests
{
    [CmsDataFact]
    public void ANES_2025_csv_txt_and_xlsx_yield_identical_rows()
    {
        var csv = AnesthesiaReader.Read(RealFiles.Rvu25D("ANES2025.csv"));
        var txt = AnesthesiaReader.Read(RealFiles.Rvu25D("ANES2025.txt"));
        var xlsx = AnesthesiaReader.Read(RealFiles.Rvu25D("ANES2025.xlsx"));

        csv.Rows.Should().HaveCount(109);
        xlsx.Rows.Should().Equal(csv.Rows);
        // The TXT prints locality names in 40 characters: long names are cut, everything else is identical.
        txt.Rows.Select(r => (r.Locality, r.ConversionFactor)).Should().Equal(csv.Rows.Select(r => (r.Locality, r.ConversionFactor)));
        txt.Rows.Select(r => r.Name).Should().Equal(csv.Rows.Select(r => r.Name.Length <= 40 ? r.Name : r.Name[..40].TrimEnd()));
    }

    [CmsDataTheory]
    [InlineData("ANES2025.csv")]
    [InlineData("ANES2025.txt")]
    [InlineData("ANES2025.xlsx")]
    public void ANES_2025_gives_Alabama_19_31_and_Alaska_27_86(string fileName)
    {
        var file = AnesthesiaReader.Read(RealFiles.Rvu25D(fileName));

        var alabama = file.Rows.Single(r => r.Locality == LocalityId.Parse("10112-00"));
        alabama.ConversionFactor.Should().Be(19.31m);
        alabama.Name.Should().Be("ALABAMA");
        file.Rows.Single(r => r.Locality == LocalityId.Parse("02102-01")).ConversionFactor.Should().Be(27.86m);
    }

    [CmsDataTheory]
    [InlineData("ANES2025.csv")]
    [InlineData("ANES2025.xlsx")]
    public void ANES_header_states_the_national_cf_20_3178(string fileName)
    {
        AnesthesiaReader.Read(RealFiles.Rvu25D(fileName)).NationalCf.Should().Be(20.3178m);
    }

    [CmsDataFact]
    public void ANES_txt_has_no_header_so_no_national_cf()
    {
        AnesthesiaReader.Read(RealFiles.Rvu25D("ANES2025.txt")).NationalCf.Should().BeNull();
    }

    [CmsDataFact]
    public void ANES_2024_revised_states_the_revised_national_cf()
    {
        AnesthesiaReader.Read(CmsData.File("2024", "rvu24ar", "ANES2024.csv")).NationalCf.Should().Be(20.7739m);
    }
}
