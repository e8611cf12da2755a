using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class Zip5RealFileTests
{
    [CmsDataFact]
    public void ZIP5_October_2025_txt_and_xlsx_yield_identical_rows()
    {
        var txt = RealFiles.Zip5October2025Txt;
        var xlsx = RealFiles.Zip5October2025Xlsx;

        txt.Rows.Should().HaveCount(42_956);
        xlsx.Rows.Should().Equal(txt.Rows);
        txt.YearQuarter.Should().Be("20254");
        xlsx.YearQuarter.Should().Be("20254");
        txt.EffectiveFrom.Should().Be(new LocalDate(2025, 10, 1));
        xlsx.EffectiveFrom.Should().Be(new LocalDate(2025, 10, 1));
    }

    [CmsDataTheory]
    [InlineData("35203", "10112-00", "AL")]
    [InlineData("10001", "13202-01", "NY")]
    [InlineData("94103", "01112-05", "CA")]
    public void ZIP5_October_2025_maps_zip_codes_to_their_locality(string zip, string locality, string state)
    {
        foreach (var file in new[] { RealFiles.Zip5October2025Txt, RealFiles.Zip5October2025Xlsx })
        {
            var row = file.Rows.Single(r => r.Zip == zip);
            row.Locality.Should().Be(LocalityId.Parse(locality));
            row.State.Should().Be(state);
            row.YearQuarter.Should().Be("20254");
        }
    }

    [CmsDataFact]
    public void ZIP5_October_2025_keeps_rural_indicators_and_plus_four_flags()
    {
        var rows = RealFiles.Zip5October2025Txt.Rows;

        rows.Select(r => r.RuralIndicator).Distinct().Should().BeEquivalentTo(["", "R", "B"]);
        rows.Should().Contain(r => r.PlusFourFlag);
        rows.Should().Contain(r => !r.PlusFourFlag);
    }

    [CmsDataFact]
    public void ZIP5_January_2026_xlsx_reads_as_quarter_20261()
    {
        var file = Zip5Reader.Read(CmsData.File("2026", "zip-jan2026", "ZIP5_JAN2026.xlsx"));

        file.YearQuarter.Should().Be("20261");
        file.EffectiveFrom.Should().Be(new LocalDate(2026, 1, 1));
        file.Rows.Should().HaveCountGreaterThan(40_000);
        file.Rows.Single(r => r.Zip == "35203").Locality.Should().Be(LocalityId.Parse("10112-00"));
    }
}
