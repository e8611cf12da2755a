namespace FeeEngine.Schedules;

/// <summary>
/// Gathers the problems of one file while it is read, so the reader can report them all at the end.
/// Keeps the first <see cref="CmsFileException.MaxDiagnostics"/> and counts the rest.
/// </summary>
internal sealed class DiagnosticCollector(string file, string? unit = null)
{
    private readonly List<FileDiagnostic> _kept = [];

    public string File { get; } = file;

    public int Total { get; private set; }

    public bool HasProblems => Total > 0;

    public void Add(int line, string? field, string? value, string reason)
    {
        Total++;
        if (_kept.Count < CmsFileException.MaxDiagnostics)
            _kept.Add(new FileDiagnostic(File, line, field, value, reason) { Unit = unit });
    }

    /// <summary>Adds a problem that concerns the whole file (no line).</summary>
    public void AddFileProblem(string reason) => Add(0, null, null, reason);

    /// <summary>
    /// A fixed-width line too short for its layout. Reported by length, never by text: a wrong file handed to a
    /// reader could be a PPRRVU file, whose lines hold CPT descriptions (AMA copyright).
    /// </summary>
    public void AddShortLine(int line, int length, string layout, int needed) =>
        Add(line, null, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"line too short: {length} characters, the {layout} needs {needed}"));

    /// <summary>A table row with fewer cells than the header's right-most used column.</summary>
    public void AddTruncatedRow(int line, int cells, int needed) =>
        Add(line, null, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"truncated row: {cells} fields, the header needs {needed}"));

    public CmsFileException ToException() => new(File, _kept.ToArray(), Total);

    public void ThrowIfAny()
    {
        if (HasProblems) throw ToException();
    }
}
