using FeeEngine.Core.Money;

namespace FeeEngine.Core.Routing;

/// <summary>Who pays what of a line's allowed amount under its schedule (reference section 7 and 11).</summary>
/// <param name="PatientPays">False for clinical laboratory tests: no Part B deductible and no coinsurance.</param>
/// <param name="CoinsuranceRate">The schedule's own coinsurance (e.g. an ASP file's reduced percentage); null: the claim's.</param>
public readonly record struct PatientCostSharing(bool PatientPays, decimal? CoinsuranceRate = null)
{
    public static PatientCostSharing None => new(false);
    public static PatientCostSharing Standard => new(true);
}

/// <summary>
/// A line priced by a Medicare schedule other than the PFS: the schedule and file used, the rate of one unit, the
/// allowed amount for all units (whole cents, rounded once where the schedule's rate has more decimals), and each
/// step in words.
/// </summary>
/// <param name="FileId">The CMS file that priced it, e.g. 26CLABQ1 or DMEPOS26_JAN.</param>
/// <param name="Detail">A short note for the price-file message column, e.g. "AL rural"; empty for none.</param>
public sealed record SchedulePrice(
    MedicareSchedule Schedule,
    string FileId,
    decimal UnitRate,
    int Units,
    Money.Money Allowed,
    PatientCostSharing CostSharing,
    IReadOnlyList<string> Steps,
    string Detail = "")
{
    /// <summary>Allowed for a rate that is already whole cents: rate x units, exact.</summary>
    public static Money.Money Times(decimal unitRate, int units) => new(unitRate * units);

    /// <summary>Allowed for a rate with more decimals than cents (ASP limits): rate x units, rounded once, half away from zero.</summary>
    public static Money.Money TimesRounded(decimal unitRate, int units) => PfsRounding.ToCents(new Money.Money(unitRate * units));
}

/// <summary>What one schedule said of a line: its price, or why it does not price it.</summary>
public readonly record struct ScheduleAttempt(SchedulePrice? Price, string? WhyNot)
{
    public static ScheduleAttempt Priced(SchedulePrice price) => new(price, null);
    public static ScheduleAttempt No(string why) => new(null, why);
}
