using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>An ANES file (locality-adjusted anesthesia conversion factors) read whole.</summary>
public sealed class AnesthesiaFile
{
    public required IReadOnlyList<AnesthesiaCfRecord> Rows { get; init; }

    /// <summary>The national anesthesia CF the CSV/XLSX header states ("National Anes CF of 20.3178"); null for TXT, which has no header.</summary>
    public decimal? NationalCf { get; init; }

    public required CmsFileFormat Format { get; init; }

    public string SourceFormat => Format.Name();

    public required string FileName { get; init; }
}
