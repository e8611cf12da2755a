namespace FeeEngine.Schedules;

/// <summary>The three forms CMS ships its files in.</summary>
public enum CmsFileFormat
{
    /// <summary>Comma-separated text, RFC 4180 quoting.</summary>
    Csv,
    /// <summary>Fixed-width text, the layout described in the release's PDF or layout file.</summary>
    Txt,
    /// <summary>Excel workbook (first worksheet).</summary>
    Xlsx,
}

/// <summary>Tells a file's format from its extension.</summary>
public static class CmsFileFormats
{
    /// <summary>The format of <paramref name="path"/> by extension (.csv, .txt, .xlsx, any case); null otherwise.</summary>
    public static CmsFileFormat? FromPathOrNull(string path) =>
        Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => CmsFileFormat.Csv,
            ".TXT" => CmsFileFormat.Txt,
            ".XLSX" => CmsFileFormat.Xlsx,
            _ => null,
        };

    /// <summary>The format of <paramref name="path"/>; a <see cref="CmsFileException"/> names the extensions accepted.</summary>
    public static CmsFileFormat FromPath(string path) =>
        FromPathOrNull(path) ?? throw new CmsFileException(new FileDiagnostic(
            Path.GetFileName(path), 0, null, Path.GetExtension(path), "unsupported file type: expected .csv, .txt or .xlsx"));

    /// <summary>"CSV", "TXT" or "XLSX", as the metadata of a loaded file shows it.</summary>
    public static string Name(this CmsFileFormat format) => format switch
    {
        CmsFileFormat.Csv => "CSV",
        CmsFileFormat.Txt => "TXT",
        CmsFileFormat.Xlsx => "XLSX",
        _ => format.ToString(),
    };
}
