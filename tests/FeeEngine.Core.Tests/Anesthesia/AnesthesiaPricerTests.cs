using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests.Anesthesia;

/// <summary>
/// Anesthesia (42 CFR 414.46): (base units + minutes / 15 to one decimal) x the locality anesthesia CF of the ANES
/// file (ANES2025: Alabama 19.31, Alaska 27.86, Manhattan 22.76), x 50% under QK/QX/QY, rounded once to cents.
/// Every expected amount below is worked by hand in the test's name or comment.
/// </summary>
public sealed class AnesthesiaPricerTests
{
    private static readonly AnesthesiaCfRecord[] Anes2025 =
    [
        new(Alabama, "ALABAMA", 19.31m),
        new(Alaska, "ALASKA*", 27.86m),
        new(Manhattan, "MANHATTAN", 22.76m),
    ];

    private static readonly AnesthesiaBaseUnitTable BaseUnits = new(
    [
        new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 3m, Date("2025-01-01")) { Source = "test base units" },
        new AnesthesiaBaseUnit(HcpcsCode.Parse("00840"), 6m, Date("2025-01-01")),
        new AnesthesiaBaseUnit(HcpcsCode.Parse("00790"), 7m, Date("2025-01-01")),
    ]);

    /// <summary>RVU25A with the ANES file; RVU25D (October) without one, as when only PPRRVU/GPCI were re-imported.</summary>
    private static PfsCatalog Catalog() => new(
    [
        new PfsRelease("RVU25A", Rvu25AEffective, null, RvuRecords, Gpci2025, Anes2025),
        new PfsRelease("RVU25D", Rvu25DEffective, null, RvuRecords, Gpci2025),
    ]);

    private static AnesthesiaPricer Pricer(PfsCatalog? catalog = null, AnesthesiaBaseUnitTable? baseUnits = null) =>
        new(catalog ?? Catalog(), baseUnits ?? BaseUnits);

    private static AnesthesiaPrice Price(string code, string modifiers, LocalityId locality, int? minutes, string date = "2025-06-15", int units = 1) =>
        Pricer().Price(Line(code, modifiers, locality, "22", date, units), minutes);

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.1)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.2)]
    [InlineData(7, 0.5)]
    [InlineData(8, 0.5)]
    [InlineData(15, 1.0)]
    [InlineData(17, 1.1)]
    [InlineData(129, 8.6)]
    [InlineData(600, 40.0)]
    public void Time_units_are_minutes_over_15_to_one_decimal(int minutes, double units)
    {
        AnesthesiaTime.TimeUnits(minutes).Should().Be((decimal)units);
    }

    [Fact]
    public void Negative_minutes_are_refused_with_the_value()
    {
        var act = () => AnesthesiaTime.TimeUnits(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*-1 minutes*0 or more*");
    }

    [Fact]
    public void When_00400_runs_129_minutes_in_Alabama_Then_3_plus_8_6_units_times_19_31_is_223_996_which_rounds_to_224_00()
    {
        var price = Price("00400", "AA", Alabama, 129);

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.BaseUnits.Should().Be(3m);
        price.TimeUnits.Should().Be(8.6m);
        price.Minutes.Should().Be(129);
        price.LocalityConversionFactor.Should().Be(19.31m);
        price.AnesthesiaRelease.Should().Be("RVU25A");
        price.ModifierFactor.Should().Be(1m);
        price.AllowedUnrounded.Should().Be(223.996m);
        price.Allowed.Amount.Should().Be(224.00m);
        price.Message.Should().BeNull();
    }

    [Theory]
    [InlineData("02102-01", 27.86, 323.176, 323.18)] // 11.6 x 27.86
    [InlineData("13202-01", 22.76, 264.016, 264.02)] // 11.6 x 22.76
    public void The_locality_CF_of_the_ANES_file_prices_the_line(string locality, double cf, double unrounded, double allowed)
    {
        var price = Price("00400", "AA", LocalityId.Parse(locality), 129);

        price.LocalityConversionFactor.Should().Be((decimal)cf);
        price.AllowedUnrounded.Should().Be((decimal)unrounded);
        price.Allowed.Amount.Should().Be((decimal)allowed);
    }

    [Fact]
    public void When_00840_runs_17_minutes_Then_time_is_1_1_units_and_7_1_units_times_19_31_is_137_10()
    {
        var price = Price("00840", "QZ", Alabama, 17);

        price.TimeUnits.Should().Be(1.1m);
        price.AllowedUnrounded.Should().Be(137.101m);
        price.Allowed.Amount.Should().Be(137.10m);
        price.ModifierRule.Should().StartWith("QZ");
    }

    [Theory]
    [InlineData("QK")]
    [InlineData("QX")]
    [InlineData("QY")]
    public void Medical_direction_pays_50_percent_of_the_personally_performed_amount(string modifier)
    {
        // Alaska: 11.6 x 27.86 = 323.176; x 50% = 161.588 -> 161.59 (rounded once, at the end).
        var price = Price("00400", modifier, Alaska, 129);

        price.ModifierFactor.Should().Be(0.5m);
        price.ModifierRule.Should().StartWith(modifier).And.EndWith(": 50%");
        price.AllowedUnrounded.Should().Be(161.588m);
        price.Allowed.Amount.Should().Be(161.59m);
    }

    [Fact]
    public void QK_in_Alabama_pays_half_of_223_996_which_is_112_00()
    {
        Price("00400", "QK", Alabama, 129).Allowed.Amount.Should().Be(112.00m);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(129)]
    public void AD_supervision_pays_3_base_units_and_no_time_3_times_19_31_is_57_93(int? minutes)
    {
        var price = Price("00790", "AD", Alabama, minutes);

        price.Outcome.Should().Be(PricingOutcome.Priced);
        price.BaseUnits.Should().Be(3m);
        price.TimeUnits.Should().Be(0m);
        price.Allowed.Amount.Should().Be(57.93m);
        price.Steps.Should().Contain(s => s.Contains("induction", StringComparison.Ordinal) && s.Contains("not applied", StringComparison.Ordinal));
    }

    [Fact]
    public void AD_needs_no_base_units_of_its_own()
    {
        var price = Pricer(baseUnits: AnesthesiaBaseUnitTable.Empty).Price(Line("01402", "AD", Alabama, "22", "2025-06-15"), null);

        price.Allowed.Amount.Should().Be(57.93m);
    }

    [Theory]
    [InlineData("AA:QK", "AA and QK")]
    [InlineData("QZ:QX", "QZ and QX")]
    [InlineData("AD:AA", "AD and AA")]
    public void Two_payment_modifiers_are_an_error(string modifiers, string named)
    {
        var price = Price("00400", modifiers, Alabama, 129);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Be($"modifiers {named} cannot be combined: an anesthesia line carries exactly one of AA, QZ, QK, QX, QY, AD");
        price.Allowed.Should().Be(Money.Money.Zero);
    }

    [Fact]
    public void A_line_without_a_payment_modifier_is_an_error_not_a_guess()
    {
        var price = Price("00400", "P3", Alabama, 129);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().StartWith("an anesthesia line needs one payment modifier (AA, QZ, QK, QX, QY, AD)");
    }

    [Fact]
    public void Physical_status_and_other_modifiers_do_not_change_the_payment_and_are_noted()
    {
        var price = Price("00400", "AA:P3:QS", Alabama, 129);

        price.Allowed.Amount.Should().Be(224.00m);
        price.Steps.Should().Contain("Modifiers P3, QS do not change the Medicare anesthesia payment.");
    }

    [Theory]
    [InlineData("AA")]
    [InlineData("QK")]
    public void Missing_minutes_on_a_timed_line_is_an_error(string modifier)
    {
        var price = Price("00400", modifier, Alabama, null);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Contain("anesthesia_minutes is required");
    }

    [Fact]
    public void Negative_minutes_are_an_error()
    {
        Price("00400", "AA", Alabama, -5).Message.Should().Be("anesthesia_minutes must be 0 or more, got -5");
    }

    [Fact]
    public void Zero_minutes_pays_the_base_units_only()
    {
        Price("00400", "AA", Alabama, 0).Allowed.Amount.Should().Be(57.93m);
    }

    [Fact]
    public void Missing_base_units_name_the_code_the_date_and_the_import_command()
    {
        var price = Pricer(baseUnits: AnesthesiaBaseUnitTable.Empty).Price(Line("00400", "AA", Alabama, "22", "2025-11-01"), 129);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Be("anesthesia base units for 00400 are not loaded for 2025-11-01: import a base-unit file with 'feeengine import anesthesia-base-units FILE'");
    }

    [Fact]
    public void Base_units_effective_after_the_date_of_service_are_not_used()
    {
        var later = new AnesthesiaBaseUnitTable([new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 3m, Date("2025-07-01"))]);

        Pricer(baseUnits: later).Price(Line("00400", "AA", Alabama, "22", "2025-06-30"), 129).Outcome.Should().Be(PricingOutcome.Error);
        Pricer(baseUnits: later).Price(Line("00400", "AA", Alabama, "22", "2025-07-01"), 129).Allowed.Amount.Should().Be(224.00m);
    }

    [Fact]
    public void With_no_ANES_file_for_the_year_the_line_is_an_error_never_a_guess()
    {
        var noAnes = new PfsCatalog([new PfsRelease("RVU25A", Rvu25AEffective, null, RvuRecords, Gpci2025)]);

        var price = Pricer(noAnes).Price(Line("00400", "AA", Alabama, "22", "2025-06-15"), 129);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Be("no ANES file (locality anesthesia CFs) is loaded for 2025; anesthesia cannot be priced without it");
    }

    [Fact]
    public void A_2026_date_is_an_error_when_no_2026_ANES_file_is_loaded()
    {
        // ANES2026 is not available: a 2026 release without it, and the 2025 ANES file never reaches into 2026.
        var catalog = new PfsCatalog(
        [
            new PfsRelease("RVU25A", Rvu25AEffective, null, RvuRecords, Gpci2025, Anes2025),
            new PfsRelease("RVU26A", Date("2026-01-01"), null, RvuRecords, Gpci2025),
        ]);
        var baseUnits2026 = new AnesthesiaBaseUnitTable([new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 3m, Date("2026-01-01"))]);

        var price = Pricer(catalog, baseUnits2026).Price(Line("00400", "AA", Alabama, "22", "2026-02-10"), 129);

        price.Outcome.Should().Be(PricingOutcome.Error);
        price.Message.Should().Be("no ANES file (locality anesthesia CFs) is loaded for 2026; anesthesia cannot be priced without it");
    }

    [Fact]
    public void A_2026_date_is_an_error_when_no_2026_release_is_loaded_at_all()
    {
        Price("00400", "AA", Alabama, 129, date: "2026-02-10").Message
            .Should().Be("no ANES file (locality anesthesia CFs) is loaded for 2026; anesthesia cannot be priced without it");
    }

    [Fact]
    public void The_ANES_file_of_an_earlier_release_of_the_same_year_is_used_and_named()
    {
        var price = Price("00400", "AA", Alabama, 129, date: "2025-11-01");

        price.AnesthesiaRelease.Should().Be("RVU25A");
        price.Allowed.Amount.Should().Be(224.00m);
        price.Steps.Should().Contain(s => s.Contains("release RVU25D in force on the date has no ANES file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_locality_missing_from_the_ANES_file_is_an_error()
    {
        Price("00400", "AA", LocalityId.Parse("01112-05"), 129).Message
            .Should().Be("locality 01112-05 is not in the ANES file of release RVU25A");
    }

    [Fact]
    public void Units_other_than_1_are_an_error_because_time_is_given_in_minutes()
    {
        Price("00400", "AA", Alabama, 129, units: 3).Message.Should().StartWith("an anesthesia line is priced once from its time: units must be 1, got 3");
    }

    [Fact]
    public void A_code_outside_the_anesthesia_range_is_an_error()
    {
        Price("99213", "AA", Alabama, 30).Message.Should().Be("99213 is not an anesthesia code (CPT 00100-01999): anesthesia pricing does not apply");
    }

    [Theory]
    [InlineData("00100", true)]
    [InlineData("00400", true)]
    [InlineData("01999", true)]
    [InlineData("00099", false)]
    [InlineData("02000", false)]
    [InlineData("0012F", false)] // sorts inside 00100-01999 as text
    [InlineData("0042T", false)]
    [InlineData("99213", false)]
    [InlineData("G0121", false)]
    public void Anesthesia_codes_are_five_digits_00100_through_01999(string code, bool expected)
    {
        AnesthesiaPricer.IsAnesthesiaCode(HcpcsCode.Parse(code)).Should().Be(expected);
        AnesthesiaPricer.IsAnesthesiaCode(default).Should().BeFalse();
    }

    [Fact]
    public void The_steps_explain_every_number()
    {
        var steps = Price("00400", "QK", Alabama, 129).Steps;

        steps.Should().Equal(
            "Line: 00400 modifiers QK, date of service 2025-06-15, locality 10112-00, 129 anesthesia minutes.",
            "Base units: 3 for 00400, effective from 2025-01-01 (test base units).",
            "Time: 129 minutes / 15 = 8.6 time units (one decimal, midpoint away from zero).",
            "Locality anesthesia CF: 19.31 for 10112-00 ALABAMA, from the ANES file of release RVU25A (effective 2025-01-01).",
            "Payment modifier QK medical direction of two, three or four concurrent anesthesia procedures: 50%.",
            "Allowed = (3 + 8.6) x 19.31 x 50% = 111.998, rounded once to cents (AwayFromZero) = 112.00.");
    }

    [Fact]
    public void An_error_explains_itself_too()
    {
        var price = Pricer(baseUnits: AnesthesiaBaseUnitTable.Empty).Price(Line("00400", "AA", Alabama, "22", "2025-11-01"), 129);

        price.Steps[^1].Should().StartWith("Error: anesthesia base units for 00400 are not loaded");
    }

    [Fact]
    public void The_base_unit_table_takes_the_latest_value_on_or_before_the_date()
    {
        var code = HcpcsCode.Parse("00400");
        var table = new AnesthesiaBaseUnitTable(
        [
            new AnesthesiaBaseUnit(code, 4m, Date("2026-01-01")),
            new AnesthesiaBaseUnit(code, 3m, Date("2025-01-01")),
        ]);

        table.Count.Should().Be(2);
        table.FindOrNull(code, Date("2024-12-31")).Should().BeNull();
        table.FindOrNull(code, Date("2025-12-31"))!.BaseUnits.Should().Be(3m);
        table.FindOrNull(code, Date("2026-01-01"))!.BaseUnits.Should().Be(4m);
        table.FindOrNull(HcpcsCode.Parse("00790"), Date("2026-01-01")).Should().BeNull();
        AnesthesiaBaseUnitTable.Empty.Count.Should().Be(0);
    }

    [Fact]
    public void The_same_code_and_date_twice_is_refused_naming_both_values()
    {
        var code = HcpcsCode.Parse("00400");
        var act = () => new AnesthesiaBaseUnitTable(
        [
            new AnesthesiaBaseUnit(code, 3m, Date("2025-01-01")) { Source = "a.csv" },
            new AnesthesiaBaseUnit(code, 4m, Date("2025-01-01")) { Source = "b.csv" },
        ]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("Anesthesia base units for 00400 effective 2025-01-01 are given twice: 3 (from a.csv) and 4 (from b.csv).*");
    }

    [Fact]
    public void Negative_base_units_are_refused()
    {
        var act = () => new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), -1m, new LocalDate(2025, 1, 1));

        act.Should().Throw<ArgumentException>().WithMessage("*00400*-1*0 or more*");
    }
}
