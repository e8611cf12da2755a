using FeeEngine.Core.Pfs;

namespace FeeEngine.Schedules;

/// <summary>An OPPSCAP file (CMS's OPPS-capped imaging prices by locality) read whole.</summary>
public sealed class OppsCapFile
{
    public required IReadOnlyList<OppsCapRecord> Rows { get; init; }

    public required CmsFileFormat Format { get; init; }

    public string SourceFormat => Format.Name();

    public required string FileName { get; init; }
}
