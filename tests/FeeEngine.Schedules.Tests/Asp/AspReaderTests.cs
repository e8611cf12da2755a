using FeeEngine.Core.Asp;
using FeeEngine.Core.Codes;
using NodaTime;

namespace FeeEngine.Schedules.Tests.Asp;

/// <summary>
/// The quarterly ASP pricing file reader (issue 7). No CMS ASP file is available here, so the reader is tested on
/// schedules/asp/asp-2026-q1-sample.csv, written by hand in CMS's layout, and on small bad files.
/// </summary>
public sealed class AspReaderTests : IDisposable
{
    private const string Header = "HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Co-insurance Percentage,Vaccine AWP%,Vaccine Limit,Blood AWP%,Blood Limit,Clotting Factor,Notes";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_hand_written_sample_reads_13_rates_for_the_first_quarter_of_2026()
    {
        var asp = AspReader.Read(RepositoryFiles.Schedules(Path.Combine("asp", "asp-2026-q1-sample.csv")));

        (asp.Id, asp.EffectiveFrom, asp.EffectiveTo, asp.Count).Should().Be(("ASP 2026 Q1", new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 31), 13));
        asp.FindOrNull(HcpcsCode.Parse("J0129")).Should().Be(new AspRate(HcpcsCode.Parse("J0129"), "10 MG", 52.417m, 20m));
        asp.FindOrNull(HcpcsCode.Parse("J0129"))!.CoinsuranceRate.Should().Be(0.20m);
        asp.FindOrNull(HcpcsCode.Parse("J1885"))!.PaymentLimit.Should().Be(0.123m);
        asp.FindOrNull(HcpcsCode.Parse("J9035"))!.PaymentLimit.Should().Be(64.328m);
        asp.FindOrNull(HcpcsCode.Parse("J2505"))!.Dosage.Should().Be("0.5 MG");
        asp.FindOrNull(HcpcsCode.Parse("99213")).Should().BeNull();
    }

    [Fact]
    public void Headers_match_whatever_their_case_and_spacing_and_unknown_columns_are_ignored_and_an_April_file_is_Q2()
    {
        var path = _temp.Write("April 2026 ASP Pricing File.csv",
            "Payment limits,", "", "", "", "", "", "", "",
            "hcpcs  code,HCPCS CODE DOSAGE,Some New Column,payment limit",
            "J9299,1 MG,x,33.094");

        var asp = AspReader.Read(path);

        (asp.Id, asp.EffectiveFrom, asp.EffectiveTo).Should().Be(("ASP 2026 Q2", new LocalDate(2026, 4, 1), new LocalDate(2026, 6, 30)));
        asp.FindOrNull(HcpcsCode.Parse("J9299")).Should().Be(new AspRate(HcpcsCode.Parse("J9299"), "1 MG", 33.094m, null));
    }

    [Fact]
    public void Bad_rows_are_reported_with_line_column_and_value()
    {
        var path = _temp.Write("ASP_BAD.csv",
            "January 2026 ASP Pricing File", "", "", "", "", "", "", "",
            Header,
            "J0129,Sample,10 MG,abc,20%,,,,,,",
            "J012,Sample,10 MG,52.417,20%,,,,,,",
            "J0135,Sample,,1214.56,20%,,,,,,",
            "J0178,Sample,1 MG,462.9081,20%,,,,,,",
            "J0585,Sample,1 UNIT,6.812,120%,,,,,,",
            "J0897,Sample,1 MG,21.375,20%,,,,,,",
            "J0897,Sample,1 MG,21.375,20%,,,,,,");

        var act = () => AspReader.Read(path);

        act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "ASP_BAD.csv line 10, field Payment Limit, value 'abc': not a number",
            "ASP_BAD.csv line 11, field HCPCS Code, value 'J012': invalid HCPCS code: expected 5 letters or digits",
            "ASP_BAD.csv line 12, field HCPCS Code Dosage, value '': missing dosage (the billing unit)",
            "ASP_BAD.csv line 13, field Payment Limit, value '462.9081': more than three decimals",
            "ASP_BAD.csv line 14, field Co-insurance Percentage, value '120': out of range 0..100",
            "ASP_BAD.csv line 16, field HCPCS Code, value 'J0897': listed twice: already on line 15");
    }

    [Fact]
    public void A_missing_header_a_missing_payment_limit_column_and_a_file_naming_no_quarter_are_rejected()
    {
        var noHeader = _temp.Write("ASP_NOHEADER.csv", "January 2026 ASP Pricing File", "J0129,Sample,10 MG,52.417");
        var noLimit = _temp.Write("ASP_NOLIMIT.csv", "January 2026 ASP Pricing File", "HCPCS Code,Payment Limit2,HCPCS Code Dosage", "J0129,52.417,10 MG");
        var noQuarter = _temp.Write("asp.csv", "Payment limits", "HCPCS Code,HCPCS Code Dosage,Payment Limit", "J0129,10 MG,52.417");
        var february = _temp.Write("asp-feb.csv", "February 2026 ASP Pricing File", "HCPCS Code,HCPCS Code Dosage,Payment Limit", "J0129,10 MG,52.417");

        Messages(noHeader).Should().ContainSingle().Which.Should().StartWith("ASP_NOHEADER.csv: header not found");
        Messages(noLimit).Should().ContainSingle().Which.Should().StartWith("ASP_NOLIMIT.csv: header not found");
        Messages(noQuarter).Should().Equal("asp.csv: no quarter named in the rows above the header or the file name (e.g. 'January 2026 ASP Pricing File')");
        Messages(february).Should().Equal("asp-feb.csv: 'February 2026' does not name an ASP quarter: CMS's files start in January, April, July or October");
    }

    private static IEnumerable<string> Messages(string path)
    {
        var act = () => AspReader.Read(path);
        return act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString());
    }
}
