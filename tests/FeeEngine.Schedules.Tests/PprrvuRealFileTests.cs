using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class PprrvuRealFileTests
{
    private static RvuRecord Row(PprrvuFile file, string code, string modifier = "") =>
        file.Rows.Single(r => r.Key == new RvuKey(HcpcsCode.Parse(code), Modifier.Parse(modifier)));

    [CmsDataFact]
    public void October_2025_csv_txt_and_xlsx_yield_identical_rows()
    {
        var csv = RealFiles.PprrvuOctober2025Csv;
        var txt = RealFiles.PprrvuOctober2025Txt;
        var xlsx = RealFiles.PprrvuOctober2025Xlsx;

        csv.Rows.Should().HaveCount(19_090);
        txt.Rows.Should().Equal(csv.Rows);
        xlsx.Rows.Should().Equal(csv.Rows);
    }

    [CmsDataFact]
    public void October_2025_99213_has_the_published_rvus()
    {
        var row = Row(RealFiles.PprrvuOctober2025Csv, "99213");

        row.WorkRvu.Value.Should().Be(1.30m);
        row.NonFacilityPeRvu.Value.Should().Be(1.35m);
        row.FacilityPeRvu.Value.Should().Be(0.57m);
        row.MpRvu.Value.Should().Be(0.10m);
        row.Status.Should().Be('A');
        row.GlobalDays.Should().Be("XXX");
        row.FileConversionFactor.Should().Be(new ConversionFactor(32.3465m));
    }

    [CmsDataFact]
    public void October_2025_27447_is_na_in_the_non_facility_setting_with_its_global_shares()
    {
        var row = Row(RealFiles.PprrvuOctober2025Txt, "27447");

        row.NonFacilityNa.Should().BeTrue();
        row.FacilityNa.Should().BeFalse();
        row.GlobalDays.Should().Be("090");
        row.PreOpShare.Should().Be(0.10m);
        row.IntraOpShare.Should().Be(0.69m);
        row.PostOpShare.Should().Be(0.21m);
        row.BilateralSurgery.Should().Be('1');
    }

    [CmsDataFact]
    public void October_2025_71046_TC_carries_the_opps_cap_rvus()
    {
        var row = Row(RealFiles.PprrvuOctober2025Xlsx, "71046", "TC");

        row.OppsNonFacilityPeRvu.Value.Should().Be(2.68m);
        row.OppsFacilityPeRvu.Value.Should().Be(2.68m);
        row.OppsMpRvu.Value.Should().Be(0.04m);
        row.IsOppsCapped.Should().BeTrue();
        row.PcTcIndicator.Should().Be('1');
        row.FacilityNa.Should().BeTrue();
        row.PhysicianSupervision.Should().Be("01");
    }

    [CmsDataFact]
    public void October_2025_43239_names_its_endoscopic_base_and_multiple_procedure_rule()
    {
        var row = Row(RealFiles.PprrvuOctober2025Xlsx, "43239");

        row.EndoscopicBase.Should().Be("43235");
        row.MultipleProcedure.Should().Be('3');
        row.ImagingFamily.Should().Be("99");
        row.PhysicianSupervision.Should().Be("09");
        row.CalculationFlag.Should().Be("0");
    }

    [CmsDataFact]
    public void October_2025_title_gives_release_RVU25D_effective_2025_10_01_in_every_form()
    {
        foreach (var file in new[] { RealFiles.PprrvuOctober2025Csv, RealFiles.PprrvuOctober2025Txt, RealFiles.PprrvuOctober2025Xlsx })
        {
            file.ReleaseId.Should().Be("RVU25D", file.FileName);
            file.EffectiveFrom.Should().Be(new LocalDate(2025, 10, 1));
            file.Year.Should().Be(2025);
        }
        RealFiles.PprrvuOctober2025Csv.Title.Should().StartWith("2025 National Physician Fee Schedule").And.EndWith("Relative Value File October Release");
        RealFiles.PprrvuOctober2025Csv.SourceFormat.Should().Be("CSV");
        RealFiles.PprrvuOctober2025Txt.Title.Should().BeNull();
    }

    [CmsDataTheory]
    [InlineData("2024/rvu24a/PPRRVU24_JAN.csv", "RVU24A", 2024, 1, 1)]
    [InlineData("2024/rvu24ar/PPRRVU24_JAN.csv", "RVU24AR", 2024, 3, 9)]
    [InlineData("2024/rvu24b/PPRRVU24_APR.csv", "RVU24B", 2024, 4, 1)]
    [InlineData("2024/rvu24c/PPRRVU24_JUL.csv", "RVU24C", 2024, 7, 1)]
    [InlineData("2025/rvu25a/PPRRVU25_JAN.csv", "RVU25A", 2025, 1, 1)]
    [InlineData("2026/rvu26c/PPRRVU2026_Jul_nonQPP.csv", "RVU26C", 2026, 7, 1)]
    public void Release_id_and_effective_date_come_from_the_title(string relativePath, string releaseId, int year, int month, int day)
    {
        var file = PprrvuReader.Read(CmsData.File(relativePath.Split('/')));

        file.ReleaseId.Should().Be(releaseId);
        file.EffectiveFrom.Should().Be(new LocalDate(year, month, day));
        file.Year.Should().Be(year);
        file.Rows.Should().NotBeEmpty();
    }

    [CmsDataFact]
    public void Revised_January_2024_title_is_kept_whole()
    {
        var file = PprrvuReader.Read(CmsData.File("2024", "rvu24ar", "PPRRVU24_JAN.csv"));

        file.Title.Should().StartWith("2024 National Physician Fee Schedule").And.EndWith("Relative Value File January Release (revised, effective March 9, 2024)");
        file.Rows.Should().HaveCount(18_499);
        file.Rows[0].FileConversionFactor.Should().Be(new ConversionFactor(33.2875m));
    }

    [CmsDataFact]
    public void July_2026_csv_reads_the_pricing_indicator_column()
    {
        var file = PprrvuReader.Read(CmsData.File("2026", "rvu26c", "PPRRVU2026_Jul_nonQPP.csv"));

        file.Rows.Should().HaveCount(19_356);
        file.Rows.Should().OnlyContain(r => r.PricingIndicator == "9");
        Row(file, "99213").FileConversionFactor.Should().Be(new ConversionFactor(33.4009m));
    }

    [CmsDataFact]
    public void April_2026_txt_uses_the_2026_layout_and_reads_every_data_line()
    {
        var path = CmsData.File("2026", "rvu26b", "PPRRVU2026_Apr_nonQPP.txt");

        var file = PprrvuReader.Read(path);

        file.ReleaseId.Should().Be("RVU26B");
        file.EffectiveFrom.Should().Be(new LocalDate(2026, 4, 1));
        file.Rows.Should().HaveCount(RealFiles.PprrvuTxtDataLines(path)).And.HaveCount(19_277);
        file.Rows.Should().OnlyContain(r => r.PricingIndicator == "9");
        var row = Row(file, "99213");
        row.WorkRvu.Value.Should().Be(1.30m);
        row.NonFacilityPeRvu.Value.Should().Be(1.46m);
        row.FacilityPeRvu.Value.Should().Be(0.33m);
        row.MpRvu.Value.Should().Be(0.09m);
        row.FileConversionFactor.Should().Be(new ConversionFactor(33.4009m));
    }

    [CmsDataFact]
    public void October_2025_txt_rows_equal_its_data_lines()
    {
        RealFiles.PprrvuOctober2025Txt.Rows.Should().HaveCount(RealFiles.PprrvuTxtDataLines(RealFiles.Rvu25D("PPRRVU2025_Oct.txt")));
    }

    [CmsDataFact]
    public void Reading_the_October_2025_csv_takes_well_under_a_second()
    {
        var path = RealFiles.Rvu25D("PPRRVU2025_Oct.csv");
        PprrvuReader.Read(path); // warm up the JIT

        var watch = System.Diagnostics.Stopwatch.StartNew();
        PprrvuReader.Read(path);
        watch.Stop();

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }
}
