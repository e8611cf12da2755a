using System.Globalization;
using CsCheck;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Tests.Fixtures;
using static FeeEngine.Core.Tests.Fixtures.Claims2025Fixture;

namespace FeeEngine.Core.Tests.Claims;

/// <summary>
/// Properties of the claim pricer over random claims of 1-8 lines drawn from the fixture's payable rows (status A,
/// R, T): any code, one modifier from {none, 50, 51, RT, LT, 62, 80, AS, 26, TC} (26 and TC only where the code has
/// those rows), 1-3 units, a physician or a nurse practitioner, a billed charge on some lines, POS 11 or 22, one of the
/// three localities, and some deductible left on some claims. Modifier 53 is left out: its order dependence is the
/// skipped bug test in <see cref="MultipleSurgeryTests"/>.
/// </summary>
public sealed class ClaimPropertyTests
{
    private const int Iterations = 300;

    private sealed record LineSpec(string Code, string Modifier, int Units, ProviderType Provider, decimal? Charge);

    private sealed record ClaimSpec(LineSpec[] Lines, LocalityId Locality, string Pos, decimal? Deductible)
    {
        public override string ToString() =>
            $"{Locality} POS {Pos} deductible {Deductible?.ToString(CultureInfo.InvariantCulture) ?? "none"}: " +
            string.Join(", ", Lines.Select((l, i) =>
                $"{i + 1}:{l.Code}{(l.Modifier.Length > 0 ? "-" + l.Modifier : "")}x{l.Units}" +
                $"{(l.Provider == ProviderType.Physician ? "" : " NP")}{(l.Charge is { } c ? " $" + c.ToString(CultureInfo.InvariantCulture) : "")}"));
    }

    private static readonly string[] PolicyModifiers = ["", "50", "51", "RT", "LT", "62", "80", "AS"];

    /// <summary>The codes of every payable global row, and the modifiers each may carry.</summary>
    private static readonly Dictionary<string, string[]> ModifiersByCode = RvuRecords
        .Where(r => r.Modifier.IsNone && r.Status is 'A' or 'R' or 'T')
        .ToDictionary(
            r => r.Code.ToString(),
            r => PolicyModifiers
                .Concat(RvuRecords.Where(c => c.Code == r.Code && (c.Modifier == Modifier.ProfessionalComponent || c.Modifier == Modifier.TechnicalComponent))
                    .Select(c => c.Modifier.ToString()))
                .ToArray());

    private static readonly Gen<LineSpec> GenLine =
        from code in Gen.OneOf(ModifiersByCode.Keys.Order(StringComparer.Ordinal).ToArray())
        from modifier in Gen.OneOf(ModifiersByCode[code])
        from units in Gen.Int[1, 3]
        from provider in Gen.OneOf(ProviderType.Physician, ProviderType.NursePractitioner)
        from hasCharge in Gen.Int[0, 2]
        from cents in Gen.Int[100, 300_000]
        select new LineSpec(code, modifier, units, provider, hasCharge == 0 ? cents / 100m : null);

    private static readonly Gen<ClaimSpec> GenClaim =
        from lines in GenLine.Array[1, 8]
        from locality in Gen.OneOf(Alabama, Alaska, Manhattan)
        from pos in Gen.OneOf("11", "22")
        from hasDeductible in Gen.Bool
        from deductible in Gen.Int[0, 25_700]
        select new ClaimSpec(lines, locality, pos, hasDeductible ? deductible / 100m : null);

    private static Claim ToClaim(ClaimSpec spec, IEnumerable<int>? order = null) =>
        new("P1",
            (order ?? Enumerable.Range(0, spec.Lines.Length))
                .Select(i => Line((i + 1).ToString(CultureInfo.InvariantCulture), spec.Lines[i].Code, spec.Lines[i].Modifier, spec.Lines[i].Units,
                    spec.Lines[i].Charge, spec.Lines[i].Provider, locality: spec.Locality, pos: spec.Pos))
                .ToArray(),
            spec.Deductible is { } d ? new Money.Money(d) : null);

    /// <summary>
    /// The line before any claim-level reduction: its row's fee schedule amount per unit x units, doubled for
    /// modifier 50 (the largest bilateral factor, indicator 3); every other policy only reduces.
    /// </summary>
    private static decimal Unreduced(ClaimLinePrice line) =>
        line.Base!.Value.UnitAmount.Amount * line.Line.Service.Units * (line.Line.Service.Modifiers.Contains(Modifier.Parse("50")) ? 2m : 1m);

    [Fact]
    public void Reductions_never_raise_a_line_above_its_unreduced_amount()
    {
        GenClaim.Sample(spec =>
        {
            var price = Price(ToClaim(spec));
            foreach (var line in price.Lines.Where(l => l.IsPriced))
                line.Allowed!.Value.Amount.Should().BeLessThanOrEqualTo(Unreduced(line), "line {0} of {1} ({2})", line.Line.LineId, spec, line.AdjustmentsText);
        }, iter: Iterations, print: s => s.ToString());
    }

    [Fact]
    public void The_claim_total_never_exceeds_the_sum_of_the_unreduced_lines()
    {
        GenClaim.Sample(spec =>
        {
            var price = Price(ToClaim(spec));
            var unreduced = price.Lines.Where(l => l.IsPriced).Sum(Unreduced);
            price.TotalAllowed.Amount.Should().BeLessThanOrEqualTo(unreduced, "claim {0}", spec);
        }, iter: Iterations, print: s => s.ToString());
    }

    [Fact]
    public void Every_share_of_a_priced_line_is_between_zero_and_its_lesser_of_amount_and_they_add_up()
    {
        GenClaim.Sample(spec =>
        {
            var price = Price(ToClaim(spec));
            foreach (var line in price.Lines.Where(l => l.IsPriced))
            {
                var lesser = line.LesserOfBilled!.Value.Amount;
                lesser.Should().Be(Math.Min(line.Allowed!.Value.Amount, line.Line.BilledCharge?.Amount ?? decimal.MaxValue), "line {0} of {1}", line.Line.LineId, spec);
                line.PatientShare!.Value.Amount.Should().BeInRange(0m, lesser, "line {0} of {1}", line.Line.LineId, spec);
                (line.PatientShare.Value.Amount + line.PaymentBeforeSequestration!.Value.Amount).Should().Be(lesser, "line {0} of {1}", line.Line.LineId, spec);
                line.MedicarePayment!.Value.Amount.Should().BeInRange(0m, line.PaymentBeforeSequestration.Value.Amount, "line {0} of {1}", line.Line.LineId, spec);
            }
            var deductibleTaken = price.Lines.Where(l => l.IsPriced).Sum(l => l.Deductible!.Value.Amount);
            deductibleTaken.Should().BeLessThanOrEqualTo(spec.Deductible ?? 0m, "claim {0}", spec);
        }, iter: Iterations, print: s => s.ToString());
    }

    [Fact]
    public void Shuffling_the_lines_changes_no_line_result()
    {
        var gen = GenClaim.SelectMany(spec => Gen.Shuffle(Enumerable.Range(0, spec.Lines.Length).ToArray()).Select(order => (Spec: spec, Order: order)));
        gen.Sample(t =>
        {
            var (spec, order) = t;
            var inOrder = Price(ToClaim(spec));
            var shuffled = Price(ToClaim(spec, order));
            foreach (var a in inOrder.Lines)
            {
                var b = shuffled.LineById(a.Line.LineId);
                var because = $"line {a.Line.LineId} of {spec} shuffled as [{string.Join(",", order.Select(i => i + 1))}]";
                b.Outcome.Should().Be(a.Outcome, because);
                // Not the message text: the status T bundling message lists the other codes in file order (the
                // skipped bug test in InjectionAndAnesthesiaTests); whether there is one must not change.
                (b.Message is null).Should().Be(a.Message is null, because);
                b.Allowed.Should().Be(a.Allowed, because);
                Steps(b).Should().Equal(Steps(a), because);
                b.LesserOfBilled.Should().Be(a.LesserOfBilled, because);
                b.Deductible.Should().Be(a.Deductible, because);
                b.Coinsurance.Should().Be(a.Coinsurance, because);
                b.PatientShare.Should().Be(a.PatientShare, because);
                b.MedicarePayment.Should().Be(a.MedicarePayment, because);
            }
        }, iter: Iterations, print: t => $"{t.Spec} shuffled as [{string.Join(",", t.Order.Select(i => i + 1))}]");
    }

    /// <summary>The adjustments compared by what they say (policy, detail and explanation), not by identity.</summary>
    private static string[] Steps(ClaimLinePrice line) => [.. line.Adjustments.Select(a => $"{a.Policy}|{a.Detail}|{a.Explanation}")];

    /// <summary>The codes of the fixture with a global, a 26 and a TC row.</summary>
    public static TheoryData<string> CodesWithComponents()
    {
        var data = new TheoryData<string>();
        foreach (var code in ComponentCodes) data.Add(code);
        return data;
    }

    private static readonly string[] ComponentCodes = RvuRecords
        .GroupBy(r => r.Code.ToString())
        .Where(g => g.Any(r => r.Modifier.IsNone) && g.Any(r => r.Modifier == Modifier.ProfessionalComponent) && g.Any(r => r.Modifier == Modifier.TechnicalComponent))
        .Select(g => g.Key)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// How far price(26) + price(TC) may stray from price(global) for one unit in a locality: each of the three
    /// amounts is rounded once to cents, an error below 0.005 each, so the whole-cent difference is at most 0.01; to
    /// that add what the rows' own RVUs, each rounded by CMS to 2 decimals, fail to add up (work, PE and MP, and the
    /// OPPS PE and MP of capped codes) valued at the locality's GPCIs and the CF.
    /// </summary>
    private static decimal Tolerance(string code, GpciRecord gpci, bool facility)
    {
        var global = Row(code, Modifier.None);
        var pc = Row(code, Modifier.ProfessionalComponent);
        var tc = Row(code, Modifier.TechnicalComponent);
        decimal Pe(RvuRecord r) => facility ? r.FacilityPeRvu.Value : r.NonFacilityPeRvu.Value;
        decimal OppsPe(RvuRecord r) => r.IsOppsCapped ? (facility ? r.OppsFacilityPeRvu.Value : r.OppsNonFacilityPeRvu.Value) : Pe(r);
        decimal OppsMp(RvuRecord r) => r.IsOppsCapped ? r.OppsMpRvu.Value : r.MpRvu.Value;
        var work = Math.Abs(global.WorkRvu.Value - pc.WorkRvu.Value - tc.WorkRvu.Value);
        var pe = Math.Max(Math.Abs(Pe(global) - Pe(pc) - Pe(tc)), global.IsOppsCapped ? Math.Abs(OppsPe(global) - Pe(pc) - OppsPe(tc)) : 0m);
        var mp = Math.Max(Math.Abs(global.MpRvu.Value - pc.MpRvu.Value - tc.MpRvu.Value), global.IsOppsCapped ? Math.Abs(OppsMp(global) - pc.MpRvu.Value - OppsMp(tc)) : 0m);
        return 0.01m + ((work * gpci.WorkWithFloor.Value) + (pe * gpci.PracticeExpense.Value) + (mp * gpci.Malpractice.Value)) * 32.3465m;
    }

    private static RvuRecord Row(string code, Modifier modifier) => RvuRecords.Single(r => r.Code.ToString() == code && r.Modifier == modifier);

    private static decimal UnitPrice(MedicarePfsPricer pricer, string code, string modifier, LocalityId locality, string pos)
    {
        var price = pricer.Price(Pfs2025Fixture.Line(code, modifier, locality, pos, "2025-11-03"));
        price.Outcome.Should().Be(PricingOutcome.Priced, "{0}-{1} in {2} POS {3}: {4}", code, modifier, locality, pos, price.Message);
        return price.UnitAmount.Amount;
    }

    [Theory]
    [MemberData(nameof(CodesWithComponents))]
    public void In_the_three_real_localities_26_plus_TC_equals_the_global_amount_within_the_cent_of_rounding(string code)
    {
        var pricer = PfsPricer();
        foreach (var gpci in Pfs2025Fixture.Gpci2025)
            foreach (var pos in new[] { "11", "22" })
            {
                var tolerance = Tolerance(code, gpci, facility: pos == "22");
                // CMS rounds each row's RVUs to 2 decimals; in RVU25D the 26 and TC rows of every fixture code add up
                // exactly to the global row, so only the rounding of the three amounts to cents is left.
                tolerance.Should().Be(0.01m, "{0} in {1} POS {2}", code, gpci.Locality, pos);
                tolerance.Should().BeLessThanOrEqualTo(0.03m);
                var sum = UnitPrice(pricer, code, "26", gpci.Locality, pos) + UnitPrice(pricer, code, "TC", gpci.Locality, pos);
                var global = UnitPrice(pricer, code, "", gpci.Locality, pos);
                Math.Abs(sum - global).Should().BeLessThanOrEqualTo(tolerance, "{0} in {1} POS {2}: 26 + TC = {3}, global {4}", code, gpci.Locality, pos, sum, global);
            }
    }

    [Fact]
    public void In_any_locality_26_plus_TC_equals_the_global_amount_within_the_cent_of_rounding()
    {
        // Any GPCIs with 3 decimals in the ranges CMS publishes (work 1.000-1.500 with the floor, PE and MP 0.300-2.500):
        // the bound holds for every locality, not only the three in the fixture.
        var locality = LocalityId.Parse("99999-99");
        var gen =
            from work in Gen.Int[1000, 1500]
            from pe in Gen.Int[300, 2500]
            from mp in Gen.Int[300, 2500]
            from code in Gen.OneOf(ComponentCodes)
            from pos in Gen.OneOf("11", "22")
            select (Gpci: Pfs2025Fixture.Gpci(locality, "ZZ", "RANDOM", work / 1000m, pe / 1000m, mp / 1000m), Code: code, Pos: pos);
        gen.Sample(t =>
        {
            var release = new PfsRelease("RVU25D", Pfs2025Fixture.Rvu25DEffective, null, RvuRecords, [t.Gpci]);
            var pricer = Pfs2025Fixture.Pricer(new PfsCatalog([release]));
            var tolerance = Tolerance(t.Code, t.Gpci, facility: t.Pos == "22");
            var sum = UnitPrice(pricer, t.Code, "26", locality, t.Pos) + UnitPrice(pricer, t.Code, "TC", locality, t.Pos);
            var global = UnitPrice(pricer, t.Code, "", locality, t.Pos);
            Math.Abs(sum - global).Should().BeLessThanOrEqualTo(tolerance, "{0} POS {1}: 26 + TC = {2}, global {3}", t.Code, t.Pos, sum, global);
        }, iter: Iterations, print: t => $"{t.Code} POS {t.Pos} GPCIs {t.Gpci.WorkWithFloor.Value}/{t.Gpci.PracticeExpense.Value}/{t.Gpci.Malpractice.Value}");
    }
}
