namespace FeeEngine.Core.Pfs;

/// <summary>
/// Everything about a date of service that does not depend on the line: the release in force, the release whose
/// GPCIs apply, the conversion factors and whether the work GPCI floor applies. Worked out once per date and cached
/// by the pricer (claim files hold few distinct dates), so a line costs two hash lookups and integer arithmetic.
/// </summary>
internal sealed class DateContext
{
    public DateContext(NodaTime.LocalDate date, PfsCatalog catalog, ConversionFactorTable cfs, WorkGpciFloorPolicy floor)
    {
        Date = date;
        Release = catalog.FindInForceOrNull(date);
        NoReleaseMessage = Release is null ? catalog.NoReleaseMessage(date) : null;
        GpciRelease = catalog.FindGpciSourceOrNull(date);
        NonQualifying = cfs.FindOrNull(date, QpStatus.NonQualifying);
        Qualifying = cfs.FindOrNull(date, QpStatus.Qualifying);
        NonQualifyingScaled = Scale(NonQualifying);
        QualifyingScaled = Scale(Qualifying);
        Floor = floor.FindOrNull(date);
    }

    public NodaTime.LocalDate Date { get; }
    public PfsRelease? Release { get; }
    public string? NoReleaseMessage { get; }
    public PfsRelease? GpciRelease { get; }
    public ConversionFactorEntry? NonQualifying { get; }
    public ConversionFactorEntry? Qualifying { get; }
    /// <summary>The CF at scale 10^4, or -1 when it has more than 4 decimals (then the decimal formula is used).</summary>
    public long NonQualifyingScaled { get; }
    public long QualifyingScaled { get; }
    public WorkGpciFloorPeriod? Floor { get; }

    private static long Scale(ConversionFactorEntry? e) =>
        e is not null && ScaledRates.TryScale(e.Pfs.Value, ScaledRates.CfScale, out var s) ? s : -1;
}
