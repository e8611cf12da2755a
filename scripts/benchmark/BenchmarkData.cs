using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using FeeEngine.Schedules;

namespace FeeEngine.Benchmark;

/// <summary>The release the benchmark prices against: a full CMS release folder when given, else the shipped sample.</summary>
internal sealed record BenchmarkData(MedicarePfsPricer Pricer, MedicareClaimPricer Claims, PfsRelease Release, IReadOnlyList<ZipLocalityRecord> Zips, string Description)
{
    public static BenchmarkData Load(BenchmarkOptions options)
    {
        var folder = options.CmsRelease ?? Path.Combine(options.Schedules, "sample");
        var files = Directory.GetFiles(folder);
        string Find(string prefix) => files.Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                                                       && f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Order().First();
        var pprrvu = PprrvuReader.Read(Find("PPRRVU"));
        var gpci = GpciReader.Read(Find("GPCI"));
        var release = new PfsRelease(pprrvu.ReleaseId ?? "BENCH", pprrvu.EffectiveFrom ?? new NodaTime.LocalDate(2025, 10, 1), null, pprrvu.Rows, gpci.Rows);
        var cf = ConversionFactorTableReader.Read(Path.Combine(options.Schedules, "conversion-factors.csv"));
        var floor = WorkGpciFloorReader.Read(Path.Combine(options.Schedules, "work-gpci-floor.csv"));
        var pricer = new MedicarePfsPricer(new PfsCatalog([release]), cf, floor);
        var zips = options.ZipFile is null ? [] : Zip5Reader.Read(options.ZipFile).Rows;
        var claims = new MedicareClaimPricer(pricer, new AnesthesiaPricer(pricer.Catalog, AnesthesiaBaseUnitTable.Empty));
        return new BenchmarkData(pricer, claims, release, zips, $"{release.Id} from {folder}: {release.RvuCount:N0} RVU rows, {release.Gpcis.Count()} localities");
    }
}
