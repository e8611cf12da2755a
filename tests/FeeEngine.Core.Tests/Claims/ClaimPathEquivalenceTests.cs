using System.Globalization;
using CsCheck;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// The whole-cent policy path (<see cref="CentsPolicyPath"/>) gives exactly what the general decimal path gives:
/// random claims of 1-8 lines over every payable row of the fixture (global, 26 and TC rows), 1-3 units, mostly
/// plain physician lines (the claims the fast path takes) and some with payment modifiers, a non-physician or a
/// deductible (the claims it must leave to the general path). The same comparison runs over every
/// code of the real CMS release in FeeEngine.Cli.Tests.
/// </summary>
public sealed class ClaimPathEquivalenceTests
{
    private sealed record LineSpec(string Code, string Modifier, int Units, ProviderType Provider, decimal? Charge);

    private sealed record ClaimSpec(LineSpec[] Lines, Codes.LocalityId Locality, string Pos, decimal? Deductible)
    {
        public override string ToString() =>
            $"{Locality} POS {Pos} deductible {Deductible?.ToString(CultureInfo.InvariantCulture) ?? "none"}: " +
            string.Join(", ", Lines.Select((l, i) => $"{i + 1}:{l.Code}{(l.Modifier.Length > 0 ? "-" + l.Modifier : "")}x{l.Units}"));
    }

    private static readonly string[] Rows = RvuRecords
        .Where(r => r.Status is 'A' or 'R' or 'T' && (r.Modifier.IsNone || r.Modifier == Modifier.ProfessionalComponent || r.Modifier == Modifier.TechnicalComponent))
        .Select(r => r.Modifier.IsNone ? r.Code.ToString() : $"{r.Code}-{r.Modifier}")
        .Order(StringComparer.Ordinal).ToArray();

    private static readonly Gen<LineSpec> GenLine =
        from row in Gen.OneOf(Rows)
        from policy in Gen.Frequency((12, Gen.Const("")), (1, Gen.OneOf("50", "RT", "LT", "62", "80")))
        from units in Gen.Frequency((6, Gen.Const(1)), (1, Gen.Int[2, 3]))
        from provider in Gen.Frequency((20, Gen.Const(ProviderType.Physician)), (1, Gen.Const(ProviderType.NursePractitioner)))
        from charge in Gen.Frequency((4, Gen.Const((decimal?)null)), (2, Gen.Int[100, 300_000].Select(c => (decimal?)(c / 100m))))
        let parts = row.Split('-')
        select new LineSpec(parts[0], string.Join(':', parts.Skip(1).Append(policy).Where(m => m.Length > 0)), units, provider, charge);

    private static readonly Gen<ClaimSpec> GenClaim =
        from lines in GenLine.Array[1, 8]
        from locality in Gen.OneOf(Alabama, Alaska, Manhattan)
        from pos in Gen.OneOf("11", "22")
        from deductible in Gen.Frequency((8, Gen.Const((decimal?)null)), (1, Gen.Int[0, 25_700].Select(c => (decimal?)(c / 100m))))
        select new ClaimSpec(lines, locality, pos, deductible);

    private static Claim ToClaim(ClaimSpec spec) =>
        new("P1",
            spec.Lines.Select((l, i) => Line((i + 1).ToString(CultureInfo.InvariantCulture), l.Code, l.Modifier, l.Units, l.Charge, l.Provider, locality: spec.Locality, pos: spec.Pos)).ToArray(),
            spec.Deductible is { } d ? new Money.Money(d) : null);

    [Fact]
    public void The_whole_cent_path_prices_every_claim_as_the_general_path_does()
    {
        GenClaim.Sample(spec =>
        {
            var differences = ClaimPathComparison.Differences(Shared, ToClaim(spec)).ToList();
            differences.Should().BeEmpty("claim {0}", spec);
        }, iter: 3000, print: s => s.ToString());
    }

    [Fact]
    public void The_batch_API_prices_every_claim_as_the_object_API_does()
    {
        // One results buffer for many claims (cleared now and then), as a batch caller uses it.
        var results = new ClaimLineResults();
        var claims = 0;
        GenClaim.Sample(spec =>
        {
            if (++claims % 7 == 0) results.Clear();
            var differences = ClaimPathComparison.BatchDifferences(Shared, ToClaim(spec), results).ToList();
            differences.Should().BeEmpty("claim {0}", spec);
        }, iter: 3000, print: s => s.ToString(), threads: 1);
    }

    [Fact]
    public void The_comparison_covers_the_whole_cent_path()
    {
        // Guards the test above against comparing the general path with itself.
        var claims = GenClaim.Array[400].Single();
        var taken = claims.Count(spec => ClaimPathComparison.TakesCentsPath(Shared, ToClaim(spec)));
        taken.Should().BeGreaterThan(claims.Length / 20); // about one claim in eight: most need no policy at all
    }

    [Fact]
    public void Ranked_surgery_imaging_and_therapy_lines_take_the_whole_cent_path_and_agree()
    {
        var claim = Claim(
            Line("1", "27130"), Line("2", "27486"), Line("3", "71250"), Line("4", "74177", units: 2), Line("5", "70450", "26"),
            Line("6", "97110", units: 3), Line("7", "97140"));
        ClaimPathComparison.TakesCentsPath(Shared, claim).Should().BeTrue();
        ClaimPathComparison.Differences(Shared, claim).Should().BeEmpty();
    }

    [Fact]
    public void An_injection_bundled_into_other_services_takes_the_whole_cent_path_and_agrees_with_the_general_path()
    {
        var results = new ClaimLineResults();
        foreach (var claim in new[]
        {
            Claim(Line("1", "96523"), Line("2", "99213"), Line("3", "27130"), Line("4", "27486")), // bundled; the surgeries still ranked
            Claim(Line("1", "96523", units: 2), Line("2", "71250"), Line("3", "74177")),         // bundled; the imaging still reduced
            Claim(Line("1", "96523")),                                                           // alone: paid
        })
        {
            var codes = string.Join(" ", claim.Lines.Select(l => $"{l.Service.Code}x{l.Service.Units}"));
            ClaimPathComparison.Differences(Shared, claim).Should().BeEmpty(codes);
            ClaimPathComparison.BatchDifferences(Shared, claim, results).Should().BeEmpty(codes);
        }
        var bundled = Claim(Line("1", "96523"), Line("2", "99213"), Line("3", "27130"), Line("4", "27486"));
        ClaimPathComparison.TakesCentsPath(Shared, bundled).Should().BeTrue();
        Shared.Price(bundled).LineById("1").Message.Should().Be(
            "not payable: 96523 has status T (injection), paid only when no other PFS service is billed the same day by the same provider; bundled with 27130, 27486, 99213");
    }

    [Fact]
    public void Endoscopy_families_take_the_whole_cent_path_and_agree_with_the_general_path()
    {
        var claims = new[]
        {
            Claim(Line("1", "43239"), Line("2", "29880"), Line("3", "45380")), // one endoscopy of each of three families: ordinary surgeries
            Claim(Line("1", "43239"), Line("2", "43249")),                     // two members of the 43235 family
            Claim(Line("1", "29880"), Line("2", "29870")),                     // a member and its billed base
            Claim(Line("1", "45380", units: 2)),                               // two units of one member
            Claim(Line("1", "45380"), Line("2", "45385")),                     // base 45378 not in the release: no reduction
            Claim(Line("1", "43239"), Line("2", "43249", units: 2), Line("3", "43235"), Line("4", "29880"), Line("5", "29881"),
                Line("6", "27130")),                                           // two families with a base, and another surgery
        };
        var results = new ClaimLineResults();
        foreach (var claim in claims)
        {
            var codes = string.Join(" ", claim.Lines.Select(l => $"{l.Service.Code}x{l.Service.Units}"));
            ClaimPathComparison.TakesCentsPath(Shared, claim).Should().BeTrue(codes);
            ClaimPathComparison.Differences(Shared, claim).Should().BeEmpty(codes);
            ClaimPathComparison.BatchDifferences(Shared, claim, results).Should().BeEmpty(codes);
        }
    }
}
