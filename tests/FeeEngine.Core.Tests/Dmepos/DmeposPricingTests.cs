using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Core.Tests.Dmepos;

/// <summary>
/// DMEPOS and PEN pricing by state, rural or non-rural, the row's modifiers and units (issue 7). The fees are CMS's
/// published Alabama figures from DMEPOS26_JAN and DMEPEN26_JAN, written here by hand (a few numbers, no
/// descriptions); the ZIPs are Alabama ZIPs of ZIP5_JAN2026: 35004 urban (blank), 35010 rural (R), 35072 super rural (B).
/// </summary>
public sealed class DmeposPricingTests
{
    private static readonly LocalDate January = new(2026, 1, 1);
    private static readonly LocalDate DateOfService = new(2026, 2, 10);

    private static readonly ZipLocalityRecord Urban = Zip("35004", "");
    private static readonly ZipLocalityRecord Rural = Zip("35010", "R");
    private static readonly ZipLocalityRecord SuperRural = Zip("35072", "B");

    private static ZipLocalityRecord Zip(string zip, string rural) =>
        new() { Zip = zip, State = "AL", Locality = LocalityId.Create(10112, 0), RuralIndicator = rural };

    private static DmeposFee Fee(string code, string mods, string catg, decimal nonRural, decimal rural)
    {
        var m = mods.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Modifier.Parse).ToArray();
        return new DmeposFee(HcpcsCode.Parse(code), m.Length > 0 ? m[0] : Modifier.None, m.Length > 1 ? m[1] : Modifier.None,
            catg.Length == 0 ? "" : "D", catg, catg.Length == 0 ? null : new Money.Money(0m), catg.Length == 0 ? null : new Money.Money(0m),
            [new DmeposStateFee("AL", new Money.Money(nonRural), new Money.Money(rural))]);
    }

    // DMEPOS26_JAN, Alabama columns.
    private static DmeposSchedule DmeposJanuary(LocalDate? from = null, string id = "DMEPOS26_JAN") => new(id, DmeposFile.Dmepos, from ?? January,
    [
        Fee("A4640", "NU", "IN", 63.32m, 81.35m),
        Fee("A4640", "RR", "IN", 6.33m, 8.22m),
        Fee("A4640", "UE", "IN", 47.49m, 59.15m),
        Fee("A4216", "", "OS", 0.58m, 0m),
        Fee("E0260", "RR", "CR", 78.16m, 128.14m),
        Fee("E0431", "RR", "OX", 22.14m, 31.64m),
        Fee("E0431", "RR QB", "OX", 50.11m, 88.58m),
        Fee("E0776", "NU", "IN", 173.42m, 173.42m),
        Fee("E0776", "RR", "IN", 18.37m, 20.48m),
        Fee("E0776", "UE", "IN", 127.6m, 127.6m),
        Fee("V2786", "", "PO", 0m, 0m),
    ]);

    // DMEPEN26_JAN, Alabama columns (E0776 only).
    private static DmeposSchedule PenJanuary() => new("DMEPEN26_JAN", DmeposFile.ParenteralEnteral, January,
    [
        Fee("E0776", "RR BA", "", 6.61m, 20.52m),
        Fee("E0776", "RR KE", "", 0m, 22.98m),
        Fee("E0776", "UE BA", "", 49.57m, 76.92m),
        Fee("E0776", "UE KE", "", 0m, 84.22m),
    ]);

    private static readonly DmeposCatalog Catalog = new([DmeposJanuary(), PenJanuary()]);

    private static ModifierList Mods(params string[] m) => new([.. m.Select(Modifier.Parse)]);

    private static DmeposPrice Price(string code, ModifierList mods, ZipLocalityRecord zip, int units = 1) =>
        Catalog.Price(HcpcsCode.Parse(code), mods, DateOfService, zip, units);

    [Fact]
    public void Must_show_A4640_purchased_new_and_rented_costs_more_in_a_rural_Alabama_ZIP_than_in_a_non_rural_one()
    {
        var newUrban = Price("A4640", Mods("NU"), Urban);
        var newRural = Price("A4640", Mods("NU"), Rural);
        var rentalUrban = Price("A4640", Mods("RR"), Urban, units: 3);
        var rentalRural = Price("A4640", Mods("RR"), Rural, units: 3);

        (newUrban.Column, newUrban.UnitFee, newUrban.Total).Should().Be(("AL (NR)", new Money.Money(63.32m), new Money.Money(63.32m)));
        (newRural.Column, newRural.UnitFee, newRural.Total).Should().Be(("AL (R)", new Money.Money(81.35m), new Money.Money(81.35m)));
        (rentalUrban.Column, rentalUrban.UnitFee, rentalUrban.Total).Should().Be(("AL (NR)", new Money.Money(6.33m), new Money.Money(18.99m)));
        (rentalRural.Column, rentalRural.UnitFee, rentalRural.Total).Should().Be(("AL (R)", new Money.Money(8.22m), new Money.Money(24.66m)));
        rentalRural.Explanation.Should().Be("DMEPOS26_JAN A4640 RR (CATG IN): AL (R) 8.22 x 3 = 24.66");
    }

    [Fact]
    public void A_super_rural_ZIP_B_takes_the_rural_column_too()
    {
        Price("A4640", Mods("UE"), SuperRural, units: 2).Total.Should().Be(new Money.Money(118.30m));
        DmeposRural.IsRural("B").Should().BeTrue();
        DmeposRural.IsRural("").Should().BeFalse();
    }

    [Fact]
    public void A_rural_fee_of_0_means_the_non_rural_fee_applies_in_rural_areas_too()
    {
        var price = Price("A4216", default, Rural, units: 10);

        (price.Column, price.RuralUsesNonRuralFee, price.Total).Should().Be(("AL (NR)", true, new Money.Money(5.80m)));
        price.Explanation.Should().Be("DMEPOS26_JAN A4216 (CATG OS): AL (NR) 0.58 x 10 = 5.80 (rural ZIP; the AL (R) fee is 0, so the non-rural fee applies)");
    }

    [Fact]
    public void A_KE_row_with_a_non_rural_fee_of_0_prices_a_rural_ZIP_only()
    {
        var rural = Price("E0776", Mods("RR", "KE"), Rural);
        var urban = Price("E0776", Mods("RR", "KE"), Urban);

        (rural.ScheduleId, rural.File, rural.Column, rural.Total).Should().Be(("DMEPEN26_JAN", DmeposFile.ParenteralEnteral, "AL (R)", new Money.Money(22.98m)));
        urban.IsPriced.Should().BeFalse();
        urban.NotPricedReason.Should().Be("E0776 RR KE has no non-rural fee in AL (AL (NR) is 0; only the rural fee 22.98 is published), and the ZIP is not rural");
    }

    [Fact]
    public void Both_fees_0_means_no_fee_schedule_amount_and_the_contractor_prices_it()
    {
        var price = Price("V2786", default, Rural);

        price.IsPriced.Should().BeFalse();
        price.NotPricedReason.Should().Be("V2786 has no fee schedule amount in AL (both AL (NR) and AL (R) are 0): the contractor prices it");
        price.Explanation.Should().StartWith("V2786: not priced by the DMEPOS fee schedule: ");
    }

    [Fact]
    public void A_line_whose_modifiers_match_no_row_is_not_priced_and_the_rows_that_exist_are_named()
    {
        var price = PenJanuary().Price(HcpcsCode.Parse("E0776"), Mods("RR"), "AL", rural: false, units: 1);
        var capped = Price("E0260", Mods("NU"), Urban);

        price.NotPricedReason.Should().Be("E0776 has rows RR BA, RR KE, UE BA, UE KE; the line's modifiers RR match none");
        capped.NotPricedReason.Should().Be("DMEPOS26_JAN: E0260 has rows RR; the line's modifiers NU match none");
        Price("E0260", default, Urban).NotPricedReason.Should().Be("DMEPOS26_JAN: E0260 has rows RR; the line carries no modifier, which matches none");
    }

    [Fact]
    public void The_row_matching_the_most_modifiers_wins_also_across_the_DMEPOS_and_PEN_files()
    {
        Price("E0431", Mods("RR", "QB"), Urban).UnitFee.Should().Be(new Money.Money(50.11m));
        Price("E0431", Mods("RR"), Urban).UnitFee.Should().Be(new Money.Money(22.14m));
        Price("E0431", Mods("QB", "RR", "59"), Urban).UnitFee.Should().Be(new Money.Money(50.11m));   // order and extra modifiers do not matter

        var iv = Price("E0776", Mods("RR"), Urban);
        var ivWithPen = Price("E0776", Mods("RR", "BA"), Urban);
        (iv.ScheduleId, iv.UnitFee).Should().Be(("DMEPOS26_JAN", new Money.Money(18.37m)));
        (ivWithPen.ScheduleId, ivWithPen.UnitFee).Should().Be(("DMEPEN26_JAN", new Money.Money(6.61m)));
    }

    [Fact]
    public void A_file_is_in_force_until_the_day_before_the_next_file_of_its_kind_and_never_past_December_31()
    {
        var april = DmeposJanuary(new LocalDate(2026, 4, 1), "DMEPOS26_APR");
        var catalog = new DmeposCatalog([april, DmeposJanuary(), PenJanuary()]);

        catalog.FindSchedule(DmeposFile.Dmepos, new LocalDate(2026, 3, 31))!.Id.Should().Be("DMEPOS26_JAN");
        catalog.FindSchedule(DmeposFile.Dmepos, new LocalDate(2026, 4, 1))!.Id.Should().Be("DMEPOS26_APR");
        catalog.Schedules.Select(s => $"{s.Id} {s.EffectiveFrom:yyyy-MM-dd}..{s.EffectiveTo:yyyy-MM-dd}").Should().Equal(
            "DMEPOS26_JAN 2026-01-01..2026-03-31", "DMEPOS26_APR 2026-04-01..2026-12-31", "DMEPEN26_JAN 2026-01-01..2026-12-31");
        catalog.HasCode(HcpcsCode.Parse("A4640"), new LocalDate(2026, 12, 31)).Should().BeTrue();
        catalog.Price(HcpcsCode.Parse("A4640"), Mods("NU"), new LocalDate(2027, 1, 4), Urban, 1).NotPricedReason
            .Should().Be("no DMEPOS or PEN fee schedule loaded covers 2027-01-04");
        catalog.Price(HcpcsCode.Parse("99213"), default, DateOfService, Urban, 1).NotPricedReason
            .Should().Be("99213 is not on DMEPOS26_JAN or DMEPEN26_JAN");
    }

    [Fact]
    public void A_state_the_file_has_no_column_for_is_not_priced_and_units_below_1_are_refused()
    {
        Catalog.Price(HcpcsCode.Parse("A4640"), Mods("NU"), DateOfService, "ZZ", rural: false, units: 1).NotPricedReason
            .Should().Be("DMEPOS26_JAN has no column for the state 'ZZ'");
        var act = () => Price("A4640", Mods("NU"), Urban, units: 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
