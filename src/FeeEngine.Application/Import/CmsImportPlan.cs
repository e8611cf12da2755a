using FeeEngine.Schedules;

namespace FeeEngine.Application.Import;

/// <summary>The files of one folder that make up one PFS release, by kind; the chosen file per kind and the others.</summary>
public sealed record ReleaseFileGroup(string Folder, IReadOnlyDictionary<CmsFileKind, IReadOnlyList<string>> FilesByKind)
{
    // CMS ships the same data as CSV, TXT and XLSX; all three read to identical rows, so one is enough.
    // CSV first: it is the fastest to read and the one CMS's documentation describes by header.
    private static readonly string[] FormatPreference = [".csv", ".txt", ".xlsx"];

    public string? Chosen(CmsFileKind kind) =>
        FilesByKind.TryGetValue(kind, out var files)
            ? files.OrderBy(f => Rank(f)).ThenBy(f => f, StringComparer.Ordinal).First()
            : null;

    public IEnumerable<string> Alternates(CmsFileKind kind) =>
        FilesByKind.TryGetValue(kind, out var files) ? files.Where(f => f != Chosen(kind)) : [];

    private static int Rank(string file)
    {
        var i = Array.IndexOf(FormatPreference, Path.GetExtension(file).ToLowerInvariant());
        return i < 0 ? FormatPreference.Length : i;
    }
}

/// <summary>What an import will read: release groups, ZIP5 files, and the files it leaves aside (with why).</summary>
public sealed record CmsImportPlan(
    IReadOnlyList<ReleaseFileGroup> Releases, IReadOnlyList<string> ZipFiles, IReadOnlyList<(string File, string Why)> Ignored)
{
    private static readonly CmsFileKind[] ReleaseKinds = [CmsFileKind.Pprrvu, CmsFileKind.Gpci, CmsFileKind.Anesthesia, CmsFileKind.OppsCap];

    /// <summary>Expands folders (recursively) and files into a plan; files are grouped into releases by folder.</summary>
    public static CmsImportPlan Build(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories));
            else if (File.Exists(p)) files.Add(p);
            else throw new FileNotFoundException($"{p} is neither a file nor a folder");
        }

        var ignored = new List<(string, string)>();
        var zips = new List<string>();
        var groups = new Dictionary<string, Dictionary<CmsFileKind, List<string>>>(StringComparer.Ordinal);
        foreach (var file in files.Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal))
        {
            var kind = CmsFileDetector.Detect(file);
            switch (kind)
            {
                case CmsFileKind.Zip5:
                    // One ZIP5 file per quarter is enough; TXT preferred over XLSX, same data.
                    zips.Add(file);
                    break;
                case var k when ReleaseKinds.Contains(k):
                    var folder = Path.GetDirectoryName(file)!;
                    if (!groups.TryGetValue(folder, out var byKind)) groups[folder] = byKind = [];
                    if (!byKind.TryGetValue(k, out var list)) byKind[k] = list = [];
                    list.Add(file);
                    break;
                case CmsFileKind.LocalityCounty:
                    ignored.Add((file, "locality-to-county crosswalk: informational, not used for pricing"));
                    break;
                case CmsFileKind.Zip9:
                    ignored.Add((file, "ZIP9 file: not read yet (split ZIPs are priced at their ZIP5 locality)"));
                    break;
                case CmsFileKind.Documentation:
                    ignored.Add((file, "documentation"));
                    break;
                default:
                    ignored.Add((file, "not a CMS PFS file this version reads"));
                    break;
            }
        }

        var zipChoice = zips
            .GroupBy(z => Path.Combine(Path.GetDirectoryName(z)!, Path.GetFileNameWithoutExtension(z)), StringComparer.Ordinal)
            .Select(g => g.OrderBy(f => Path.GetExtension(f).Equals(".txt", StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList())
            .ToList();
        foreach (var g in zipChoice)
            foreach (var alt in g.Skip(1)) ignored.Add((alt, $"same ZIP data as {Path.GetFileName(g[0])}"));

        return new CmsImportPlan(
            groups.Select(g => new ReleaseFileGroup(g.Key, g.Value.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value))).ToList(),
            zipChoice.Select(g => g[0]).ToList(),
            ignored);
    }
}
