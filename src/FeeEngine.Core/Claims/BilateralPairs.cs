using System.Globalization;
using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Claims;

/// <summary>
/// Two lines of one code, one RT and one LT (each one unit, neither with modifier 50), are one bilateral procedure
/// (RVU file README, BILAT SURG): the first side is paid in full and the second at 50% (indicator 1: 150% for both),
/// 100% (indicator 3: each side in full) or nothing (indicators 0 and 2: one fee for both sides). This holds whatever
/// the code's multiple-procedure indicator; where the code is also ranked as a surgery, the pair ranks as one
/// procedure (<see cref="MultipleProcedures"/>). Indicator 9: the sides are separate services. A line carrying both
/// RT and LT is not a pair.
/// </summary>
internal static class BilateralPairs
{
    private static readonly Modifier Right = Modifier.Parse("RT");
    private static readonly Modifier Left = Modifier.Parse("LT");
    private static readonly Modifier Bilateral = Modifier.Parse("50");

    public static void Apply(IReadOnlyList<LineWork> lines)
    {
        List<LineWork>? rights = null, lefts = null;
        foreach (var w in lines)
        {
            if (!w.IsPriced || w.Anesthesia is not null || w.Units.Length != 1 || w.Row!.BilateralSurgery is not ('0' or '1' or '2' or '3')) continue;
            var m = w.Line.Service.Modifiers;
            if (m.Contains(Bilateral) || (m.Contains(Right) && m.Contains(Left))) continue;
            if (m.Contains(Right)) (rights ??= []).Add(w);
            else if (m.Contains(Left)) (lefts ??= []).Add(w);
        }
        if (rights is null || lefts is null) return;

        rights.Sort((a, b) => string.CompareOrdinal(a.TieKey, b.TieKey));
        lefts.Sort((a, b) => string.CompareOrdinal(a.TieKey, b.TieKey));
        foreach (var right in rights)
        {
            var left = lefts.Find(l => l.Code == right.Code && l.Partner is null);
            if (left is null) continue;
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
            var leftDetail = $"{(share * 100m).ToString("0", CultureInfo.InvariantCulture)}%";
            left.Add("bilateral", leftDetail, () => $"RT/LT pair with line {right.Line.LineId}: {text}");
            right.Add("bilateral", "100%", () => $"RT/LT pair with line {left.Line.LineId}: this side at 100%");
        }
    }
}
