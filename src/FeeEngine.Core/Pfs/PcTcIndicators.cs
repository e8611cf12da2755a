namespace FeeEngine.Core.Pfs;

/// <summary>The PC/TC indicator of the PPRRVU file (RVU file Attachment A).</summary>
public static class PcTcIndicators
{
    public static string Meaning(char indicator) => indicator switch
    {
        '0' => "physician service: modifiers 26 and TC do not apply",
        '1' => "diagnostic test with separate professional (26) and technical (TC) components",
        '2' => "professional-component-only code: 26 and TC do not apply",
        '3' => "technical-component-only code: 26 and TC do not apply",
        '4' => "global-test-only code: 26 and TC do not apply",
        '5' => "incident-to service: 26 and TC do not apply",
        '6' => "laboratory physician interpretation: TC does not apply",
        '7' => "physical therapy service not payable to an independent PT/OT in hospital settings",
        '8' => "physician interpretation of an abnormal smear",
        '9' => "PC/TC concept does not apply",
        _ => "unknown indicator",
    };
}

/// <summary>Modifiers whose payment effect depends on a claim-level policy (bilateral, multiple procedures, assistants...).</summary>
public static class ClaimLevelModifiers
{
    private static readonly Dictionary<string, string> ByText = new()
    {
        ["50"] = "bilateral procedure",
        ["51"] = "multiple procedures",
        ["62"] = "co-surgeons",
        ["80"] = "assistant at surgery",
        ["81"] = "minimum assistant at surgery",
        ["82"] = "assistant at surgery, no qualified resident",
        ["AS"] = "non-physician assistant at surgery",
        ["AA"] = "anesthesia personally performed",
        ["AD"] = "anesthesia supervision",
        ["QK"] = "anesthesia medical direction",
        ["QX"] = "CRNA medically directed",
        ["QY"] = "anesthesia medical direction of one CRNA",
        ["QZ"] = "CRNA not medically directed",
        ["54"] = "surgical care only",
        ["55"] = "postoperative management only",
        ["56"] = "preoperative management only",
    };

    // Keyed by the packed modifier so the check on every priced line allocates nothing.
    private static readonly Dictionary<ushort, string> Policies =
        ByText.ToDictionary(kv => Codes.Modifier.Parse(kv.Key).Packed, kv => kv.Value);

    public static string? Describe(Codes.Modifier modifier) => Policies.GetValueOrDefault(modifier.Packed);

    private static readonly Dictionary<ushort, string> ByReport = new()
    {
        [Codes.Modifier.Parse("52").Packed] = "52 (reduced services)",
        [Codes.Modifier.Parse("66").Packed] = "66 (team surgery)",
    };

    /// <summary>Modifiers that make the MAC price the service by report (contractor priced), e.g. 52 and 66.</summary>
    public static string? ContractorPriced(Codes.Modifier modifier) => ByReport.GetValueOrDefault(modifier.Packed);
}
