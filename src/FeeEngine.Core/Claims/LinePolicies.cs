using System.Globalization;

namespace FeeEngine.Core.Claims;

/// <summary>
/// The payment rules a line's own modifiers and provider carry (reference section 4): bilateral (50), co-surgeons
/// (62), assistants at surgery (80, 81, 82, AS) and non-physician practitioners. Each is allowed only where the
/// PPRRVU indicator allows it; otherwise the line is not payable and the message names the indicator.
/// </summary>
internal static class LinePolicies
{
    /// <summary>Co-surgeons are each paid 62.5% of the fee schedule amount.</summary>
    public const decimal CoSurgeonShare = 0.625m;

    /// <summary>An assistant at surgery (80, 81, 82) is paid 16%.</summary>
    public const decimal AssistantShare = 0.16m;

    /// <summary>A PA, NP or CNS assisting (AS) is paid 85% of 16% = 13.6%.</summary>
    public const decimal NonPhysicianAssistantShare = 0.136m;

    private static readonly Codes.Modifier M50 = Codes.Modifier.Parse("50"), M62 = Codes.Modifier.Parse("62"),
        M80 = Codes.Modifier.Parse("80"), M81 = Codes.Modifier.Parse("81"), M82 = Codes.Modifier.Parse("82"), MAS = Codes.Modifier.Parse("AS");

    public static void Apply(LineWork w)
    {
        if (!w.IsPriced || w.Row is not { } row) return;

        if (w.Has(M50))
        {
            switch (row.BilateralSurgery)
            {
                case '1':
                    w.Bilateral = 1.5m;
                    w.Add("bilateral", "150%", () => "modifier 50, BILAT SURG indicator 1: 150% of the single-side fee schedule amount");
                    break;
                case '3':
                    w.Bilateral = 2m;
                    w.Add("bilateral", "200%", () => "modifier 50, BILAT SURG indicator 3: each side paid at 100%");
                    break;
                case '0':
                    w.Add("bilateral", "100%", () => "modifier 50, BILAT SURG indicator 0: the bilateral adjustment does not apply; 100% of the single fee");
                    break;
                case '2':
                    w.Add("bilateral", "100%", () => "modifier 50, BILAT SURG indicator 2: the RVUs are already bilateral; 100% of the fee");
                    break;
                default:
                    w.NotPayable($"not payable: modifier 50 (bilateral) does not apply to {row.Key}: its BILAT SURG indicator is {row.BilateralSurgery} (concept does not apply)");
                    return;
            }
        }

        if (w.Has(M62))
        {
            if (row.CoSurgeons is '1' or '2')
            {
                w.Role *= CoSurgeonShare;
                w.Add("co_surgeon", "62.5%", () => $"modifier 62, CO-SURG indicator {row.CoSurgeons}: each co-surgeon is paid 62.5%" +
                                             (row.CoSurgeons == '1' ? " (documentation required)" : ""));
            }
            else
            {
                w.NotPayable($"not payable: modifier 62 (co-surgeons) is not allowed for {row.Key}: its CO-SURG indicator is {row.CoSurgeons} " +
                             (row.CoSurgeons == '0' ? "(co-surgeons not permitted)" : "(concept does not apply)"));
                return;
            }
        }

        var assistant = w.Has(M80) ? "80" : w.Has(M81) ? "81" : w.Has(M82) ? "82" : w.Has(MAS) ? "AS" : null;
        if (assistant is not null)
        {
            if (row.AssistantSurgery is '0' or '2')
            {
                var share = assistant == "AS" ? NonPhysicianAssistantShare : AssistantShare;
                w.Role *= share;
                var pct = (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";
                w.Add("assistant", pct, () => $"modifier {assistant}, ASST SURG indicator {row.AssistantSurgery}: the assistant at surgery is paid {pct}" +
                                        (assistant == "AS" ? " (85% of 16%, non-physician assistant)" : "") +
                                        (row.AssistantSurgery == '0' ? "; payable only with documentation of medical necessity" : ""));
            }
            else
            {
                w.NotPayable($"not payable: modifier {assistant} (assistant at surgery) is not allowed for {row.Key}: its ASST SURG indicator is {row.AssistantSurgery} " +
                             (row.AssistantSurgery == '1' ? "(statutory restriction: an assistant may not be paid)" : "(concept does not apply)"));
                return;
            }
        }

        if (w.Line.Provider.IsNonPhysicianPractitioner() && assistant != "AS")
        {
            w.Role *= ProviderTypes.NonPhysicianPractitionerShare;
            w.Add("npp", "85%", () => $"rendered by a {w.Line.Provider.Code()} billing under their own number: 85% of the fee schedule amount");
        }
    }
}
