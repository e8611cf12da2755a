using FeeEngine.Core.Codes;
using FeeEngine.Excel.Codes;
using FeeEngine.Excel.Comparison;
using NodaTime;

namespace FeeEngine.Excel.Impact;

/// <summary>What a schedule change impact prices: the codes on two dates, at one locality and place of service.</summary>
/// <param name="Codes">The codes; null for every code and modifier row of the releases in force on the two dates
/// (plus those of the volumes).</param>
/// <param name="Payer">When given, the payer's expected amounts are compared as well and drive the revenue impact;
/// otherwise Medicare's amounts do.</param>
/// <param name="Volumes">Service counts by code and modifiers (a year's volume, say); null for none.</param>
public sealed record ImpactRequest(
    IReadOnlyList<CodeRequest>? Codes, LocalityId Locality, LocalDate From, LocalDate To, PlaceOfService PlaceOfService,
    string? Payer, IReadOnlyList<ServiceVolume>? Volumes);

/// <summary>How many times a code with these modifiers was (or will be) billed.</summary>
public sealed record ServiceVolume(CodeRequest Service, long Count);

/// <summary>
/// One code priced on both dates. Amounts are for one unit in dollars and whole cents; changes are To - From.
/// Revenue figures are set only when the row has a volume and the amount it is based on (the payer's when a payer is
/// compared, else Medicare's) is priced on both dates, so the totals' "to - from" equals the total impact.
/// </summary>
public sealed record ImpactRow(CodeRequest Service, decimal? MedicareFrom, decimal? MedicareTo, decimal? PayerFrom, decimal? PayerTo, long? Volume, bool ByPayer, string? Note)
{
    public decimal? MedicareChange => MedicareTo - MedicareFrom;
    /// <summary>Change as a ratio of the from amount, 4 decimals (0.0123 = +1.23%).</summary>
    public decimal? MedicareChangePercent => Ratio.Of(MedicareChange, MedicareFrom);
    public decimal? PayerChange => PayerTo - PayerFrom;
    public decimal? PayerChangePercent => Ratio.Of(PayerChange, PayerFrom);
    private decimal? BasisFrom => ByPayer ? PayerFrom : MedicareFrom;
    private decimal? BasisTo => ByPayer ? PayerTo : MedicareTo;
    private bool HasRevenue => Volume is not null && BasisFrom is not null && BasisTo is not null;
    public decimal? RevenueFrom => HasRevenue ? Volume!.Value * BasisFrom!.Value : null;
    public decimal? RevenueTo => HasRevenue ? Volume!.Value * BasisTo!.Value : null;
    public decimal? RevenueImpact => RevenueTo - RevenueFrom;
}

/// <summary>The rows and totals of an impact report, and the reference data used on each date.</summary>
public sealed record ScheduleImpact(ImpactRequest Request, IReadOnlyList<ImpactRow> Rows, IReadOnlyList<string> ScheduleReleases, IReadOnlyList<string> ContractVersions)
{
    public bool HasVolumes => Request.Volumes is not null;
    public decimal RevenueFromTotal => Rows.Sum(r => r.RevenueFrom ?? 0m);
    public decimal RevenueToTotal => Rows.Sum(r => r.RevenueTo ?? 0m);
    public decimal RevenueImpactTotal => Rows.Sum(r => r.RevenueImpact ?? 0m);
    /// <summary>Total impact as a ratio of the from revenue, 4 decimals; null when there is none.</summary>
    public decimal? RevenueImpactPercent => Ratio.Of(RevenueImpactTotal, RevenueFromTotal);
}
