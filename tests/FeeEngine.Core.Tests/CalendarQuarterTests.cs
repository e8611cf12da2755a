using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Tests;

/// <summary>The quarter CMS's lab and drug files are published for, from any date in it.</summary>
public class CalendarQuarterTests
{
    [Theory]
    [InlineData(2026, 1, 1, 1, "2026-01-01", "2026-03-31")]
    [InlineData(2026, 5, 17, 2, "2026-04-01", "2026-06-30")]
    [InlineData(2024, 9, 30, 3, "2024-07-01", "2024-09-30")]
    [InlineData(2025, 12, 31, 4, "2025-10-01", "2025-12-31")]
    public void A_date_falls_in_its_quarter_with_inclusive_first_and_last_days(int year, int month, int day, int number, string first, string last)
    {
        var quarter = CalendarQuarter.Of(new LocalDate(year, month, day));

        quarter.Should().Be(new CalendarQuarter(year, number));
        EffectivePeriod.Iso(quarter.First).Should().Be(first);
        EffectivePeriod.Iso(quarter.Last).Should().Be(last);
        quarter.ToString().Should().Be($"{year} Q{number}");
    }
}
