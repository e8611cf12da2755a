using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Multiple procedure payment reduction of "always therapy" services (MULT PROC indicator 5): on one claim (one
/// provider, one date) the unit with the highest practice-expense payment is paid in full and every other unit and
/// service is paid with 50% of its PE: <c>[(work x GPCI) + (50% PE x GPCI) + (MP x GPCI)] x CF</c>, rounded once,
/// the amount CMS publishes as the "50% therapy reduction amount" (97110, Alabama 2025: 20.79).
/// </summary>
internal static class TherapyReduction
{
    public const decimal ReducedPeShare = 0.5m;

    public static void Apply(IReadOnlyList<LineWork> lines)
    {
        var therapyUnits = 0;
        foreach (var w in lines)
            if (w.IsPriced && w.Anesthesia is null && !w.IsSecondSide && w.Row?.MultipleProcedure == '5') therapyUnits += w.Units.Length;
        if (therapyUnits < 2) return; // the common case: nothing to compare, nothing allocated

        var units = lines.Where(w => w.IsPriced && w.Anesthesia is null && !w.IsSecondSide && w.Row?.MultipleProcedure == '5')
            .SelectMany(w => Enumerable.Range(0, w.Units.Length).Select(u => (Line: w, Unit: u, Pe: PePayment(w.Base))))
            .OrderByDescending(x => x.Pe).ThenBy(x => x.Line.TieKey, StringComparer.Ordinal).ThenBy(x => x.Unit)
            .ToList();
        if (units.Count < 2) return;
        foreach (var group in units.Skip(1).GroupBy(x => x.Line))
        {
            var w = group.Key;
            var reduced = ReducedAmount(w.Base);
            foreach (var (_, unit, _) in group) w.Units[unit] = reduced;
            var count = group.Count();
            w.Add("therapy", Detail(count), () => Explanation(count, reduced));
        }
    }

    // The words of the step, shared with the whole-cent path (CentsPolicyPath) so both explain alike.
    internal static string Detail(int count) => count < Details.Length ? Details[count] : Worded(count);

    private static string Worded(int count) => $"{count}_unit{(count == 1 ? "" : "s")}:50%PE";

    private static readonly string[] Details = [.. Enumerable.Range(0, 65).Select(Worded)];

    internal static string Explanation(int count, decimal reduced) =>
        $"therapy multiple procedure reduction: {count} unit(s) after the unit with the highest practice-expense payment are paid with 50% of their PE: {reduced:0.00} each";

    /// <summary>The PE part of one unit's payment, the ranking key.</summary>
    internal static decimal PePayment(in PfsPrice p)
    {
        var pe = p.Setting == Setting.Facility ? p.Rvu!.FacilityPeRvu.Value : p.Rvu!.NonFacilityPeRvu.Value;
        return pe * p.Gpci!.PracticeExpense.Value * p.ConversionFactor!.Pfs.Value;
    }

    /// <summary>The unit amount with half the PE RVUs, rounded once to cents.</summary>
    internal static decimal ReducedAmount(in PfsPrice p)
    {
        var r = p.Rvu!;
        var g = p.Gpci!;
        var pe = p.Setting == Setting.Facility ? r.FacilityPeRvu.Value : r.NonFacilityPeRvu.Value;
        var raw = MedicarePfsPricer.RvuFormula(r.WorkRvu.Value, p.WorkGpci, pe * ReducedPeShare, g.PracticeExpense.Value, r.MpRvu.Value, g.Malpractice.Value, p.ConversionFactor!.Pfs.Value);
        return Money.PfsRounding.ToCents(new Money.Money(raw)).Amount;
    }
}
