using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using FeeEngine.Schedules.Remittance;
using NodaTime;

namespace FeeEngine.Schedules.Tests.Remittance;

/// <summary>
/// Hand-written 835 remittances (invented payer, provider, patients and ids: no real data) read into the model: payer,
/// trace and payment from the header, claims with claim- and line-level adjustments, line ids, allowed amounts,
/// reversals, denials, several transactions and envelopes, and the delimiters each file declares in its ISA.
/// </summary>
public sealed class Remittance835ReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// One payment of 405.50 by EFT from Acme Health PPO for three claims: a paid professional claim with two lines
    /// (multi-triple CAS at line level), an outpatient claim on a revenue code with its adjustment at claim level, and a
    /// denied claim. Segment numbers (ISA = 1) are in the comments on the right of the test that uses them.
    /// </summary>
    private const string ThreeClaims = """
        ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SUNRISECLINIC  *250314*1200*^*00501*000000101*0*P*:~
        GS*HP*ACMEHEALTH*SUNRISECLINIC*20250314*1200*101*X*005010X221A1~
        ST*835*0001~
        BPR*I*405.50*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20250314~
        TRN*1*EFT0001234*1512345678~
        DTM*405*20250313~
        N1*PR*ACME HEALTH PPO*XV*ACME01~
        N3*100 MAIN ST~
        N4*SPRINGFIELD*IL*62701~
        REF*2U*ACME-PAYER-77~
        N1*PE*SUNRISE CLINIC*XX*1234567893~
        LX*1~
        CLP*PCN1001*1*300.00*205.50*15.00*12*ICN0000001*11*1~
        NM1*QC*1*DOE*JANE****MI*MBR0001~
        DTM*232*20250301~
        DTM*233*20250301~
        SVC*HC:99213*150.00*113.50**1~
        DTM*472*20250301~
        CAS*CO*45*20.00**253*1.50~
        CAS*PR*1*10.00*1*2*5.00~
        REF*6R*LINE0001~
        AMT*B6*130.00~
        SVC*HC:71046:26:RT*150.00*92.00**2~
        CAS*CO*45*58.00~
        REF*6R*LINE0002~
        AMT*B6*92.00~
        CLP*PCN1002*1*250.00*200.00**13*ICN0000002*13*1~
        NM1*QC*1*ROE*RICHARD****MI*MBR0002~
        DTM*232*20250305~
        DTM*233*20250306~
        CAS*CO*45*48.50**253*1.50~
        SVC*NU:0450*250.00*200.00~
        DTM*472*20250305~
        CLP*PCN1003*4*95.00*0**12*ICN0000003*11*1~
        NM1*QC*1*POE*EDGAR****MI*MBR0003~
        DTM*232*20250307~
        CAS*CO*50*95.00~
        SE*36*0001~
        GE*1*101~
        IEA*1*000000101~
        """;

    [Fact]
    public void When_a_file_holds_one_payment_for_several_claims_Then_the_header_and_every_claim_are_read()
    {
        var remittances = Remittance835Reader.Parse(ThreeClaims, "acme-0314.835");

        var remittance = remittances.Should().ContainSingle().Subject;
        remittance.FileName.Should().Be("acme-0314.835");
        remittance.PayerName.Should().Be("ACME HEALTH PPO");
        remittance.PayerId.Should().Be("ACME01", "N104 is preferred to REF*2U");
        remittance.TraceNumber.Should().Be("EFT0001234");
        remittance.PaymentDate.Should().Be(new LocalDate(2025, 3, 14));
        remittance.TotalPaid.Should().Be(new Money(405.50m));
        remittance.Claims.Select(c => (c.ClaimId, c.StatusCode, c.Charge, c.Paid, c.PatientResponsibility, c.PayerClaimControlNumber, c.Segment))
            .Should().Equal(
                ("PCN1001", "1", new Money(300m), new Money(205.50m), new Money(15m), "ICN0000001", 13),
                ("PCN1002", "1", new Money(250m), new Money(200m), (Money?)null, "ICN0000002", 27),
                ("PCN1003", "4", new Money(95m), Money.Zero, (Money?)null, "ICN0000003", 34));
    }

    [Fact]
    public void When_a_claim_has_lines_Then_each_line_has_its_code_modifiers_amounts_units_date_id_allowed_and_adjustments()
    {
        var claim = Remittance835Reader.Parse(ThreeClaims, "acme-0314.835")[0].Claims[0];

        claim.ServiceFrom.Should().Be(new LocalDate(2025, 3, 1));
        claim.ServiceTo.Should().Be(new LocalDate(2025, 3, 1));
        claim.Adjustments.Should().BeEmpty();
        claim.IsReversal.Should().BeFalse();
        claim.IsDenied.Should().BeFalse();
        claim.Lines.Should().HaveCount(2);

        var visit = claim.Lines[0];
        visit.LineId.Should().Be("LINE0001");
        visit.ProcedureQualifier.Should().Be("HC");
        visit.Code.Should().Be(HcpcsCode.Parse("99213"));
        visit.Modifiers.Count.Should().Be(0);
        visit.Charge.Should().Be(new Money(150m));
        visit.Paid.Should().Be(new Money(113.50m));
        visit.Units.Should().Be(1);
        visit.ServiceDate.Should().Be(new LocalDate(2025, 3, 1));
        visit.Allowed.Should().Be(new Money(130m));
        visit.Segment.Should().Be(17);
        // CAS*CO*45*20.00**253*1.50 and CAS*PR*1*10.00*1*2*5.00: one adjustment per reason/amount/quantity triple.
        visit.Adjustments.Should().Equal(
            new CasAdjustment("CO", "45", new Money(20m), null),
            new CasAdjustment("CO", "253", new Money(1.50m), null),
            new CasAdjustment("PR", "1", new Money(10m), 1m),
            new CasAdjustment("PR", "2", new Money(5m), null));
        visit.PatientResponsibility.Should().Be(new Money(15m), "deductible 10.00 + coinsurance 5.00");

        var xray = claim.Lines[1];
        xray.LineId.Should().Be("LINE0002");
        xray.Code.Should().Be(HcpcsCode.Parse("71046"));
        xray.Modifiers.ToString().Should().Be("26:RT");
        xray.Units.Should().Be(2);
        xray.ServiceDate.Should().Be(new LocalDate(2025, 3, 1), "a line without a DTM takes the claim's service date");
        xray.Allowed.Should().Be(new Money(92m));
        xray.Adjustments.Should().Equal(new CasAdjustment("CO", "45", new Money(58m), null));
        xray.PatientResponsibility.Should().Be(Money.Zero);
        xray.Segment.Should().Be(23);
    }

    [Fact]
    public void When_a_claim_carries_its_adjustment_before_its_lines_Then_it_is_a_claim_level_adjustment()
    {
        var claim = Remittance835Reader.Parse(ThreeClaims, "acme-0314.835")[0].Claims[1];

        claim.ServiceFrom.Should().Be(new LocalDate(2025, 3, 5));
        claim.ServiceTo.Should().Be(new LocalDate(2025, 3, 6));
        claim.Adjustments.Should().Equal(
            new CasAdjustment("CO", "45", new Money(48.50m), null),
            new CasAdjustment("CO", "253", new Money(1.50m), null));
        var line = claim.Lines.Should().ContainSingle().Subject;
        line.Adjustments.Should().BeEmpty();
        line.Allowed.Should().BeNull();
        line.LineId.Should().BeNull();
    }

    [Fact]
    public void When_a_line_is_on_a_revenue_code_Then_the_line_is_kept_with_its_code_as_text_and_no_HCPCS_code()
    {
        var line = Remittance835Reader.Parse(ThreeClaims, "acme-0314.835")[0].Claims[1].Lines[0];

        line.ProcedureQualifier.Should().Be("NU");
        line.ProcedureCode.Should().Be("0450");
        line.Code.IsDefault.Should().BeTrue("only HC (HCPCS/CPT) codes are read as a HcpcsCode");
        line.Charge.Should().Be(new Money(250m));
        line.Paid.Should().Be(new Money(200m));
        line.Units.Should().Be(1, "a blank SVC05 is one unit");
        line.ServiceDate.Should().Be(new LocalDate(2025, 3, 5));
    }

    [Fact]
    public void When_a_claim_is_denied_Then_it_is_read_with_nothing_paid_and_its_denial_reason()
    {
        var claim = Remittance835Reader.Parse(ThreeClaims, "acme-0314.835")[0].Claims[2];

        claim.IsDenied.Should().BeTrue();
        claim.IsReversal.Should().BeFalse();
        claim.StatusCode.Should().Be("4");
        claim.Paid.Should().Be(Money.Zero);
        claim.ServiceFrom.Should().Be(new LocalDate(2025, 3, 7));
        claim.ServiceTo.Should().BeNull();
        claim.Adjustments.Should().Equal(new CasAdjustment("CO", "50", new Money(95m), null));
        claim.Lines.Should().BeEmpty();
    }

    [Fact]
    public void When_a_payment_is_reversed_and_corrected_Then_the_reversal_and_the_correction_are_two_claims_in_file_order()
    {
        const string text = """
            ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*SUNRISECLINIC  *250321*0900*^*00501*000000102*0*P*:~
            GS*HP*ACMEHEALTH*SUNRISECLINIC*20250321*0900*102*X*005010X221A1~
            ST*835*0002~
            BPR*I*10.00*C*CHK************20250321~
            TRN*1*CHK0005555*1512345678~
            N1*PR*ACME HEALTH PPO~
            REF*2U*ACME-PAYER-77~
            N1*PE*SUNRISE CLINIC*XX*1234567893~
            LX*1~
            CLP*PCN1001*22*-150.00*-115.00*-15.00*12*ICN0000001*11*1~
            NM1*QC*1*DOE*JANE****MI*MBR0001~
            SVC*HC:99213*-150.00*-115.00**1~
            DTM*472*20250301~
            CAS*CO*45*-20.00~
            CAS*PR*1*-15.00~
            REF*6R*LINE0001~
            CLP*PCN1001*1*150.00*125.00*15.00*12*ICN0000010*11*1~
            NM1*QC*1*DOE*JANE****MI*MBR0001~
            SVC*HC:99213*150.00*125.00**1~
            DTM*472*20250301~
            CAS*CO*45*10.00~
            CAS*PR*1*15.00~
            REF*6R*LINE0001~
            AMT*B6*140.00~
            SE*23*0002~
            GE*1*102~
            IEA*1*000000102~
            """;

        var remittance = Remittance835Reader.Parse(text, "acme-0321.835").Should().ContainSingle().Subject;

        remittance.PayerId.Should().Be("ACME-PAYER-77", "without N104 the payer id is REF*2U");
        remittance.TotalPaid.Should().Be(new Money(10m));
        remittance.TraceNumber.Should().Be("CHK0005555");
        remittance.Claims.Should().HaveCount(2);
        var (reversal, correction) = (remittance.Claims[0], remittance.Claims[1]);

        reversal.IsReversal.Should().BeTrue();
        reversal.ClaimId.Should().Be("PCN1001");
        reversal.PayerClaimControlNumber.Should().Be("ICN0000001");
        (reversal.Charge, reversal.Paid, reversal.PatientResponsibility).Should().Be((new Money(-150m), new Money(-115m), (Money?)new Money(-15m)));
        reversal.ServiceFrom.Should().BeNull();
        var reversed = reversal.Lines.Should().ContainSingle().Subject;
        (reversed.Charge, reversed.Paid).Should().Be((new Money(-150m), new Money(-115m)));
        reversed.Adjustments.Should().Equal(
            new CasAdjustment("CO", "45", new Money(-20m), null),
            new CasAdjustment("PR", "1", new Money(-15m), null));
        reversed.PatientResponsibility.Should().Be(new Money(-15m));

        correction.IsReversal.Should().BeFalse();
        correction.StatusCode.Should().Be("1");
        correction.ClaimId.Should().Be("PCN1001");
        correction.PayerClaimControlNumber.Should().Be("ICN0000010");
        (correction.Charge, correction.Paid).Should().Be((new Money(150m), new Money(125m)));
        correction.Lines.Should().ContainSingle().Which.Allowed.Should().Be(new Money(140m));
        (reversal.Paid + correction.Paid).Should().Be(new Money(10m), "the net of the reversal and its correction is what was paid");
    }

    [Fact]
    public void When_a_file_holds_two_transactions_Then_each_is_its_own_remittance_with_its_own_payer_and_claims()
    {
        const string text = """
            ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*SUNRISECLINIC  *250314*1200*^*00501*000000103*0*P*:~
            GS*HP*CLEARINGHOUSE*SUNRISECLINIC*20250314*1200*103*X*005010X221A1~
            ST*835*1001~
            BPR*I*80.00*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20250314~
            TRN*1*EFT1001*1512345678~
            N1*PR*ACME HEALTH PPO*XV*ACME01~
            N1*PE*SUNRISE CLINIC*XX*1234567893~
            LX*1~
            CLP*PCN3001*1*100.00*80.00**12*ICN3001*11*1~
            SVC*HC:99212*100.00*80.00**1~
            DTM*472*20250310~
            CAS*CO*45*20.00~
            SE*11*1001~
            ST*835*1002~
            BPR*I*65.35*C*ACH*CCP*01*011000015*DA*555000111*1512345678**01*021000021*DA*987654321*20250315~
            TRN*1*EFT2002*1512345678~
            N1*PR*SUMMIT CARE*XV*SUMMIT9~
            N1*PE*SUNRISE CLINIC*XX*1234567893~
            LX*1~
            CLP*PCN3002*2*90.00*64.25**12*ICN3002*11*1~
            SVC*HC:93000*90.00*64.25**1~
            DTM*472*20250311~
            CAS*OA*23*25.75~
            PLB*1234567893*20251231*L6:INTEREST*-1.10~
            SE*12*1002~
            GE*2*103~
            IEA*1*000000103~
            """;

        var remittances = Remittance835Reader.Parse(text, "clearinghouse.835");

        remittances.Select(r => (r.PayerName, r.PayerId, r.TraceNumber, r.PaymentDate, r.TotalPaid)).Should().Equal(
            ("ACME HEALTH PPO", "ACME01", "EFT1001", new LocalDate(2025, 3, 14), (Money?)new Money(80m)),
            ("SUMMIT CARE", "SUMMIT9", "EFT2002", new LocalDate(2025, 3, 15), (Money?)new Money(65.35m)));
        remittances[0].Claims.Select(c => (c.ClaimId, c.Segment)).Should().Equal(("PCN3001", 9));
        remittances[1].Claims.Select(c => (c.ClaimId, c.Segment)).Should().Equal(("PCN3002", 20));
        remittances[1].Claims[0].Lines[0].Adjustments.Should().Equal(new CasAdjustment("OA", "23", new Money(25.75m), null));
    }

    [Fact]
    public void When_the_ISA_declares_other_delimiters_and_a_newline_terminator_Then_they_are_used_across_every_envelope()
    {
        // Element |, repetition {, component ^, one segment a line with no other terminator; two interchanges.
        const string text = """
            ISA|00|          |00|          |ZZ|SUMMITCARE     |ZZ|SUNRISECLINIC  |250320|0800|{|00501|000000201|0|P|^
            GS|HP|SUMMITCARE|SUNRISECLINIC|20250320|0800|201|X|005010X221A1
            ST|835|0001
            BPR|I|45.00|C|ACH|CCP|01|011000015|DA|555000111|1512345678||01|021000021|DA|987654321|20250320
            TRN|1|EFT7001|1512345678
            N1|PR|SUMMIT CARE|XV|SUMMIT9
            N1|PE|SUNRISE CLINIC|XX|1234567893
            LX|1
            CLP|PCN4001|1|60.00|45.00|5.00|12|ICN4001|11|1
            SVC|HC^20610^LT^59|60.00|45.00||1
            DTM|472|20250318
            CAS|CO|45|10.00
            CAS|PR|3|5.00
            REF|6R|LINE4001
            SE|13|0001
            GE|1|201
            IEA|1|000000201
            ISA|00|          |00|          |ZZ|SUMMITCARE     |ZZ|SUNRISECLINIC  |250321|0800|{|00501|000000202|0|P|^
            GS|HP|SUMMITCARE|SUNRISECLINIC|20250321|0800|202|X|005010X221A1
            ST|835|0001
            BPR|H|0|C|NON||||||||||||20250321
            TRN|1|ADV7002|1512345678
            N1|PR|SUMMIT CARE|XV|SUMMIT9
            N1|PE|SUNRISE CLINIC|XX|1234567893
            LX|1
            CLP|PCN4002|4|75.00|0||12|ICN4002|11|1
            CAS|CO|50|75.00
            SE|9|0001
            GE|1|202
            IEA|1|000000202
            """;

        var remittances = Remittance835Reader.Parse(text, "summit.835");

        remittances.Should().HaveCount(2);
        var line = remittances[0].Claims.Should().ContainSingle().Which.Lines.Should().ContainSingle().Subject;
        line.Code.Should().Be(HcpcsCode.Parse("20610"));
        line.Modifiers.ToString().Should().Be("LT:59");
        line.LineId.Should().Be("LINE4001");
        line.Adjustments.Should().Equal(new CasAdjustment("CO", "45", new Money(10m), null), new CasAdjustment("PR", "3", new Money(5m), null));
        line.PatientResponsibility.Should().Be(new Money(5m));
        var denied = remittances[1].Claims.Should().ContainSingle().Subject;
        denied.IsDenied.Should().BeTrue();
        denied.Segment.Should().Be(26, "segments are numbered through the whole file, across interchanges");
        remittances[1].TotalPaid.Should().Be(Money.Zero);
    }

    [Fact]
    public void When_segments_are_run_together_on_one_line_or_end_in_CRLF_with_blank_padding_Then_the_file_reads_the_same()
    {
        var oneLine = ThreeClaims.Replace("\n", "", StringComparison.Ordinal);
        var crlf = ThreeClaims.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n    \r\n";

        var expected = Remittance835Reader.Parse(ThreeClaims, "a.835")[0].Claims.SelectMany(c => c.Lines).Select(l => (l.Code, l.Paid, l.Segment));
        Remittance835Reader.Parse(oneLine, "a.835")[0].Claims.SelectMany(c => c.Lines).Select(l => (l.Code, l.Paid, l.Segment)).Should().Equal(expected);
        Remittance835Reader.Parse(crlf, "a.835")[0].Claims.SelectMany(c => c.Lines).Select(l => (l.Code, l.Paid, l.Segment)).Should().Equal(expected);
    }

    [Fact]
    public void When_a_file_is_read_from_disk_Then_it_is_named_by_its_file_name()
    {
        var path = _temp.WriteText("acme-0314.835", ThreeClaims);

        var remittance = Remittance835Reader.Read(path).Should().ContainSingle().Subject;

        remittance.FileName.Should().Be("acme-0314.835");
        remittance.Claims.Should().HaveCount(3);
    }
}
