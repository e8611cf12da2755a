namespace FeeEngine.Schedules.Tests;

/// <summary>
/// The real CMS files the tests read, each read once per test run (the XLSX forms take seconds to open).
/// Only touched from <see cref="CmsDataFactAttribute"/> tests, which are skipped when the folder is missing.
/// </summary>
internal static class RealFiles
{
    private static readonly Lazy<PprrvuFile> OctoberCsv = new(() => PprrvuReader.Read(Rvu25D("PPRRVU2025_Oct.csv")));
    private static readonly Lazy<PprrvuFile> OctoberTxt = new(() => PprrvuReader.Read(Rvu25D("PPRRVU2025_Oct.txt")));
    private static readonly Lazy<PprrvuFile> OctoberXlsx = new(() => PprrvuReader.Read(Rvu25D("PPRRVU2025_Oct.xlsx")));
    private static readonly Lazy<Zip5File> ZipOctoberTxt = new(() => Zip5Reader.Read(CmsData.File("2025", "zip-oct2025", "ZIP5_OCT2025.txt")));
    private static readonly Lazy<Zip5File> ZipOctoberXlsx = new(() => Zip5Reader.Read(CmsData.File("2025", "zip-oct2025", "ZIP5_OCT2025.xlsx")));

    public static PprrvuFile PprrvuOctober2025Csv => OctoberCsv.Value;
    public static PprrvuFile PprrvuOctober2025Txt => OctoberTxt.Value;
    public static PprrvuFile PprrvuOctober2025Xlsx => OctoberXlsx.Value;
    public static Zip5File Zip5October2025Txt => ZipOctoberTxt.Value;
    public static Zip5File Zip5October2025Xlsx => ZipOctoberXlsx.Value;

    public static string Rvu25D(string fileName) => CmsData.File("2025", "rvu25d", fileName);

    /// <summary>Data lines of a fixed-width PPRRVU file: every non-blank line that is not an HDR line.</summary>
    public static int PprrvuTxtDataLines(string path) =>
        File.ReadLines(path, System.Text.Encoding.Latin1)
            .Count(l => l.Trim().Length > 0 && !l.StartsWith("HDR", StringComparison.Ordinal));
}
