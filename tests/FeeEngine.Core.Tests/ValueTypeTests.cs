using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Tests;

/// <summary>Codes, modifiers, localities and money are validated when made; bad text is refused, naming the value.</summary>
public class ValueTypeTests
{
    [Theory]
    [InlineData("99213", "99213")]
    [InlineData("g0121", "G0121")]
    [InlineData("0042t", "0042T")]
    [InlineData(" 71046 ", "71046")]
    public void HCPCS_code_is_parsed_and_upper_cased(string text, string expected)
    {
        HcpcsCode.Parse(text).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("9921")]
    [InlineData("992134")]
    [InlineData("99-13")]
    [InlineData("")]
    public void Invalid_HCPCS_code_is_rejected_with_an_ArgumentException_naming_the_value(string text)
    {
        HcpcsCode.TryParse(text, out _).Should().BeFalse();
        var act = () => HcpcsCode.Parse(text);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{text}'*").Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void HCPCS_codes_compare_by_value_regardless_of_case()
    {
        (HcpcsCode.Parse("g0121") == HcpcsCode.Parse("G0121")).Should().BeTrue();
        default(HcpcsCode).IsDefault.Should().BeTrue();
    }

    [Theory]
    [InlineData("26", "26")]
    [InlineData("tc", "TC")]
    [InlineData("Rt", "RT")]
    [InlineData("53", "53")]
    public void Modifier_is_parsed_and_upper_cased(string text, string expected)
    {
        Modifier.Parse(text).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("TCX")]
    [InlineData("2$")]
    public void Invalid_modifier_is_rejected_with_an_ArgumentException_naming_the_value(string text)
    {
        var act = () => Modifier.Parse(text);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{text}'*");
    }

    [Fact]
    public void Blank_modifier_is_none()
    {
        Modifier.Parse("").IsNone.Should().BeTrue();
        Modifier.Parse("  ").Should().Be(Modifier.None);
    }

    [Fact]
    public void Locality_13202_01_round_trips()
    {
        var id = LocalityId.Parse("13202-01");

        id.ToString().Should().Be("13202-01");
        id.Mac.Should().Be("13202");
        id.Number.Should().Be("01");
        LocalityId.Parse(id.ToString()).Should().Be(id);
    }

    [Fact]
    public void Locality_keeps_leading_zeros_of_MAC_and_number()
    {
        var alaska = LocalityId.Parse("02102-01");

        alaska.Mac.Should().Be("02102");
        alaska.ToString().Should().Be("02102-01");
        LocalityId.Create(2102, 1).Should().Be(alaska);
    }

    [Fact]
    public void Locality_from_CMS_file_fields_adds_the_padding_CMS_dropped()
    {
        LocalityId.TryFromParts("10112 ", "0", out var id).Should().BeTrue();
        id.ToString().Should().Be("10112-00");
    }

    [Theory]
    [InlineData("1320201")]
    [InlineData("13202/01")]
    [InlineData("1320-201")]
    [InlineData("ABCDE-01")]
    [InlineData("13202-1")]
    public void Invalid_locality_is_rejected_with_an_ArgumentException_naming_the_value(string text)
    {
        var act = () => LocalityId.Parse(text);
        act.Should().Throw<ArgumentException>().WithMessage($"*'{text}'*").Which.ParamName.Should().Be("value");
    }

    [Theory]
    [InlineData(100000, 1)]
    [InlineData(13202, 100)]
    [InlineData(-1, 0)]
    public void Locality_parts_out_of_range_are_rejected(int mac, int number)
    {
        var act = () => LocalityId.Create(mac, number);
        act.Should().Throw<ArgumentException>().WithMessage("*out of range*");
    }

    [Fact]
    public void Modifier_list_26_59_parses_in_billed_order()
    {
        ModifierList.TryParse("26:59", out var list, out var error).Should().BeTrue();

        error.Should().BeNull();
        list.Count.Should().Be(2);
        list[0].Should().Be(Modifier.ProfessionalComponent);
        list[1].ToString().Should().Be("59");
        list.Contains(Modifier.Parse("59")).Should().BeTrue();
        list.ToString().Should().Be("26:59");
    }

    [Fact]
    public void Blank_modifier_list_is_empty()
    {
        ModifierList.TryParse("  ", out var list, out _).Should().BeTrue();
        list.Count.Should().Be(0);
    }

    [Fact]
    public void More_than_four_modifiers_are_rejected()
    {
        ModifierList.TryParse("26:59:RT:LT:XS", out _, out var error).Should().BeFalse();
        error.Should().Contain("more than four modifiers");

        var act = () => new ModifierList(Modifier.Parse("26"), Modifier.Parse("59"), Modifier.Parse("RT"), Modifier.Parse("LT"), Modifier.Parse("XS"));
        act.Should().Throw<ArgumentException>().WithMessage("*at most four*");
    }

    [Fact]
    public void Four_modifiers_are_accepted()
    {
        ModifierList.TryParse("26:59:RT:XS", out var list, out _).Should().BeTrue();
        list.Count.Should().Be(4);
        list[3].ToString().Should().Be("XS");
    }

    [Fact]
    public void Bad_modifier_in_a_list_is_rejected_naming_it()
    {
        ModifierList.TryParse("26:TCX", out _, out var error).Should().BeFalse();
        error.Should().Contain("'TCX'");
    }

    [Fact]
    public void Reading_past_the_end_of_a_modifier_list_throws()
    {
        var list = new ModifierList(Modifier.ProfessionalComponent);
        var act = () => list[1];
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("2.345", "2.35")]
    [InlineData("2.355", "2.36")]
    [InlineData("-2.345", "-2.35")]
    [InlineData("101.0569353", "101.06")]
    [InlineData("2.3449999", "2.34")]
    public void Money_rounds_to_cents_away_from_zero_at_a_midpoint(string amount, string expected)
    {
        var money = new Money.Money(Dec(amount));

        PfsRounding.ToCents(money).Amount.Should().Be(Dec(expected));
        money.RoundToCents(MidpointRounding.AwayFromZero).Amount.Should().Be(Dec(expected));
    }

    [Fact]
    public void Banker_rounding_would_differ_at_the_midpoint_which_is_why_the_rule_names_it()
    {
        new Money.Money(2.345m).RoundToCents(MidpointRounding.ToEven).Amount.Should().Be(2.34m);
        PfsRounding.Midpoint.Should().Be(MidpointRounding.AwayFromZero);
    }

    [Fact]
    public void Money_prints_two_decimals_when_whole_cents_and_full_precision_otherwise()
    {
        new Money.Money(101.06m).ToString().Should().Be("101.06");
        new Money.Money(5m).ToString().Should().Be("5.00");
        new Money.Money(101.0569353m).ToString().Should().Be("101.0569353");
    }

    [Fact]
    public void Rvu_and_GPCI_values_are_range_checked()
    {
        var negativeRvu = () => new Rvu(-0.01m);
        var zeroGpci = () => new Gpci(0m);

        negativeRvu.Should().Throw<ArgumentException>().WithMessage("*-0.01*");
        zeroGpci.Should().Throw<ArgumentException>().WithMessage("*GPCI 0*");
    }

    private static decimal Dec(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
