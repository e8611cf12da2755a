using System.Text.RegularExpressions;

namespace FeeEngine.Schedules;

/// <summary>
/// The state column pairs of the DMEPOS and PEN files: <c>AL (NR)</c>, <c>AL (R)</c> (DMEPOS) or <c>AL(NR)</c>,
/// <c>AL(R)</c> (PEN), one pair for each of the 53 jurisdictions CMS publishes: the 50 states, DC, PR and VI.
/// </summary>
internal static partial class DmeposStates
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
        "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
        "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI",
    };

    /// <summary>Reads a header like "AL (NR)" or "AL(R)": the two letters upper case and whether it is the rural column.</summary>
    public static bool TryParseHeader(string header, out string state, out bool rural)
    {
        var m = HeaderPattern().Match(header);
        state = m.Success ? m.Groups["st"].Value.ToUpperInvariant() : "";
        rural = m.Success && m.Groups["col"].Value.Equals("R", StringComparison.OrdinalIgnoreCase);
        return m.Success;
    }

    [GeneratedRegex(@"^\s*(?<st>[A-Za-z]{2})\s*\(\s*(?<col>NR|R)\s*\)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();
}
