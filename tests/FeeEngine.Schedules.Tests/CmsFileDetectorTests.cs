namespace FeeEngine.Schedules.Tests;

public sealed class CmsFileDetectorTests
{
    [Theory]
    [InlineData("PPRRVU2025_Oct.csv", CmsFileKind.Pprrvu)]
    [InlineData("pprrvu24_jan.csv", CmsFileKind.Pprrvu)]
    [InlineData("PPRRVU2026_Apr_nonQPP.txt", CmsFileKind.Pprrvu)]
    [InlineData("GPCI2025.xlsx", CmsFileKind.Gpci)]
    [InlineData("ANES2025.txt", CmsFileKind.Anesthesia)]
    [InlineData("OPPSCAP_Oct.csv", CmsFileKind.OppsCap)]
    [InlineData("ZIP5_OCT2025.txt", CmsFileKind.Zip5)]
    [InlineData("ZIP9_OCT2025.txt", CmsFileKind.Zip9)]
    [InlineData("25LOCCO.csv", CmsFileKind.LocalityCounty)]
    [InlineData("RVU25D.pdf", CmsFileKind.Documentation)]
    [InlineData("ZIP5lyout.txt", CmsFileKind.Documentation)]
    [InlineData("ZIP9layout.txt", CmsFileKind.Documentation)]
    [InlineData("notes.csv", CmsFileKind.Unknown)]
    public void Known_CMS_file_names_are_recognised(string fileName, CmsFileKind kind)
    {
        CmsFileDetector.DetectByName(fileName).Should().Be(kind);
        CmsFileDetector.Detect(Path.Combine("/no/such/folder", fileName)).Should().Be(kind);
    }

    [Theory]
    [InlineData("a.csv", CmsFileFormat.Csv)]
    [InlineData("b.TXT", CmsFileFormat.Txt)]
    [InlineData("c.xlsx", CmsFileFormat.Xlsx)]
    public void The_format_comes_from_the_extension(string fileName, CmsFileFormat format)
    {
        CmsFileFormats.FromPath(fileName).Should().Be(format);
    }

    [Fact]
    public void Renamed_sample_files_are_recognised_by_content()
    {
        using var temp = new TempFolder();

        Detect(temp, "a.csv", PprrvuSample.CsvWithCmsHeaderBlock(PprrvuSample.Row99213)).Should().Be(CmsFileKind.Pprrvu);
        Detect(temp, "b.txt", PprrvuSample.Txt(PprrvuSample.Row99213, PprrvuSample.Row27447)).Should().Be(CmsFileKind.Pprrvu);
        Detect(temp, "c.csv", "TITLE,,,,,,", ",,,,,,", "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI")
            .Should().Be(CmsFileKind.Gpci);
        Detect(temp, "d.csv", "Contractor,Locality,Locality Name,National Anes CF of 20.3178", "10112 ,00 ,ALABAMA,19.31 ").Should().Be(CmsFileKind.Anesthesia);
        Detect(temp, "e.txt", "10112       00    ALABAMA                                                1931").Should().Be(CmsFileKind.Anesthesia);
        Detect(temp, "f.csv", "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE", "0633T,TC,C,01112,05,150.69,150.69").Should().Be(CmsFileKind.OppsCap);
        Detect(temp, "g.txt", "0633TTC C 01112  05   150.69    150.69").Should().Be(CmsFileKind.OppsCap);
        Detect(temp, "h.txt", "AL352031011200 Z9   0 A".PadRight(75) + "20254").Should().Be(CmsFileKind.Zip5);
        Detect(temp, "i.txt", "AL352031011200      11234      A".PadRight(75) + "20254").Should().Be(CmsFileKind.Zip9);
        Detect(temp, "j.txt", "nothing to see here").Should().Be(CmsFileKind.Unknown);
    }

    [CmsDataTheory]
    [InlineData("2025/rvu25d/PPRRVU2025_Oct.txt", CmsFileKind.Pprrvu)]
    [InlineData("2025/rvu25d/GPCI2025.txt", CmsFileKind.Gpci)]
    [InlineData("2025/rvu25d/ANES2025.txt", CmsFileKind.Anesthesia)]
    [InlineData("2025/rvu25d/OPPSCAP_Oct.txt", CmsFileKind.OppsCap)]
    [InlineData("2025/zip-oct2025/ZIP5_OCT2025.txt", CmsFileKind.Zip5)]
    [InlineData("2025/rvu25d/ANES2025.xlsx", CmsFileKind.Anesthesia)]
    [InlineData("2025/rvu25d/GPCI2025.csv", CmsFileKind.Gpci)]
    public void Real_files_are_recognised_by_content_alone(string relativePath, CmsFileKind kind)
    {
        CmsFileDetector.DetectByContent(CmsData.File(relativePath.Split('/'))).Should().Be(kind);
    }

    private static CmsFileKind Detect(TempFolder temp, string fileName, params string[] lines) =>
        CmsFileDetector.Detect(temp.Write(fileName, lines));
}
