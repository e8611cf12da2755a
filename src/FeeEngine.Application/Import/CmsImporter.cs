using System.Diagnostics;
using System.Globalization;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;
using NodaTime;

namespace FeeEngine.Application.Import;

/// <summary>
/// Reads the files of a plan with the CMS readers, then stores them. Every file is read and validated before
/// anything is written, and each release is stored in one transaction, so a bad file leaves nothing behind.
/// </summary>
public sealed class CmsImporter(ReleaseStore store, TextWriter log)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Import(CmsImportPlan plan, LocalDate? effectiveFromOverride)
    {
        if (plan.Releases.Count == 0 && plan.ZipFiles.Count == 0)
            throw new InvalidDataException("no CMS PFS or ZIP5 file found among the given paths" +
                (plan.Ignored.Count > 0 ? $" (ignored: {string.Join(", ", plan.Ignored.Select(i => Path.GetFileName(i.File)))})" : ""));

        var releases = plan.Releases.Select(g => ReadRelease(g, effectiveFromOverride)).ToList();
        var zipImports = plan.ZipFiles.Select(ReadZip).ToList();

        foreach (var (import, group) in releases)
        {
            var outcomes = store.Import(import);
            log.WriteLine($"Release {import.ReleaseId}: effective {EffectivePeriod.Iso(import.EffectiveFrom)} until the next release starts (never past {import.EffectiveFrom.Year}-12-31)");
            foreach (var o in outcomes)
            {
                var kind = KindOf(o.Kind);
                var alternates = group.Alternates(kind).Select(Path.GetFileName).ToList();
                log.WriteLine($"  {o.Kind,-8} {Path.GetFileName(o.SourceFile),-34} {o.Rows.ToString("N0", Inv),8} rows  {(o.AlreadyLoaded ? "already loaded: unchanged" : "loaded")}" +
                              (alternates.Count > 0 ? $"  (same data also in {string.Join(", ", alternates)}: not read)" : ""));
            }
        }
        foreach (var zip in zipImports)
        {
            var o = store.ImportZip(zip);
            log.WriteLine($"ZIP5 file {zip.ZipReleaseId}: effective {EffectivePeriod.Iso(zip.EffectiveFrom)} until a later ZIP5 file");
            log.WriteLine($"  {"ZIP5",-8} {Path.GetFileName(o.SourceFile),-34} {o.Rows.ToString("N0", Inv),8} rows  {(o.AlreadyLoaded ? "already loaded: unchanged" : "loaded")}");
        }
        foreach (var (file, why) in plan.Ignored)
            log.WriteLine($"Not read: {Path.GetFileName(file)} ({why})");
    }

    private (PfsReleaseImport Import, ReleaseFileGroup Group) ReadRelease(ReleaseFileGroup group, LocalDate? effectiveFromOverride)
    {
        var pprrvuPath = group.Chosen(CmsFileKind.Pprrvu) ?? throw new InvalidDataException(
            $"{group.Folder}: {string.Join(", ", group.FilesByKind.Values.SelectMany(v => v).Select(Path.GetFileName))} without a PPRRVU file; " +
            "GPCI, ANES and OPPSCAP files belong to a release: import them together with the release's PPRRVU file");
        var pprrvu = Timed(pprrvuPath, () => PprrvuReader.Read(pprrvuPath), f => f.Rows.Count);
        var effectiveFrom = effectiveFromOverride ?? pprrvu.EffectiveFrom ?? throw new InvalidDataException(
            $"{Path.GetFileName(pprrvuPath)}: the release and its effective date cannot be read from the title or file name; give --effective-from YYYY-MM-DD");
        var releaseId = pprrvu.ReleaseId ?? $"PFS-{EffectivePeriod.Iso(effectiveFrom)}";

        var import = new PfsReleaseImport(releaseId, effectiveFrom, null)
        {
            Rvus = new ImportedFile<RvuRecord>(pprrvuPath, pprrvu.Rows),
        };
        if (group.Chosen(CmsFileKind.Gpci) is { } gpciPath)
            import = import with { Gpcis = new ImportedFile<GpciRecord>(gpciPath, Timed(gpciPath, () => GpciReader.Read(gpciPath), f => f.Rows.Count).Rows) };
        if (group.Chosen(CmsFileKind.Anesthesia) is { } anesPath)
            import = import with { Anesthesia = new ImportedFile<AnesthesiaCfRecord>(anesPath, Timed(anesPath, () => AnesthesiaReader.Read(anesPath), f => f.Rows.Count).Rows) };
        if (group.Chosen(CmsFileKind.OppsCap) is { } capPath)
            import = import with { OppsCaps = new ImportedFile<OppsCapRecord>(capPath, Timed(capPath, () => OppsCapReader.Read(capPath), f => f.Rows.Count).Rows) };
        return (import, group);
    }

    private ZipImport ReadZip(string path)
    {
        var file = Timed(path, () => Zip5Reader.Read(path), f => f.Rows.Count);
        return new ZipImport($"ZIP5-{file.YearQuarter}", file.EffectiveFrom, new ImportedFile<ZipLocalityRecord>(path, file.Rows));
    }

    /// <summary>Reads one file, saying what it reads first: large XLSX files take seconds and the user sees progress.</summary>
    private T Timed<T>(string path, Func<T> read, Func<T, int> count)
    {
        var size = new FileInfo(path).Length;
        log.Write($"Reading {Path.GetFileName(path)} ({(size / 1024.0 / 1024.0).ToString("0.0", Inv)} MB)... ");
        log.Flush();
        var sw = Stopwatch.StartNew();
        var result = read();
        log.WriteLine($"{count(result).ToString("N0", Inv)} rows in {sw.Elapsed.TotalSeconds.ToString("0.0", Inv)} s");
        return result;
    }

    private static CmsFileKind KindOf(string storeKind) => storeKind switch
    {
        ReleaseStore.KindPprrvu => CmsFileKind.Pprrvu,
        ReleaseStore.KindGpci => CmsFileKind.Gpci,
        ReleaseStore.KindAnesthesia => CmsFileKind.Anesthesia,
        _ => CmsFileKind.OppsCap,
    };
}
