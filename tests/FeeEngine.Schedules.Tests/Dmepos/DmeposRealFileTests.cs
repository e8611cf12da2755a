using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using NodaTime;

namespace FeeEngine.Schedules.Tests.Dmepos;

/// <summary>
/// CMS's January 2026 DMEPOS and PEN fee schedule files read whole (issue 7): every data row, the figures of a few
/// rows as CMS printed them. The data rows were counted in a CSV converted from each XLSX (3,515 and 50).
/// </summary>
public sealed class DmeposRealFileTests
{
    private static readonly Lazy<DmeposSchedule> Dmepos = new(() => DmeposReader.Read(CmsData.File("2026", "dmepos-jan", "DMEPOS26_JAN.xlsx")));
    private static readonly Lazy<DmeposSchedule> Pen = new(() => DmeposReader.Read(CmsData.File("2026", "dmepos-jan", "DMEPEN26_JAN.xlsx")));

    private static ModifierList Mods(params string[] m) => new([.. m.Select(Modifier.Parse)]);

    private static DmeposFee Row(DmeposSchedule s, string code, params string[] mods) =>
        s.RowsOf(HcpcsCode.Parse(code)).Single(r => r.ModifierText == string.Join(' ', mods));

    [CmsDataFact]
    public void DMEPOS26_JAN_reads_all_3515_rows_with_53_state_column_pairs_in_force_for_2026()
    {
        var s = Dmepos.Value;

        s.Id.Should().Be("DMEPOS26_JAN");
        s.File.Should().Be(DmeposFile.Dmepos);
        s.EffectiveFrom.Should().Be(new LocalDate(2026, 1, 1));
        s.EffectiveTo.Should().Be(new LocalDate(2026, 12, 31));
        s.Count.Should().Be(3_515);
        s.Fees.Should().OnlyContain(f => f.States.Count == 53);
        s.Fees.First().States.Select(x => x.State).Should().StartWith(["AL", "AR", "AZ"]).And.EndWith(["AK", "HI", "PR", "VI"]);
        s.Fees.Select(f => f.Jurisdiction).Distinct().Should().BeEquivalentTo(["D", "J", "L"]);
    }

    [CmsDataFact]
    public void A4216_keeps_its_published_columns_and_a_rural_fee_of_0_means_the_non_rural_fee_applies()
    {
        var a4216 = Row(Dmepos.Value, "A4216");

        (a4216.Jurisdiction, a4216.Category, a4216.Ceiling?.Amount, a4216.Floor?.Amount).Should().Be(("J", "OS", 0.63m, 0.54m));
        a4216.FindState("AL").Should().Be(new DmeposStateFee("AL", new(0.58m), new(0m)));

        var rural = Dmepos.Value.Price(HcpcsCode.Parse("A4216"), default, "AL", rural: true, units: 10);
        (rural.Column, rural.RuralUsesNonRuralFee, rural.Total!.Value.Amount).Should().Be(("AL (NR)", true, 5.80m));
    }

    [CmsDataFact]
    public void A4640_has_new_used_and_rental_rows_with_different_rural_fees_and_E0260_a_capped_rental_only_rental()
    {
        var s = Dmepos.Value;
        Row(s, "A4640", "NU").FindState("AL").Should().Be(new DmeposStateFee("AL", new(63.32m), new(81.35m)));
        Row(s, "A4640", "UE").FindState("AL").Should().Be(new DmeposStateFee("AL", new(47.49m), new(59.15m)));
        Row(s, "A4640", "RR").FindState("AL").Should().Be(new DmeposStateFee("AL", new(6.33m), new(8.22m)));

        var e0260 = Row(s, "E0260", "RR");
        (e0260.Category, e0260.FindState("AL")).Should().Be(("CR", new DmeposStateFee("AL", new(78.16m), new(128.14m))));
        s.Price(HcpcsCode.Parse("E0260"), Mods("NU"), "AL", rural: false, units: 1).NotPricedReason
            .Should().Be("E0260 has rows RR; the line's modifiers NU match none");
    }

    [CmsDataFact]
    public void V2786_has_no_fee_schedule_amount_anywhere()
    {
        var price = Dmepos.Value.Price(HcpcsCode.Parse("V2786"), default, "AL", rural: false, units: 1);

        price.IsPriced.Should().BeFalse();
        price.NotPricedReason.Should().Contain("no fee schedule amount in AL");
    }

    [CmsDataFact]
    public void DMEPEN26_JAN_reads_all_50_rows_and_E0776_RR_KE_has_only_a_rural_fee()
    {
        var s = Pen.Value;

        (s.Id, s.File, s.EffectiveFrom, s.Count).Should().Be(("DMEPEN26_JAN", DmeposFile.ParenteralEnteral, new LocalDate(2026, 1, 1), 50));
        s.Fees.Should().OnlyContain(f => f.States.Count == 53 && f.Category == "" && f.Ceiling == null);
        Row(s, "E0776", "RR", "KE").FindState("AL").Should().Be(new DmeposStateFee("AL", new(0m), new(22.98m)));
        Row(s, "E0776", "RR", "BA").FindState("AL").Should().Be(new DmeposStateFee("AL", new(6.61m), new(20.52m)));
        Row(s, "B4034").FindState("AL").Should().Be(new DmeposStateFee("AL", new(3.94m), new(6.16m)));
        s.RowsOf(HcpcsCode.Parse("E0776")).Select(r => r.ModifierText).Should().Equal("NU BA", "NU KE", "RR BA", "RR KE", "UE BA", "UE KE");
    }
}
