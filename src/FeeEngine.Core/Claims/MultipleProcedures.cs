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

    private sealed class Procedure(string key)
    {
        public List<(LineWork Line, int Unit)> Slots { get; } = [];
        public decimal Value { get; set; }
        public string Key { get; } = key;
    }

    public static void Apply(IReadOnlyList<LineWork> lines, MedicarePfsPricer pricer)
    {
        var eligible = lines.Where(IsEligible).ToList();
        if (eligible.Count == 0) return;
        PairRightAndLeft(eligible);
        var procedures = new List<Procedure>();
        ValueEndoscopyFamilies(eligible, pricer, procedures);
        foreach (var w in eligible.Where(w => !w.Adjustments.Any(a => a.Policy == "endoscopy")))
        {
            if (w.IsSecondSide) continue; // ranked together with the first side of its RT/LT pair
            var pair = w.Partner;
            for (var u = 0; u < w.Units.Length; u++)
            {
                var p = new Procedure($"{w.TieKey}|{u}");
                p.Slots.Add((w, u));
                p.Value = w.Units[u] * w.Bilateral;
                if (pair is not null && u == 0)
                {
                    p.Slots.Add((pair, 0));
                    p.Value += pair.Units[0] * pair.Bilateral;
                }
                procedures.Add(p);
            }
        }
        if (procedures.Sum(p => p.Slots.Count == 0 ? 0 : 1) < 2) return;

        var ranked = procedures.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        for (var rank = 2; rank <= ranked.Count; rank++)
        {
            var p = ranked[rank - 1];
            foreach (var (line, unit) in p.Slots)
            {
                line.Units[unit] *= SecondaryShare;
                line.Add("mult_proc", $"rank{rank}:50%",
                    $"multiple procedures: ranked {Ordinal(rank)} of {ranked.Count} by fee schedule amount ({p.Value.ToString("0.00", CultureInfo.InvariantCulture)}); paid 50%" +
                    (rank >= 6 ? " (sixth and later procedures are 'by report' at CMS; priced at 50%)" : "") +
                    (line.Units.Length > 1 ? $" (unit {unit + 1})" : ""));
            }
        }
        var top = ranked[0];
        foreach (var (line, _) in top.Slots)
            if (!line.Adjustments.Any(a => a.Policy == "mult_proc"))
                line.Add("mult_proc", "rank1:100%", $"multiple procedures: highest of {ranked.Count} by fee schedule amount; paid 100%");
    }

    private static bool IsEligible(LineWork w) =>
        w.IsPriced && w.Anesthesia is null && w.Row is { } row && row.MultipleProcedure is '1' or '2' or '3' && row.GlobalDays != "ZZZ";

    /// <summary>
    /// Two lines of one code, one RT and one LT (each one unit, no modifier 50), are one bilateral procedure: the
    /// first side is paid in full, the second at 50% (indicator 1: 150% in all), 100% (indicator 3: 200%) or not at
    /// all (indicators 0 and 2: 100% of a single fee).
    /// </summary>
    private static void PairRightAndLeft(List<LineWork> eligible)
    {
        var rt = Modifier.Parse("RT");
        var lt = Modifier.Parse("LT");
        foreach (var right in eligible.Where(w => w.Line.Service.Modifiers.Contains(rt) && !w.Has("50") && w.Units.Length == 1).OrderBy(w => w.TieKey, StringComparer.Ordinal))
        {
            if (right.Partner is not null) continue;
            var left = eligible.Where(w => w.Code == right.Code && w.Line.Service.Modifiers.Contains(lt) && !w.Has("50") && w.Units.Length == 1 && w.Partner is null)
                .OrderBy(w => w.TieKey, StringComparer.Ordinal).FirstOrDefault();
            if (left is null || right.Row!.BilateralSurgery == '9') continue;
            var (share, text) = right.Row!.BilateralSurgery switch
            {
                '1' => (0.5m, "BILAT SURG indicator 1: the second side is paid 50% (150% for both sides)"),
                '3' => (1m, "BILAT SURG indicator 3: each side is paid 100%"),
                _ => (0m, $"BILAT SURG indicator {right.Row!.BilateralSurgery}: both sides together are paid one fee (100%)"),
            };
            left.Bilateral = share;
            left.Partner = right;
            left.IsSecondSide = true;
            right.Partner = left;
            left.Add("bilateral", $"{(share * 100m).ToString("0", CultureInfo.InvariantCulture)}%", $"RT/LT pair with line {right.Line.LineId}: {text}");
            right.Add("bilateral", "100%", $"RT/LT pair with line {left.Line.LineId}: this side at 100%");
        }
    }

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

            var baseFee = BaseFee(family.Key, members[0], baseLines, pricer);
            var procedure = new Procedure($"endo|{family.Key}");
            foreach (var b in baseLines)
            {
                for (var u = 0; u < b.Units.Length; u++) b.Units[u] = 0m;
                b.Add("endoscopy", "base_included", $"base endoscopy {family.Key} billed with other endoscopies of its family: not paid separately");
            }
            var slots = members.SelectMany(m => Enumerable.Range(0, m.Units.Length).Select(u => (Line: m, Unit: u)))
                .OrderByDescending(s => s.Line.Units[s.Unit]).ThenBy(s => s.Line.TieKey, StringComparer.Ordinal).ThenBy(s => s.Unit).ToList();
            for (var i = 0; i < slots.Count; i++)
            {
                var (line, unit) = slots[i];
                if (i == 0)
                {
                    line.Add("endoscopy", "highest:100%", $"highest-valued endoscopy of family {family.Key}: paid in full");
                }
                else if (baseFee is { } fee)
                {
                    var reduced = Math.Max(0m, line.Units[unit] - fee);
                    line.Add("endoscopy", $"minus_base:{fee.ToString("0.00", CultureInfo.InvariantCulture)}",
                        $"further endoscopy of family {family.Key}: its fee {line.Units[unit].ToString("0.00", CultureInfo.InvariantCulture)} less the base endoscopy's fee {fee.ToString("0.00", CultureInfo.InvariantCulture)} = {reduced.ToString("0.00", CultureInfo.InvariantCulture)}");
                    line.Units[unit] = reduced;
                }
                procedure.Slots.Add((line, unit));
                procedure.Value += line.Units[unit];
            }
            procedures.Add(procedure);
        }
    }

    /// <summary>The base endoscopy's fee in the same place and setting: from its own line when billed, else priced.</summary>
    private static decimal? BaseFee(string baseCode, LineWork member, List<LineWork> baseLines, MedicarePfsPricer pricer)
    {
        if (baseLines.Count > 0) return baseLines[0].Units[0];
        var s = member.Line.Service;
        var price = pricer.Price(s with { Code = HcpcsCode.Parse(baseCode), Modifiers = default, Units = 1 });
        return price.IsPriced ? price.UnitAmount.Amount : null;
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
