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

/// <summary>Modifiers that make the MAC price the service by report (contractor priced).</summary>
public static class ClaimLevelModifiers
{
    private static readonly Dictionary<ushort, string> ByReport = new()
    {
        [Codes.Modifier.Parse("52").Packed] = "52 (reduced services)",
        [Codes.Modifier.Parse("66").Packed] = "66 (team surgery)",
    };

    /// <summary>Modifiers that make the MAC price the service by report (contractor priced), e.g. 52 and 66.</summary>
    public static string? ContractorPriced(Codes.Modifier modifier) => ByReport.TryGetValue(modifier.Packed, out var text) ? text : null;
}
