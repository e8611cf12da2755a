namespace FeeEngine.Schedules;

/// <summary>Locality names as the GPCI and ANES files print them, made comparable across forms.</summary>
internal static class LocalityNames
{
    /// <summary>
    /// Trimmed, single-spaced, without trailing footnote marks: the CSV says <c>ALASKA*</c> where the XLSX and TXT
    /// say <c>ALASKA</c>, the asterisk only pointing at a footnote (the 1.5 work floor).
    /// </summary>
    public static string Clean(string name) => HeaderKey.CollapseSpaces(name).TrimEnd('*').TrimEnd();
}
