namespace FeeEngine.Core.Pfs;

/// <summary>PFS status codes (RVU file, Attachment A). Only A, R and T are paid from RVUs.</summary>
public static class PfsStatus
{
    public static bool IsPricedFromRvus(char status) => status is 'A' or 'R' or 'T';

    public static bool IsKnown(char status) => Meanings.ContainsKey(status);

    /// <summary>What the status means, in CMS's words shortened.</summary>
    public static string Meaning(char status) =>
        Meanings.TryGetValue(status, out var m) ? m : $"unknown status '{status}'";

    private static readonly Dictionary<char, string> Meanings = new()
    {
        ['A'] = "active code, paid separately under the PFS",
        ['B'] = "bundled code: payment is included in other services",
        ['C'] = "contractor priced: the MAC sets the amount case by case",
        ['D'] = "deleted code",
        ['E'] = "excluded from the PFS by regulation",
        ['F'] = "deleted/discontinued code (no grace period)",
        ['G'] = "not valid for Medicare: another code is used (grace period)",
        ['H'] = "deleted modifier: this component is no longer priced",
        ['I'] = "not valid for Medicare: another code is used",
        ['J'] = "anesthesia service: no RVUs (priced with base and time units)",
        ['M'] = "measurement code, for reporting only",
        ['N'] = "non-covered service",
        ['P'] = "bundled/excluded: no separate PFS payment",
        ['R'] = "restricted coverage: special coverage instructions apply",
        ['T'] = "injection: paid only if no other PFS service is billed the same day by the same provider",
        ['X'] = "statutory exclusion: not a physician service (e.g. clinical lab, ambulance)",
    };
}
