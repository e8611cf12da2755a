using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;

namespace FeeEngine.Core.Tests.Contracts;

/// <summary>Which codes a contract term covers: ranges, lists, categories.</summary>
public sealed class CodeScopeTests
{
    [Theory]
    [InlineData("99202-99499", "99213", true)]
    [InlineData("99202-99499", "99201", false)]
    [InlineData("99202-99499", "99499", true)]
    [InlineData("J0000-J9999", "J1100", true)]
    [InlineData("J0000-J9999", "G0438", false)]
    [InlineData("99202-99499, G0438", "G0438", true)]
    [InlineData("10004-69990", "0001T", false)]   // Category III codes are not in the surgery range
    public void A_code_list_covers_its_codes_and_ranges_inclusively(string scope, string code, bool covered)
    {
        CodeScope.TryParseCodes(scope, out var parsed, out _).Should().BeTrue();
        parsed.Includes(HcpcsCode.Parse(code)).Should().Be(covered);
    }

    [Theory]
    [InlineData("99499-99202", "range '99499-99202' is backwards: 99499 comes after 99202")]
    [InlineData("99213-J1100", "range '99213-J1100' mixes code shapes: both ends must be numeric or start with the same letter")]
    [InlineData("9921", "'9921' is not a code or a range of codes (e.g. 99213 or 99202-99499)")]
    [InlineData(" , ", "no codes given")]
    public void A_bad_code_list_is_refused_with_the_reason(string scope, string reason)
    {
        CodeScope.TryParseCodes(scope, out _, out var error).Should().BeFalse();
        error.Should().Be(reason);
    }

    [Fact]
    public void A_category_covers_its_section_and_an_unknown_category_lists_the_known_ones()
    {
        CodeScope.TryCategory("evaluation-management", out var em, out _).Should().BeTrue();
        em.Includes(HcpcsCode.Parse("99214")).Should().BeTrue();
        em.Includes(HcpcsCode.Parse("71046")).Should().BeFalse();
        em.Category.Should().Be("evaluation-management");

        CodeScope.TryCategory("cardiology", out _, out var error).Should().BeFalse();
        error.Should().StartWith("unknown category 'cardiology'; known: evaluation-management, anesthesia, surgery");
    }
}
