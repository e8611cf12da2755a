using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>A ZIP5 file (ZIP code to carrier locality) read whole.</summary>
public sealed class Zip5File
{
    public required IReadOnlyList<ZipLocalityRecord> Rows { get; init; }

    /// <summary>YYYYQ of the file, e.g. <c>20254</c>; every row carries the same.</summary>
    public required string YearQuarter { get; init; }

    /// <summary>The first day of <see cref="YearQuarter"/>: 20254 => 2025-10-01.</summary>
    public required LocalDate EffectiveFrom { get; init; }

    public required CmsFileFormat Format { get; init; }

    public string SourceFormat => Format.Name();

    public required string FileName { get; init; }
}
