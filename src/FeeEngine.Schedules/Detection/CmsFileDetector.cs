using System.Text.RegularExpressions;

namespace FeeEngine.Schedules;

/// <summary>
/// Tells what a CMS file is: by its name first (CMS's names are stable: PPRRVU2025_Oct.csv, GPCI2025.txt, ...),
/// then, for a renamed file, by sniffing the first lines of its content.
/// </summary>
public static partial class CmsFileDetector
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    // Enough to reach the PPRRVU header (line 10) and the GPCI header (line 3).
    private const int SniffRows = 15;

    public static CmsFileKind Detect(string path)
    {
        var byName = DetectByName(path);
        if (byName != CmsFileKind.Unknown || !File.Exists(path)) return byName;
        try
        {
            return DetectByContent(path);
        }
        catch (Exception ex) when (ex is IOException or CmsFileException or InvalidDataException or UnauthorizedAccessException)
        {
            return CmsFileKind.Unknown; // unreadable: certainly not a file we can load
        }
    }

    /// <summary>By file name alone (case-insensitive). Layout descriptions and PDFs are <see cref="CmsFileKind.Documentation"/>.</summary>
    public static CmsFileKind DetectByName(string path)
    {
        var name = Path.GetFileName(path).ToUpperInvariant();
        // Before the data prefixes: "ZIP5lyout.txt" describes the ZIP5 file, it is not one.
        if (name.EndsWith(".PDF", StringComparison.Ordinal) || name.Contains("LYOUT", StringComparison.Ordinal)
            || name.Contains("LAYOUT", StringComparison.Ordinal))
            return CmsFileKind.Documentation;
        if (name.StartsWith("PPRRVU", StringComparison.Ordinal)) return CmsFileKind.Pprrvu;
        if (name.StartsWith("GPCI", StringComparison.Ordinal)) return CmsFileKind.Gpci;
        if (name.StartsWith("ANES", StringComparison.Ordinal)) return CmsFileKind.Anesthesia;
        if (name.StartsWith("OPPSCAP", StringComparison.Ordinal)) return CmsFileKind.OppsCap;
        if (name.StartsWith("ZIP5", StringComparison.Ordinal)) return CmsFileKind.Zip5;
        if (name.StartsWith("ZIP9", StringComparison.Ordinal)) return CmsFileKind.Zip9;
        if (name.Contains("LOCCO", StringComparison.Ordinal)) return CmsFileKind.LocalityCounty;
        return CmsFileKind.Unknown;
    }

    /// <summary>By the first lines of the file's content, for files CMS's names no longer identify.</summary>
    public static CmsFileKind DetectByContent(string path) =>
        CmsFileFormats.FromPathOrNull(path) switch
        {
            CmsFileFormat.Csv or CmsFileFormat.Xlsx => SniffTable(TableSource.Open(path)),
            CmsFileFormat.Txt => SniffText(path),
            _ => CmsFileKind.Unknown,
        };

    private static CmsFileKind SniffTable(TableSource source)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var text = new List<string>();
        foreach (var row in source.ReadRows().Take(SniffRows))
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(row[i])) continue;
                keys.Add(HeaderKey.Of(row[i]));
                text.Add(row[i].ToUpperInvariant());
            }
        }
        bool Any(string fragment) => text.Exists(t => t.Contains(fragment, StringComparison.Ordinal));

        if (keys.Contains("HCPCS") && keys.Contains("PROCSTAT")) return CmsFileKind.OppsCap;
        if (keys.Contains("HCPCS") && Any("WORK") && Any("RVU")) return CmsFileKind.Pprrvu;
        if (Any("GPCI")) return CmsFileKind.Gpci;
        if (Any("ANES CF")) return CmsFileKind.Anesthesia;
        if (keys.Contains("ZIPCODE") && Any("PLUS 4")) return Any("PLUS FOUR") || keys.Contains("PLUS4") ? CmsFileKind.Zip9 : CmsFileKind.Zip5;
        if (Any("COUNT") && Any("LOCALITY")) return CmsFileKind.LocalityCounty;
        return CmsFileKind.Unknown;
    }

    private static CmsFileKind SniffText(string path)
    {
        var lines = FixedWidthText.ReadLines(path).Where(l => !l.IsBlank).Take(SniffRows).Select(l => l.Text).ToList();
        if (lines.Count == 0) return CmsFileKind.Unknown;
        var data = lines.Where(l => !l.StartsWith("HDR", StringComparison.Ordinal)).ToList();
        if (lines[0].StartsWith("HDR", StringComparison.Ordinal) && data.Count > 0 && data.TrueForAll(l => PprrvuLine().IsMatch(l)))
            return CmsFileKind.Pprrvu;
        if (lines.Exists(l => l.Contains("GPCI", StringComparison.OrdinalIgnoreCase))) return CmsFileKind.Gpci;
        if (lines.TrueForAll(l => OppsCapLine().IsMatch(l))) return CmsFileKind.OppsCap;
        if (lines.TrueForAll(l => ZipLine().IsMatch(l)))
            // ZIP9 carries the plus-four digits in 22-25; in ZIP5 those positions hold blanks and the Part B indicator.
            return lines.TrueForAll(l => l.AsSpan(21, 4).ContainsAnyExcept(Digits)) ? CmsFileKind.Zip5 : CmsFileKind.Zip9;
        if (lines.TrueForAll(l => AnesthesiaLine().IsMatch(l))) return CmsFileKind.Anesthesia;
        return CmsFileKind.Unknown;
    }

    // HCPCS and modifier, 50 characters of description, then a status code: the PPRRVU record layout.
    [GeneratedRegex(@"^[0-9A-Z]{5}[0-9A-Z ]{2}.{50}[A-Z].{100,}$", RegexOptions.CultureInvariant)]
    private static partial Regex PprrvuLine();

    [GeneratedRegex(@"^[0-9A-Z]{5}[0-9A-Z ]{2} [A-Z] \d{5}  \d{2} +\d+\.\d{2} +\d+\.\d{2}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OppsCapLine();

    // State, ZIP, carrier, locality, then the rest to position 80 (YYYYQ).
    [GeneratedRegex(@"^[A-Z]{2}\d{5}\d{5}\d{2}.{61}\d{5}", RegexOptions.CultureInvariant)]
    private static partial Regex ZipLine();

    [GeneratedRegex(@"^\d{5} +\d{2} +\S.* +\d{3,}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnesthesiaLine();
}
