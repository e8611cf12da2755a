using System.Text;
using FeeEngine.Schedules.Remittance;

namespace FeeEngine.Schedules.Tests.Remittance;

/// <summary>
/// Malformed 835 files: each problem is reported with the segment number (in the diagnostic's line, and spelled out
/// as "segment N" in the reason, since an 835 is often one long line), the element and the value; every problem of
/// the file is reported, and a file with any problem yields nothing. Each test breaks one segment of
/// <see cref="Valid"/>, a small hand-written file that reads without problems.
/// </summary>
public sealed class Remittance835ReaderBadFileTests
{
    // Segments: 1 ISA, 2 GS, 3 ST, 4 BPR, 5 TRN, 6 N1*PR, 7 N1*PE, 8 LX, 9 CLP, 10 SVC, 11 DTM, 12 CAS, 13 SE, 14 GE, 15 IEA.
    private const string Valid = """
        ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SUNRISECLINIC  *250314*1200*^*00501*000000101*0*P*:~
        GS*HP*ACMEHEALTH*SUNRISECLINIC*20250314*1200*101*X*005010X221A1~
        ST*835*0001~
        BPR*I*100.00*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20250314~
        TRN*1*EFT0009999*1512345678~
        N1*PR*ACME HEALTH PPO*XV*ACME01~
        N1*PE*SUNRISE CLINIC*XX*1234567893~
        LX*1~
        CLP*PCN5001*1*120.00*100.00**12*ICN5001*11*1~
        SVC*HC:99213*120.00*100.00**1~
        DTM*472*20250301~
        CAS*CO*45*20.00~
        SE*11*0001~
        GE*1*101~
        IEA*1*000000101~
        """;

    private static string Break(string segment, string broken)
    {
        Valid.Should().Contain(segment, "the test breaks a segment of the valid file");
        return Valid.Replace(segment, broken, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Problems(string text) =>
        FluentActions.Invoking(() => Remittance835Reader.Parse(text, "bad.835"))
            .Should().Throw<CmsFileException>().Which.Diagnostics.Select(d => d.ToString());

    [Fact]
    public void The_valid_file_reads()
    {
        Remittance835Reader.Parse(Valid, "good.835").Should().ContainSingle().Which.Claims.Should().ContainSingle();
    }

    [Fact]
    public void When_an_amount_is_not_a_number_Then_the_segment_element_and_value_are_named()
    {
        Problems(Break("CLP*PCN5001*1*120.00*100.00*", "CLP*PCN5001*1*120.00*12x.00*")).Should().Equal(
            "bad.835 segment 9, field CLP04, value '12x.00': not an amount (expected digits with an optional minus sign and decimal point, e.g. 125.00 or -40.00)");
    }

    [Fact]
    public void When_an_amount_has_fractions_of_a_cent_or_a_thousands_separator_Then_it_is_refused()
    {
        Problems(Break("SVC*HC:99213*120.00*100.00**1~", "SVC*HC:99213*1,120.00*100.005**1~")).Should().Equal(
            "bad.835 segment 10, field SVC02, value '1,120.00': not an amount (expected digits with an optional minus sign and decimal point, e.g. 125.00 or -40.00)",
            "bad.835 segment 10, field SVC03, value '100.005': more than two decimals (fractions of a cent)");
    }

    [Fact]
    public void When_a_date_is_not_a_calendar_date_in_CCYYMMDD_Then_it_is_reported()
    {
        Problems(Break("DTM*472*20250301~", "DTM*472*20250231~")).Should().Equal(
            "bad.835 segment 11, field DTM02, value '20250231': not a date (expected CCYYMMDD, e.g. 20250314)");
        Problems(Break("*987654321*20250314~", "*987654321*03/14/2025~")).Should().Equal(
            "bad.835 segment 4, field BPR16, value '03/14/2025': not a date (expected CCYYMMDD, e.g. 20250314)");
    }

    [Fact]
    public void When_SE01_does_not_count_the_segments_of_the_transaction_Then_both_counts_are_given()
    {
        Problems(Break("SE*11*0001~", "SE*10*0001~")).Should().Equal(
            "bad.835 segment 13, field SE01, value '10': the transaction has 11 segments (ST at segment 3 to this SE, both included), not 10: a segment is missing, extra or the count is wrong");
    }

    [Fact]
    public void When_SE02_is_not_the_control_number_of_its_ST_Then_it_is_reported()
    {
        Problems(Break("SE*11*0001~", "SE*11*0002~")).Should().Equal(
            "bad.835 segment 13, field SE02, value '0002': does not match ST02 '0001' of the transaction at segment 3");
    }

    [Fact]
    public void When_SVC01_has_no_procedure_code_Then_the_line_is_reported()
    {
        Problems(Break("SVC*HC:99213*", "SVC*HC*")).Should().Equal(
            "bad.835 segment 10, field SVC01, value 'HC': no procedure code: SVC01 needs a qualifier and a code, e.g. HC:99213");
        Problems(Break("SVC*HC:99213*", "SVC**")).Should().Equal(
            "bad.835 segment 10, field SVC01: missing procedure: SVC01 needs a qualifier and a code, e.g. HC:99213");
    }

    [Fact]
    public void When_an_HC_code_is_not_a_HCPCS_code_or_a_modifier_is_wrong_Then_each_is_reported()
    {
        Problems(Break("SVC*HC:99213*", "SVC*HC:9921:2*")).Should().Equal(
            "bad.835 segment 10, field SVC01-2, value '9921': not a HCPCS code (5 letters or digits, e.g. 99213 or G0121)",
            "bad.835 segment 10, field SVC01-3, value '2': not a modifier (2 letters or digits)");
        Problems(Break("SVC*HC:99213*", "SVC*XX:99213*")).Should().Equal(
            "bad.835 segment 10, field SVC01-1, value 'XX': not a procedure code qualifier (expected HC for HCPCS/CPT, NU for a revenue code, N4 for an NDC, or AD, ER, HP, IV, N6, UI, WK)");
    }

    [Fact]
    public void When_a_CAS_triple_is_truncated_Then_the_missing_element_is_named()
    {
        Problems(Break("CAS*CO*45*20.00~", "CAS*CO*45*20.00**253~")).Should().Equal(
            "bad.835 segment 12, field CAS06: missing amount for reason 253 (CAS05): the triple is incomplete");
        Problems(Break("CAS*CO*45*20.00~", "CAS*CO**20.00~")).Should().Equal(
            "bad.835 segment 12, field CAS02: missing reason code for the amount in CAS03: each reason, amount (and quantity) triple needs its reason");
        Problems(Break("CAS*CO*45*20.00~", "CAS*CO~")).Should().Equal(
            "bad.835 segment 12, field CAS02: missing reason code: a CAS needs at least one reason and amount");
    }

    [Fact]
    public void When_a_CAS_has_an_unknown_group_or_stands_outside_a_claim_Then_it_is_reported()
    {
        Problems(Break("CAS*CO*45*20.00~", "CAS*XY*45*20.00~")).Should().Equal(
            "bad.835 segment 12, field CAS01, value 'XY': not an adjustment group (expected CO contractual, PR patient responsibility, OA other, PI payer initiated or CR correction)");
        Problems(Break("LX*1~", "CAS*CO*45*1.00~")).Should().Equal(
            "bad.835 segment 8: CAS: CAS outside a claim: an adjustment must follow a CLP (claim level) or an SVC (line level)");
    }

    [Fact]
    public void When_a_claim_status_is_unknown_or_the_claim_id_missing_Then_both_are_reported()
    {
        Problems(Break("CLP*PCN5001*1*", "CLP**7*")).Should().Equal(
            "bad.835 segment 9, field CLP01: missing claim id (the provider's patient control number)",
            "bad.835 segment 9, field CLP02, value '7': not a claim status (expected 1, 2, 3 processed, 4 denied, 19, 20, 21 forwarded, 22 reversal, 23 not our claim or 25 predetermination)");
    }

    [Fact]
    public void When_the_transaction_is_not_an_835_Then_it_is_refused()
    {
        Problems(Break("ST*835*0001~", "ST*837*0001~")).Should().Equal(
            "bad.835 segment 3, field ST01, value '837': not an 835 transaction set (expected ST*835: this reader reads payment/advice files only)");
    }

    [Fact]
    public void When_the_file_ends_inside_a_transaction_Then_the_missing_SE_is_reported()
    {
        var truncated = Valid[..Valid.IndexOf("SE*11", StringComparison.Ordinal)];

        Problems(truncated).Should().Equal(
            "bad.835 segment 3: ST: the transaction has no SE: the file ends inside it after segment 12 (is it truncated?)");
    }

    [Fact]
    public void When_there_is_no_ISA_Then_the_file_is_not_an_X12_file()
    {
        var noIsa = Valid[Valid.IndexOf("GS*", StringComparison.Ordinal)..];

        Problems(noIsa).Should().Equal(
            "bad.835: no ISA segment at the start of the file: an 835 remittance is an X12 file that starts with ISA");
        Problems("").Should().Equal(
            "bad.835: no ISA segment at the start of the file: an 835 remittance is an X12 file that starts with ISA");
    }

    [Fact]
    public void When_the_ISA_is_short_of_elements_Then_its_delimiters_cannot_be_read()
    {
        Problems(Break("*0*P*:~", "*0*P~")).Should().Equal(
            "bad.835: ISA16 'H' is not a component separator (expected a punctuation mark such as ':' or '^'); the ISA may be missing an element");
    }

    [Fact]
    public void When_a_file_has_two_problems_Then_both_are_reported_in_file_order_and_nothing_is_read()
    {
        var text = Break("CLP*PCN5001*1*120.00*100.00*", "CLP*PCN5001*1*120.00*12x.00*")
            .Replace("DTM*472*20250301~", "DTM*472*2025031~", StringComparison.Ordinal);

        var error = FluentActions.Invoking(() => Remittance835Reader.Parse(text, "bad.835")).Should().Throw<CmsFileException>().Which;

        error.TotalProblems.Should().Be(2);
        error.Diagnostics.Select(d => (d.Line, d.Field, d.Value)).Should().Equal((9, "CLP04", "12x.00"), (11, "DTM02", "2025031"));
        error.Message.Should().Be(string.Join(Environment.NewLine,
            "bad.835 was rejected: 2 problems.",
            "  bad.835 segment 9, field CLP04, value '12x.00': not an amount (expected digits with an optional minus sign and decimal point, e.g. 125.00 or -40.00)",
            "  bad.835 segment 11, field DTM02, value '2025031': not a date (expected CCYYMMDD, e.g. 20250314)"));
    }

    [Fact]
    public void When_a_file_has_more_problems_than_the_cap_Then_the_first_are_kept_and_all_are_counted()
    {
        // 250 lines with a bad paid amount, in one claim; SE01 counted right so only the amounts are wrong.
        var lines = new StringBuilder();
        for (var i = 0; i < 250; i++) lines.Append("SVC*HC:99213*120.00*x**1~\n");
        var text = Break("SVC*HC:99213*120.00*100.00**1~\n", lines.ToString()).Replace("SE*11*0001~", "SE*260*0001~", StringComparison.Ordinal);

        var error = FluentActions.Invoking(() => Remittance835Reader.Parse(text, "bad.835")).Should().Throw<CmsFileException>().Which;

        error.TotalProblems.Should().Be(250);
        error.Diagnostics.Should().HaveCount(CmsFileException.MaxDiagnostics);
        error.Diagnostics[0].ToString().Should().StartWith("bad.835 segment 10, field SVC03, value 'x': not an amount");
    }
}
