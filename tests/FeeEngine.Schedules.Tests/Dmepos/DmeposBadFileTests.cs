namespace FeeEngine.Schedules.Tests.Dmepos;

/// <summary>
/// Hand-written files in the DMEPOS layout (two states only) that must be rejected, every problem named by file,
/// line, column and value.
/// </summary>
public sealed class DmeposBadFileTests : IDisposable
{
    private const string Title = "Durable Medical Equipment,,,,,,,,,,,";
    private const string Month = "January 2026 Fee Schedule,,,,,,,,,,,";
    private const string Header = "HCPCS,Mod,Mod2,JURIS,CATG,Ceiling,Floor,AL (NR),AL (R),AK (NR),AK (R),Description";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<string> Problems(string path)
    {
        var act = () => DmeposReader.Read(path);
        return act.Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString());
    }

    [Fact]
    public void A_good_small_file_reads_and_its_id_comes_from_the_title_month_not_the_file_name()
    {
        var path = _temp.Write("mine.csv", Title, Month, "", Header,
            "E0260,RR,,D,CR,0,0,78.16,128.14,128.13,0,",
            "A4216,,,J,OS,0.63,0.54,0.58,0,0.99,0,");

        var s = DmeposReader.Read(path);

        (s.Id, s.Count).Should().Be(("DMEPOS26_JAN", 2));
        s.Fees.First().States.Select(x => x.State).Should().Equal("AL", "AK");
    }

    [Fact]
    public void A_bad_amount_a_bad_code_and_a_duplicate_key_are_each_named()
    {
        var path = _temp.Write("DMEPOS_BAD.csv", Title, Month, Header,
            "E0260,RR,,D,CR,0,0,78.16,abc,128.13,0,",
            "E026,RR,,D,CR,0,0,78.16,128.14,128.13,0,",
            "A4216,,,J,OS,0.63,0.54,0.585,0,0.99,0,",
            "E0260,RR,,D,CR,0,0,78.16,128.14,128.13,0,",
            "E0260,RR,,D,CR,0,0,78.16,128.14,128.13,0,");

        Problems(path).Should().Equal(
            "DMEPOS_BAD.csv line 4, field AL (R), value 'abc': not a number",
            "DMEPOS_BAD.csv line 5, field HCPCS, value 'E026': invalid HCPCS code: expected 5 letters or digits",
            "DMEPOS_BAD.csv line 6, field AL (NR), value '0.585': more than two decimals (fractions of a cent)",
            "DMEPOS_BAD.csv line 8, field HCPCS+Mod+Mod2, value 'E0260 RR': listed twice: already on row 7");
    }

    [Fact]
    public void An_unknown_state_column_and_a_state_with_one_column_reject_the_header()
    {
        var path = _temp.Write("DMEPOS_STATES.csv", Title, Month,
            "HCPCS,Mod,Mod2,JURIS,CATG,Ceiling,Floor,AL (NR),AL (R),XX (NR),XX (R),AK (NR),Description",
            "E0260,RR,,D,CR,0,0,78.16,128.14,1,1,128.13,");

        Problems(path).Should().Equal(
            "DMEPOS_STATES.csv line 3, field column 10, value 'XX (NR)': unknown state column: expected <ST> (NR) or <ST> (R) for one of the 50 states, DC, PR or VI",
            "DMEPOS_STATES.csv line 3, field column 11, value 'XX (R)': unknown state column: expected <ST> (NR) or <ST> (R) for one of the 50 states, DC, PR or VI",
            "DMEPOS_STATES.csv line 3, field AK (R): required column missing from the header: AK (NR) is there, AK (R) is not");
    }

    [Fact]
    public void A_missing_header_and_a_missing_Mod2_column_and_a_missing_title_month_are_reported()
    {
        var noHeader = _temp.Write("DMEPOS_NOHEADER.csv", Title, Month, "E0260,RR,,D,CR,0,0,78.16,128.14,128.13,0,");
        var noMod2 = _temp.Write("DMEPOS_NOMOD2.csv", Title, Month, "HCPCS,Mod,JURIS,CATG,Ceiling,Floor,AL (NR),AL (R)", "E0260,RR,D,CR,0,0,78.16,128.14");
        var noMonth = _temp.Write("DMEPOS_NOMONTH.csv", Title, Header, "E0260,RR,,D,CR,0,0,78.16,128.14,128.13,0,");
        var onlyJuris = _temp.Write("DMEPOS_NOCATG.csv", Month, "HCPCS,Mod,Mod2,JURIS,Ceiling,Floor,AL (NR),AL (R)", "E0260,RR,,D,0,0,78.16,128.14");

        Problems(noHeader).Should().ContainSingle().Which.Should().StartWith("DMEPOS_NOHEADER.csv: header not found");
        Problems(noMod2).Should().Equal("DMEPOS_NOMOD2.csv line 3, field Mod2: required column missing from the header");
        Problems(noMonth).Should().Equal("DMEPOS_NOMONTH.csv: no title naming the month in force (e.g. 'January 2026 Fee Schedule') above the header");
        Problems(onlyJuris).Should().Equal("DMEPOS_NOCATG.csv line 2, field CATG: required column missing from the header: the DMEPOS file has JURIS and CATG, the PEN file neither");
    }

    [Fact]
    public void A_PEN_file_has_no_JURIS_or_CATG_and_its_state_headers_have_no_space()
    {
        var path = _temp.Write("DMEPEN_SMALL.csv",
            "2026 Parenteral and Enteral Nutrition Items and Services (PEN) Fee Schedule,,,,,,,",
            "January 2026 Fee Schedule,,,,,,,",
            "HCPCS,MOD,MOD2,AL(NR),AL(R),AK(NR),AK(R),Desc",
            "E0776,RR,KE,0,22.98,0,22.98,",
            "E0776,RR,BA,6.61,20.52,6.61,20.52,");

        var s = DmeposReader.Read(path);

        (s.Id, s.File, s.Count).Should().Be(("DMEPEN26_JAN", Core.Dmepos.DmeposFile.ParenteralEnteral, 2));
    }
}
