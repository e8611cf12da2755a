using NodaTime;

namespace FeeEngine.Core.Time;

/// <summary>
/// A calendar quarter (Q1 = January..March): the period CMS's lab and drug files are published for. One place for
/// the quarter arithmetic the CLFS and ASP readers, schedules and routing messages share.
/// </summary>
public readonly record struct CalendarQuarter(int Year, int Number)
{
    public static CalendarQuarter Of(LocalDate date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The first day of the quarter.</summary>
    public LocalDate First => new(Year, ((Number - 1) * 3) + 1, 1);

    /// <summary>The last day of the quarter (inclusive).</summary>
    public LocalDate Last => First.PlusMonths(3).PlusDays(-1);

    /// <summary>For example "2026 Q2".</summary>
    public override string ToString() => $"{Year} Q{Number}";
}
