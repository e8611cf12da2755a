using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>
/// Which CMS PFS release a PPRRVU file is, as its title or file name tells: the year and the quarter letter of the
/// release month (January A, April B, July C, October D), "R" for a revised release, and the date it takes effect.
/// </summary>
/// <param name="EffectiveFrom">The quarter's first day, or the date a revised release states.</param>
public sealed partial record PprrvuReleaseName(int Year, char Quarter, bool Revised, LocalDate EffectiveFrom)
{
    /// <summary>CMS's release id, e.g. <c>RVU25D</c> or <c>RVU24AR</c>.</summary>
    public string ReleaseId =>
        string.Create(CultureInfo.InvariantCulture, $"RVU{Year % 100:D2}{Quarter}{(Revised ? "R" : "")}");

    /// <summary>
    /// From a title such as <c>2025 National ... Relative Value File October Release</c>,
    /// <c>... January Release (revised, effective March 9, 2024)</c> or <c>FeeEngine sample: 2025 October Release
    /// figures</c>: a 4-digit year, then a quarter's month followed by "Release". Null when the title says neither.
    /// </summary>
    public static PprrvuReleaseName? FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var match = TitlePattern().Match(title);
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = MonthNumber(match.Groups["month"].Value);
        var quarter = QuarterLetter(month);
        if (quarter is null) return null;
        var effective = new LocalDate(year, month, 1);

        var revised = match.Groups["revised"].Success;
        if (match.Groups["emonth"].Success)
        {
            var revisedMonth = MonthNumber(match.Groups["emonth"].Value);
            var revisedDay = int.Parse(match.Groups["eday"].Value, CultureInfo.InvariantCulture);
            var revisedYear = int.Parse(match.Groups["eyear"].Value, CultureInfo.InvariantCulture);
            if (revisedMonth == 0 || revisedDay > CalendarSystem.Iso.GetDaysInMonth(revisedYear, revisedMonth)) return null;
            effective = new LocalDate(revisedYear, revisedMonth, revisedDay);
        }
        return new PprrvuReleaseName(year, quarter.Value, revised, effective);
    }

    /// <summary>
    /// From a CMS file name such as <c>PPRRVU2025_Oct.txt</c>, <c>PPRRVU24_JAN.csv</c> or
    /// <c>PPRRVU2026_Apr_nonQPP.txt</c>. A file name cannot tell a revised release: prefer the title.
    /// </summary>
    public static PprrvuReleaseName? FromFileName(string fileName)
    {
        var match = FileNamePattern().Match(Path.GetFileName(fileName));
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 100) year += 2000; // CMS's two-digit years are all this century
        var month = MonthNumber(match.Groups["month"].Value);
        var quarter = QuarterLetter(month);
        return quarter is null ? null : new PprrvuReleaseName(year, quarter.Value, false, new LocalDate(year, month, 1));
    }

    private static char? QuarterLetter(int month) => month switch
    {
        1 => 'A',
        4 => 'B',
        7 => 'C',
        10 => 'D',
        _ => null,
    };

    private static readonly string[] MonthNames =
        ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];

    /// <summary>1-12 for a month name or its first three letters; 0 when neither.</summary>
    private static int MonthNumber(string word)
    {
        var upper = word.ToUpperInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i] == upper || (upper.Length == 3 && MonthNames[i].StartsWith(upper, StringComparison.Ordinal)))
                return i + 1;
        return 0;
    }

    [GeneratedRegex(
        @"\b(?<year>(?:19|20)\d{2})\b.*?\b(?<month>January|April|July|October)\s+Release\b" +
        @"(?<revised>\s*\(\s*revised(?:\s*,\s*effective\s+(?<emonth>[A-Za-z]+)\s+(?<eday>\d{1,2})\s*,\s*(?<eyear>\d{4}))?[^)]*\))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^PPRRVU(?<year>\d{4}|\d{2})_(?<month>JAN|APR|JUL|OCT)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
