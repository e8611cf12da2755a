using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Multiple procedure payment reductions of diagnostic tests on one claim (one provider, one date; taken as one
/// session). Indicator 4, diagnostic imaging: the technical component (TC) of the highest-priced procedure is paid
/// in full and every other TC at 50%; the professional component (PC) of every procedure after the highest PC is
/// reduced 5%. Indicator 6, diagnostic cardiovascular: TC of the 2nd and later reduced 25%. Indicator 7,
/// diagnostic ophthalmology: TC of the 2nd and later reduced 20% (one CMS README says 25%: open, 20% is the
/// reference's default). Procedures are ranked by their component's fee schedule amount; a global service's
/// components are priced from the code's own 26 and TC rows. Each unit is a procedure.
/// </summary>
internal static class DiagnosticReductions
{
    internal sealed record Rule(char Indicator, string Policy, decimal TcReduction, decimal PcReduction)
    {
        // The labels of the rule's two steps, worded once (a claim with a reduction writes one per reduced unit).
        public string TcDetail { get; } = Detail("TC", TcReduction);
        public string PcDetail { get; } = Detail("PC", PcReduction);
    }

    internal static readonly Rule[] Rules =
    [
        new('4', "imaging", 0.50m, 0.05m),
        new('6', "cardiovascular", 0.25m, 0m),
        new('7', "ophthalmology", 0.20m, 0m),
    ];

    private readonly record struct Slot(LineWork Line, int Unit, decimal Component);

    public static void Apply(IReadOnlyList<LineWork> lines, MedicarePfsPricer pricer)
    {
        foreach (var rule in Rules)
        {
            if (Units(lines, rule.Indicator) < 2) continue; // the common case: nothing to compare, nothing allocated
            // The second side of an RT/LT pair is part of its bilateral procedure, not a further one.
            var group = lines.Where(w => w.IsPriced && w.Anesthesia is null && !w.IsSecondSide && w.Row?.MultipleProcedure == rule.Indicator).ToList();
            if (group.Sum(w => w.Units.Length) < 2) continue;
            var tc = new List<Slot>();
            var pc = new List<Slot>();
            foreach (var w in group)
            {
                var (tcAmount, pcAmount) = Components(w, pricer);
                for (var u = 0; u < w.Units.Length; u++)
                {
                    if (tcAmount > 0m) tc.Add(new Slot(w, u, tcAmount));
                    if (pcAmount > 0m) pc.Add(new Slot(w, u, pcAmount));
                }
            }
            Reduce(tc, rule.TcReduction, rule.Policy, "TC");
            Reduce(pc, rule.PcReduction, rule.Policy, "PC");
        }
    }

    private static int Units(IReadOnlyList<LineWork> lines, char indicator)
    {
        var units = 0;
        foreach (var w in lines)
            if (w.IsPriced && w.Anesthesia is null && !w.IsSecondSide && w.Row?.MultipleProcedure == indicator) units += w.Units.Length;
        return units;
    }

    private static void Reduce(List<Slot> slots, decimal reduction, string policy, string component)
    {
        if (reduction == 0m || slots.Count < 2) return;
        var ranked = slots.OrderByDescending(s => s.Component).ThenBy(s => s.Line.TieKey, StringComparer.Ordinal).ThenBy(s => s.Unit).ToList();
        for (var i = 1; i < ranked.Count; i++)
        {
            var rank = i + 1; // captured by the explanation: one variable per slot
            var s = ranked[i];
            s.Line.Units[s.Unit] -= s.Component * reduction;
            var count = ranked.Count;
            s.Line.Add(policy, Detail(component, reduction), () => Explanation(policy, component, rank, count, s.Component, reduction, s.Line.Units.Length, s.Unit));
        }
    }

    // The words of the steps, shared with the whole-cent path (CentsPolicyPath) so both explain alike.
    internal static string Detail(string component, decimal reduction) => $"{component}-{Percent(reduction)}%";

    internal static string Explanation(string policy, string component, int rank, int count, decimal amount, decimal reduction, int lineUnits, int unit) =>
        $"{policy} multiple procedure reduction: {component} ranked {rank} of {count} by {component} amount; its {component} " +
        $"{amount.ToString("0.00", CultureInfo.InvariantCulture)} reduced {Percent(reduction)}% (-{(amount * reduction).ToString("0.00##", CultureInfo.InvariantCulture)})" +
        (lineUnits > 1 ? $" (unit {unit + 1})" : "");

    private static string Percent(decimal reduction) => (reduction * 100m).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The TC and PC amounts of one unit: the line itself for -TC / -26, the code's own rows for a global line.</summary>
    private static (decimal Tc, decimal Pc) Components(LineWork w, MedicarePfsPricer pricer)
    {
        var row = w.Row!;
        if (row.Modifier == Modifier.TechnicalComponent) return (w.Units[0], 0m);
        if (row.Modifier == Modifier.ProfessionalComponent) return (0m, w.Units[0]);
        if (row.PcTcIndicator == '3') return (w.Units[0], 0m); // technical-component-only code
        if (row.PcTcIndicator == '2') return (0m, w.Units[0]); // professional-component-only code
        var s = w.Line.Service;
        var tc = pricer.Price(s with { Modifiers = new ModifierList(Modifier.TechnicalComponent), Units = 1 });
        var pc = pricer.Price(s with { Modifiers = new ModifierList(Modifier.ProfessionalComponent), Units = 1 });
        return (tc.IsPriced ? tc.UnitAmount.Amount : w.Units[0], pc.IsPriced ? pc.UnitAmount.Amount : 0m);
    }
}
