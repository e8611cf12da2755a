namespace FeeEngine.Schedules;

/// <summary>
/// A table-shaped file read as rows of text cells, so a reader maps columns by header name the same way whatever
/// the file's form. CSV and XLSX are table sources; fixed-width TXT is not (each layout has its own positions).
/// </summary>
public abstract class TableSource
{
    protected TableSource(string path, CmsFileFormat format)
    {
        Path = path;
        FileName = System.IO.Path.GetFileName(path);
        Format = format;
    }

    public string Path { get; }

    /// <summary>The file's name, as diagnostics report it.</summary>
    public string FileName { get; }

    public CmsFileFormat Format { get; }

    /// <summary>Reads the rows in file order. Each call reads the file again.</summary>
    public abstract IEnumerable<TableRow> ReadRows();

    /// <summary>Opens <paramref name="path"/> as CSV or XLSX by its extension.</summary>
    /// <param name="sheetName">The worksheet to read in a workbook; null for the first.</param>
    public static TableSource Open(string path, string? sheetName = null) =>
        CmsFileFormats.FromPath(path) switch
        {
            CmsFileFormat.Csv => new CsvTableSource(path),
            CmsFileFormat.Xlsx => new XlsxTableSource(path, sheetName),
            _ => throw new CmsFileException(new FileDiagnostic(
                System.IO.Path.GetFileName(path), 0, null, System.IO.Path.GetExtension(path),
                "not a table: expected .csv or .xlsx here")),
        };
}
