using FeeEngine.Core.Pfs;
using NodaTime;

namespace FeeEngine.Data.Stores;

/// <summary>The rows of one CMS file, with the file they came from.</summary>
public sealed record ImportedFile<T>(string SourceFile, IReadOnlyList<T> Rows);

/// <summary>
/// One PFS release to store: its identity and effective date, and whichever of its files were read.
/// Stored all or nothing, in one transaction.
/// </summary>
public sealed record PfsReleaseImport(string ReleaseId, LocalDate EffectiveFrom, LocalDate? EffectiveTo)
{
    public ImportedFile<RvuRecord>? Rvus { get; init; }
    public ImportedFile<GpciRecord>? Gpcis { get; init; }
    public ImportedFile<AnesthesiaCfRecord>? Anesthesia { get; init; }
    public ImportedFile<OppsCapRecord>? OppsCaps { get; init; }
}

/// <summary>One ZIP5 file to store.</summary>
public sealed record ZipImport(string ZipReleaseId, LocalDate EffectiveFrom, ImportedFile<ZipLocalityRecord> File);

/// <summary>What became of one file of an import: loaded, or already there with the same content.</summary>
public sealed record FileImportOutcome(string ReleaseId, string Kind, string SourceFile, int Rows, bool AlreadyLoaded);

/// <summary>A release as stored, for listings.</summary>
public sealed record StoredRelease(string ReleaseId, LocalDate EffectiveFrom, LocalDate? EffectiveTo, IReadOnlyList<StoredReleaseFile> Files);

public sealed record StoredReleaseFile(string Kind, string SourceFile, int Rows, string ImportedAt);

/// <summary>An import that conflicts with what is stored; nothing of it was written.</summary>
public sealed class ImportConflictException(string message) : Exception(message);
