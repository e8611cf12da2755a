using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Routing;

/// <summary>
/// The schedules tried, in order, for a line the PFS does not pay: clinical laboratory, DMEPOS, parenteral and
/// enteral nutrition, Part B drugs. A code sits in one of them at most, so the order only decides which reasons a
/// line nothing prices lists first.
/// </summary>
public sealed class OtherSchedules(IEnumerable<IOtherSchedule> schedules)
{
    private readonly IOtherSchedule[] _schedules = [.. schedules];

    public static OtherSchedules None { get; } = new([]);

    public bool IsEmpty => _schedules.Length == 0;

    public IReadOnlyList<IOtherSchedule> Schedules => _schedules;

    /// <summary>The first schedule's price; otherwise each schedule's reason, named (e.g. "CLFS: no file for 2026 Q2").</summary>
    /// <exception cref="ArgumentOutOfRangeException">The line has fewer than one unit (the PFS reports that as the line's error).</exception>
    public (SchedulePrice? Price, IReadOnlyList<string> Tried) Price(ClaimLine line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line.Service.Units, 1, nameof(line));
        var tried = new List<string>(_schedules.Length);
        foreach (var schedule in _schedules)
        {
            var attempt = schedule.TryPrice(line);
            if (attempt.Price is { } price) return (price, tried);
            tried.Add($"{schedule.Schedule.Code()}: {attempt.WhyNot}");
        }
        return (null, tried);
    }

    /// <summary>
    /// Why a quarterly schedule (lab, drugs) cannot price a date: no file loaded at all, or none for the date's quarter
    /// (naming the files that are).
    /// </summary>
    internal static string NoQuarterlyFile(MedicareSchedule schedule, NodaTime.LocalDate date, IReadOnlyCollection<string> loaded) => loaded.Count == 0
        ? $"no {schedule.Code()} file is loaded (feeengine import {schedule.Code().ToLowerInvariant()})"
        : $"no {schedule.Code()} file is loaded for {Time.CalendarQuarter.Of(date)} (loaded: {string.Join(", ", loaded)})";
}
