using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>A GPCI file (Addendum E) read whole.</summary>
public sealed class GpciFile
{
    public required IReadOnlyList<GpciRecord> Rows { get; init; }

    /// <summary>The calendar year of the GPCIs (from the column headers or the title); null when not stated.</summary>
    public int? Year { get; init; }

    /// <summary>True when the file carries the work GPCI without the 1.0 floor too (2026 on).</summary>
    public bool HasWorkWithoutFloor { get; init; }

    public required CmsFileFormat Format { get; init; }

    public string SourceFormat => Format.Name();

    public required string FileName { get; init; }
}
