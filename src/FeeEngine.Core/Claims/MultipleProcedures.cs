using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Multiple surgery (MULT PROC indicators 1, 2 and 3, reference section 4): on one claim (one provider, one date)
/// the procedures are ranked by fee schedule amount; the highest is paid 100% and every other 50%.
/// Bilateral procedures are valued (150%/200%) before ranking, and an RT/LT pair of one code counts as one
/// bilateral procedure. Endoscopies of one family (same ENDO BASE) are valued first: the highest in full, each
/// other at its fee minus the base endoscopy's fee, the billed base itself not paid separately; the family then
/// ranks as one procedure. Add-on codes (global ZZZ) are never ranked. Each unit of a code is a procedure.
/// Open points (documented defaults): indicator 1 (pre-1995 rule) ranks like 2; the sixth and later procedures,
/// "by report" in CMS's words, are priced at 50%; all lines of a claim are taken as one operative session.
/// </summary>
internal static class MultipleProcedures
{
    public const decimal SecondaryShare = 0.50m;

    private sealed class Procedure(LineWork first, int unit)
    {
        public List<(LineWork Line, int Unit)> Slots { get; } = [(first, unit)];
        public decimal Value { get; set; }
        public LineWork First { get; } = first;
        public int Unit { get; } = unit;
    }

    // Highest value first; ties by code, modifiers and line id, never by position in the file.
    private static readonly Comparison<Procedure> ByValue = (a, b) =>
    {
        var c = b.Value.CompareTo(a.Value);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.First.TieKey, b.First.TieKey);
        return c != 0 ? c : a.Unit.CompareTo(b.Unit);
    };

    public static void Apply(IReadOnlyList<LineWork> lines, MedicarePfsPricer pricer)
    {
        var eligible = new List<LineWork>(lines.Count);
        var units = 0;
        var endoscopy = false;
        foreach (var w in lines)
        {
            if (!IsEligible(w)) continue;
            eligible.Add(w);
            units += w.Units.Length;
            endoscopy |= w.Row!.MultipleProcedure == '3';
        }
        if (units < 2) return;

        var procedures = new List<Procedure>(units);
        if (endoscopy) ValueEndoscopyFamilies(eligible, pricer, procedures);
        foreach (var w in eligible)
        {
            if (w.IsSecondSide || (endoscopy && w.HasAdjustment("endoscopy"))) continue; // ranked with its partner or family
            var pair = w.Partner is { } partner && eligible.Contains(partner) ? partner : null;
            for (var u = 0; u < w.Units.Length; u++)
            {
                var p = new Procedure(w, u) { Value = w.Units[u] * w.Bilateral };
                if (pair is not null && u == 0)
                {
                    p.Slots.Add((pair, 0));
                    p.Value += pair.Units[0] * pair.Bilateral;
                }
                procedures.Add(p);
            }
        }
        if (procedures.Count < 2) return;

        procedures.Sort(ByValue);
        var count = procedures.Count;
        for (var r = 2; r <= count; r++)
        {
            var rank = r; // captured by the explanation: one variable per procedure
            var p = procedures[rank - 1];
            foreach (var (line, unit) in p.Slots)
            {
                line.Units[unit] *= SecondaryShare;
                var lineUnits = line.Units.Length;
                line.Add("mult_proc", RankDetail(rank), () => RankExplanation(rank, count, p.Value, lineUnits, unit));
            }
        }
        foreach (var (line, _) in procedures[0].Slots)
            if (!line.HasAdjustment("mult_proc"))
                line.Add("mult_proc", HighestDetail, () => HighestExplanation(count));
    }

    // The words of the steps, shared with the whole-cent path (CentsPolicyPath) so both explain alike.
    internal const string HighestDetail = "rank1:100%";

    internal static string HighestExplanation(int count) => $"multiple procedures: highest of {count} by fee schedule amount; paid 100%";

    internal static string RankExplanation(int rank, int count, decimal value, int lineUnits, int unit) =>
        $"multiple procedures: ranked {Ordinal(rank)} of {count} by fee schedule amount ({value.ToString("0.00", CultureInfo.InvariantCulture)}); paid 50%" +
        (rank >= 6 ? " (sixth and later procedures are 'by report' at CMS; priced at 50%)" : "") +
        (lineUnits > 1 ? $" (unit {unit + 1})" : "");

    internal const string BaseIncludedDetail = "base_included";
    internal const string FamilyHighestDetail = "highest:100%";

    internal static string BaseIncludedExplanation(string family) => $"base endoscopy {family} billed with other endoscopies of its family: not paid separately";

    internal static string FamilyHighestExplanation(string family) => $"highest-valued endoscopy of family {family}: paid in full";

    internal static string MinusBaseDetail(decimal baseFee) => $"minus_base:{baseFee.ToString("0.00", CultureInfo.InvariantCulture)}";

    internal static string MinusBaseExplanation(string family, decimal own, decimal baseFee, decimal reduced) =>
        $"further endoscopy of family {family}: its fee {own.ToString("0.00", CultureInfo.InvariantCulture)} less the base endoscopy's fee " +
        $"{baseFee.ToString("0.00", CultureInfo.InvariantCulture)} = {reduced.ToString("0.00", CultureInfo.InvariantCulture)}";

    private static readonly string[] RankDetails = [.. Enumerable.Range(0, 12).Select(r => $"rank{r}:50%")];

    internal static string RankDetail(int rank) => rank < RankDetails.Length ? RankDetails[rank] : $"rank{rank}:50%";

    private static bool IsEligible(LineWork w) =>
        w.IsPriced && w.Anesthesia is null && w.Row is { } row && row.MultipleProcedure is '1' or '2' or '3' && row.GlobalDays != "ZZZ";

    private static void ValueEndoscopyFamilies(List<LineWork> eligible, MedicarePfsPricer pricer, List<Procedure> procedures)
    {
        var families = eligible.Where(w => w.Row!.MultipleProcedure == '3' && w.Row.EndoscopicBase.Length == 5)
            .GroupBy(w => w.Row!.EndoscopicBase, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var members = family.ToList();
            var baseLines = eligible.Where(w => w.Code.ToString() == family.Key && w.Row!.MultipleProcedure != '3').ToList();
            var memberUnits = members.Sum(m => m.Units.Length);
            if (memberUnits + baseLines.Sum(b => b.Units.Length) < 2) continue; // a lone endoscopy is an ordinary procedure

            var baseFee = BaseFee(family.Key, members[0], pricer);
            Procedure? procedure = null;
            foreach (var b in baseLines)
            {
                for (var u = 0; u < b.Units.Length; u++) b.Units[u] = 0m;
                b.Add("endoscopy", BaseIncludedDetail, () => BaseIncludedExplanation(family.Key));
            }
            var slots = members.SelectMany(m => Enumerable.Range(0, m.Units.Length).Select(u => (Line: m, Unit: u)))
                .OrderByDescending(s => s.Line.Units[s.Unit]).ThenBy(s => s.Line.TieKey, StringComparer.Ordinal).ThenBy(s => s.Unit).ToList();
            for (var i = 0; i < slots.Count; i++)
            {
                var (line, unit) = slots[i];
                if (i == 0)
                {
                    line.Add("endoscopy", FamilyHighestDetail, () => FamilyHighestExplanation(family.Key));
                }
                else if (baseFee is { } fee)
                {
                    var own = line.Units[unit];
                    var reduced = Math.Max(0m, own - fee);
                    line.Add("endoscopy", MinusBaseDetail(fee), () => MinusBaseExplanation(family.Key, own, fee, reduced));
                    line.Units[unit] = reduced;
                }
                if (procedure is null) procedure = new Procedure(line, unit);
                else procedure.Slots.Add((line, unit));
                procedure.Value += line.Units[unit];
            }
            if (procedure is not null) procedures.Add(procedure);
        }
    }

    /// <summary>
    /// The base endoscopy's fee schedule amount in the same place, setting and date: always its own full row, whether
    /// or not the base is billed (and never a -53 row), so the amount does not depend on which lines came first.
    /// </summary>
    private static decimal? BaseFee(string baseCode, LineWork member, MedicarePfsPricer pricer)
    {
        var s = member.Line.Service;
        var price = pricer.Price(s with { Code = HcpcsCode.Parse(baseCode), Modifiers = default, Units = 1 });
        return price.IsPriced ? price.UnitAmount.Amount : null;
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
