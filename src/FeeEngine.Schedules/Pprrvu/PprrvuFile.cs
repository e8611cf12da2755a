using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Schedules;

/// <summary>A PPRRVU file read whole: its rows and what the file says about the release it belongs to.</summary>
public sealed class PprrvuFile
{
    public required IReadOnlyList<RvuRecord> Rows { get; init; }

    /// <summary>The file's title line (CSV, XLSX), e.g. <c>2025 National ... Relative Value File October Release</c>; null for TXT.</summary>
    public string? Title { get; init; }

    /// <summary>The release's calendar year, from the title or else the file name; null when neither tells.</summary>
    public int? Year { get; init; }

    /// <summary>CMS's release id, e.g. <c>RVU25D</c>, <c>RVU24AR</c>; null when neither title nor file name tells (the caller must then be told the effective date).</summary>
    public string? ReleaseId { get; init; }

    /// <summary>The first date of service the release applies to; null when unknown.</summary>
    public LocalDate? EffectiveFrom { get; init; }

    public required CmsFileFormat Format { get; init; }

    /// <summary>"CSV", "TXT" or "XLSX".</summary>
    public string SourceFormat => Format.Name();

    /// <summary>The file's name (no folder).</summary>
    public required string FileName { get; init; }
}
