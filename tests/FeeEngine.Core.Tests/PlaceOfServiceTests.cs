using FeeEngine.Core.Codes;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests;

/// <summary>Facility or non-facility by place of service (Claims Processing Manual ch. 12, s. 20.4.2).</summary>
public class PlaceOfServiceTests
{
    [Theory]
    [InlineData("02")]
    [InlineData("19")]
    [InlineData("21")]
    [InlineData("22")]
    [InlineData("23")]
    [InlineData("24")]
    [InlineData("26")]
    [InlineData("31")]
    [InlineData("34")]
    [InlineData("41")]
    [InlineData("42")]
    [InlineData("51")]
    [InlineData("52")]
    [InlineData("53")]
    [InlineData("56")]
    [InlineData("61")]
    public void Facility_places_of_service_pay_the_facility_rate(string code)
    {
        PlaceOfService.TryParse(code, out var pos).Should().BeTrue();
        pos.Setting.Should().Be(Setting.Facility);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("11")]
    [InlineData("12")]
    [InlineData("49")]
    [InlineData("50")]
    [InlineData("65")]
    [InlineData("71")]
    [InlineData("72")]
    [InlineData("81")]
    [InlineData("99")]
    public void Other_valid_places_of_service_pay_the_non_facility_rate(string code)
    {
        PlaceOfService.TryParse(code, out var pos).Should().BeTrue();
        pos.Setting.Should().Be(Setting.NonFacility);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("30")]
    [InlineData("98")]
    [InlineData("AB")]
    [InlineData("123")]
    [InlineData("")]
    [InlineData("1A")]
    public void Unknown_place_of_service_is_rejected(string code)
    {
        PlaceOfService.TryParse(code, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_of_an_unknown_place_of_service_throws_naming_the_value()
    {
        var act = () => PlaceOfService.Parse("30");

        act.Should().Throw<ArgumentException>().WithMessage("*'30'*").Which.ParamName.Should().Be("value");
    }

    [Fact]
    public void Single_digit_place_of_service_is_read_as_zero_padded()
    {
        PlaceOfService.Parse("2").ToString().Should().Be("02");
        PlaceOfService.Parse("2").Setting.Should().Be(Setting.Facility);
    }

    [Fact]
    public void Telehealth_in_the_home_POS_10_pays_the_office_rate_and_POS_02_the_facility_rate()
    {
        Price("99213", "", Alabama, "10").Allowed.Amount.Should().Be(81.86m);
        Price("99213", "", Alabama, "02").Allowed.Amount.Should().Be(59.93m);
    }

    [Fact]
    public void Telehealth_modifier_95_does_not_change_the_rate()
    {
        Price("99213", "95", Alabama, "10").Allowed.Amount.Should().Be(81.86m);
    }
}
