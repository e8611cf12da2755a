namespace FeeEngine.Core.Anesthesia;

/// <summary>Anesthesia time units (42 CFR 414.46; Claims Processing Manual ch. 12, s. 50).</summary>
public static class AnesthesiaTime
{
    /// <summary>Minutes per time unit.</summary>
    public const int MinutesPerUnit = 15;

    /// <summary>
    /// Time units for the anesthesia time in minutes: minutes / 15, to one decimal, a midpoint rounded away from zero
    /// (17 min = 1.1; 129 min = 8.6; 8 min = 0.5). Medicare recognises only the actual time of a fractional unit,
    /// hence the decimal rather than a whole unit. (Whole minutes never fall on a midpoint; the rule is named anyway.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is negative.</exception>
    public static decimal TimeUnits(int minutes)
    {
        if (minutes < 0)
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, $"Anesthesia time is {minutes} minutes: it must be 0 or more.");
        return decimal.Round(minutes / (decimal)MinutesPerUnit, 1, MidpointRounding.AwayFromZero);
    }
}
