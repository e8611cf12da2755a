using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class PprrvuSampleFileTests
{
    [Fact]
    public void A_one_row_header_and_the_CMS_five_row_header_block_read_the_same_rows()
    {
        using var temp = new TempFolder();
        var simple = PprrvuReader.Read(temp.Write("simple.csv", PprrvuSample.Csv(PprrvuSample.Row99213, PprrvuSample.Row27447)));
        var cms = PprrvuReader.Read(temp.Write("cms.csv", PprrvuSample.CsvWithCmsHeaderBlock(PprrvuSample.Row99213, PprrvuSample.Row27447)));

        simple.Rows.Should().HaveCount(2);
        cms.Rows.Should().Equal(simple.Rows);
    }

    [Fact]
    public void The_fixed_width_form_of_the_same_rows_reads_identically()
    {
        using var temp = new TempFolder();
        string[] rows = [PprrvuSample.Row99213, PprrvuSample.Row27447, PprrvuSample.Row71046Tc];
        var csv = PprrvuReader.Read(temp.Write("PPRRVU2025_Oct.csv", PprrvuSample.Csv(rows)));
        var txt = PprrvuReader.Read(temp.Write("PPRRVU2025_Oct.txt", PprrvuSample.Txt(rows)));

        txt.Rows.Should().Equal(csv.Rows);
        var tc = txt.Rows.Single(r => r.Modifier == Modifier.TechnicalComponent);
        tc.OppsNonFacilityPeRvu.Value.Should().Be(2.68m);
        tc.OppsMpRvu.Value.Should().Be(0.04m);
        tc.FacilityNa.Should().BeTrue();
    }

    [Fact]
    public void A_sample_title_with_year_and_release_month_gives_the_release()
    {
        using var temp = new TempFolder();
        var file = PprrvuReader.Read(temp.Write("anything.csv", PprrvuSample.Csv(PprrvuSample.Row99213)));

        file.Title.Should().Be("FeeEngine sample: 2025 October Release figures");
        file.ReleaseId.Should().Be("RVU25D");
        file.EffectiveFrom.Should().Be(new LocalDate(2025, 10, 1));
        file.Year.Should().Be(2025);
    }

    [Theory]
    [InlineData("PPRRVU2025_Oct.txt", "RVU25D", 2025, 10)]
    [InlineData("PPRRVU24_JAN.csv", "RVU24A", 2024, 1)]
    [InlineData("PPRRVU2026_Apr_nonQPP.txt", "RVU26B", 2026, 4)]
    [InlineData("pprrvu2024_jul.csv", "RVU24C", 2024, 7)]
    public void Without_a_title_the_file_name_gives_the_release(string fileName, string releaseId, int year, int month)
    {
        var name = PprrvuReleaseName.FromFileName(fileName);

        name.Should().NotBeNull();
        name!.ReleaseId.Should().Be(releaseId);
        name.EffectiveFrom.Should().Be(new LocalDate(year, month, 1));
    }

    [Fact]
    public void A_file_named_and_titled_without_a_release_has_no_release_id()
    {
        using var temp = new TempFolder();
        string[] lines = [",,Relative values,,,,,,,,,,,,,,,,,,,,,,,,,,,,", PprrvuSample.Header, PprrvuSample.Row99213];

        var file = PprrvuReader.Read(temp.Write("rvus.csv", lines));

        file.ReleaseId.Should().BeNull();
        file.EffectiveFrom.Should().BeNull();
        file.Rows.Should().ContainSingle();
    }

    [Theory]
    [InlineData("2024 National PFS Relative Value File January Release (revised, effective March 9, 2024)", "RVU24AR", 2024, 3, 9)]
    [InlineData("2025 National PFS Relative Value File October Release", "RVU25D", 2025, 10, 1)]
    [InlineData("2026 National PFS Relative Value File July Release", "RVU26C", 2026, 7, 1)]
    [InlineData("FeeEngine sample: 2025 April Release figures", "RVU25B", 2025, 4, 1)]
    public void Titles_give_release_ids_and_effective_dates(string title, string releaseId, int year, int month, int day)
    {
        var name = PprrvuReleaseName.FromTitle(title)!;

        name.ReleaseId.Should().Be(releaseId);
        name.EffectiveFrom.Should().Be(new LocalDate(year, month, day));
    }

    [Theory]
    [InlineData("Relative Value File")]
    [InlineData("2025 National PFS Relative Value File March Release")]
    [InlineData("October Release")]
    public void Titles_without_a_year_and_quarter_month_give_nothing(string title)
    {
        PprrvuReleaseName.FromTitle(title).Should().BeNull();
    }

    [Fact]
    public void The_2026_fixed_width_layout_reads_the_pricing_indicator_in_position_121()
    {
        using var temp = new TempFolder();
        var line = PprrvuSample.TxtLine(PprrvuSample.Row99213).ToCharArray();
        line[120] = '9';
        var path = temp.Write("PPRRVU2026_Apr_nonQPP.txt", "HDR SAMPLE", new string(line));

        var file = PprrvuReader.Read(path);

        file.Rows.Single().PricingIndicator.Should().Be("9");
        file.ReleaseId.Should().Be("RVU26B");
    }

    [Fact]
    public void Without_a_year_in_the_name_a_filled_position_121_selects_the_2026_layout()
    {
        using var temp = new TempFolder();
        var line = PprrvuSample.TxtLine(PprrvuSample.Row99213).ToCharArray();
        line[120] = '1';

        var file = PprrvuReader.Read(temp.Write("renamed.txt", "HDR SAMPLE", new string(line)));

        file.Rows.Single().PricingIndicator.Should().Be("1");
        file.ReleaseId.Should().BeNull();
    }
}
