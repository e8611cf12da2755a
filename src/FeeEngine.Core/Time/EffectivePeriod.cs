using NodaTime;

namespace FeeEngine.Core.Time;

/// <summary>Formats and checks inclusive date periods the way the explanations print them.</summary>
public static class EffectivePeriod
{
    /// <summary>"2025-10-01..2025-12-31"; an open end prints as "2025-10-01..".</summary>
    public static string Format(LocalDate start, LocalDate? inclusiveEnd) =>
        inclusiveEnd is { } end ? $"{Iso(start)}..{Iso(end)}" : $"{Iso(start)}..";

    public static string Iso(LocalDate date) =>
        NodaTime.Text.LocalDatePattern.Iso.Format(date);

    public static LocalDate ParseIso(string text) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    /// <summary>Fast strict parse of yyyy-MM-dd without allocation; false for anything else or an impossible date.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        s = s.Trim();
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return false;
        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d)) return false;
        if (y < 1900 || m is < 1 or > 12 || d < 1) return false;
        if (d > CalendarSystem.Iso.GetDaysInMonth(y, m)) return false;
        date = new LocalDate(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
