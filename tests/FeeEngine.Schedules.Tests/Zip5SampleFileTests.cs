using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests;

public sealed class Zip5SampleFileTests
{
    private static string Line(string state, string zip, string carrier, string locality, string rural, string plusFour, string yearQuarter) =>
        $"{state}{zip}{carrier}{locality}{rural,1}Z9   {plusFour} A".PadRight(75) + yearQuarter;

    [Theory]
    [InlineData("20254", 2025, 10)]
    [InlineData("20261", 2026, 1)]
    [InlineData("20242", 2024, 4)]
    public void The_year_quarter_gives_the_first_day_of_the_quarter(string yearQuarter, int year, int month)
    {
        using var temp = new TempFolder();
        var path = temp.Write("ZIP5_SAMPLE.txt", Line("AL", "35203", "10112", "00", " ", "0", yearQuarter));

        var file = Zip5Reader.Read(path);

        file.YearQuarter.Should().Be(yearQuarter);
        file.EffectiveFrom.Should().Be(new LocalDate(year, month, 1));
        file.Rows.Single().Locality.Should().Be(LocalityId.Parse("10112-00"));
    }

    [Fact]
    public void Rural_indicator_and_plus_four_flag_are_kept()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ZIP5_SAMPLE.txt",
            Line("WY", "83128", "03602", "21", "B", "0", "20254"),
            Line("AK", "99501", "02102", "01", " ", "1", "20254"));

        var rows = Zip5Reader.Read(path).Rows;

        rows[0].RuralIndicator.Should().Be("B");
        rows[0].PlusFourFlag.Should().BeFalse();
        rows[1].RuralIndicator.Should().Be("");
        rows[1].PlusFourFlag.Should().BeTrue();
    }

    [Fact]
    public void A_spreadsheet_zip_code_stored_as_a_number_gets_its_leading_zeros_back()
    {
        using var temp = new TempFolder();
        string[] lines =
        [
            "STATE,ZIP CODE,CARRIER,LOCALITY,RURAL IND,LAB CB LOCALITY,RURAL IND2,PLUS 4 FLAG,PART B DRUG INDICATOR,YEAR/QTR",
            "NY,00501,13202,04,,Z9,,0,A,20254",
        ];

        var file = Zip5Reader.Read(XlsxSample.Write(Path.Combine(temp.Path, "ZIP5_SAMPLE.xlsx"), lines, numbersFromRow: 2));

        file.Rows.Single().Zip.Should().Be("00501");
        file.Rows.Single().Locality.Should().Be(LocalityId.Parse("13202-04"));
    }

    [Fact]
    public void A_duplicate_zip_a_short_line_a_bad_flag_and_a_mixed_quarter_are_all_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("ZIP5_SAMPLE.txt",
            Line("AL", "35203", "10112", "00", " ", "0", "20254"),
            Line("AL", "35203", "10112", "00", " ", "0", "20254"),
            "AL352041011200 Z9   0 A",
            Line("AL", "35205", "10112", "00", "X", "2", "20254"),
            Line("AL", "35206", "10112", "00", " ", "0", "20261"));

        var read = () => Zip5Reader.Read(path);

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Should().Equal(
            new FileDiagnostic("ZIP5_SAMPLE.txt", 2, "ZIP CODE", "35203", "duplicate ZIP code: already on line 1"),
            new FileDiagnostic("ZIP5_SAMPLE.txt", 3, null, null, "line too short: 23 characters, the ZIP5 layout needs 80"),
            new FileDiagnostic("ZIP5_SAMPLE.txt", 4, "RURAL IND", "X", "invalid rural indicator: expected blank, R or B"),
            new FileDiagnostic("ZIP5_SAMPLE.txt", 4, "PLUS 4 FLAG", "2", "invalid plus-four flag: expected 0 or 1"),
            new FileDiagnostic("ZIP5_SAMPLE.txt", 5, "YEAR/QTR", "20261", "year/quarter differs from the file's 20254 (line 1)"));
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        using var temp = new TempFolder();

        var read = () => Zip5Reader.Read(temp.WriteText("ZIP5_SAMPLE.txt", ""));

        read.Should().Throw<CmsFileException>().Which.Diagnostics.Single().Reason.Should().Be("file is empty");
    }
}
