namespace FeeEngine.Schedules;

/// <summary>
/// The fixed-width PPRRVU record layout (RVU25D.pdf, RVU26B.pdf), positions 1-based and inclusive as CMS states
/// them, checked against real lines of PPRRVU2025_Oct.txt and PPRRVU2026_Apr_nonQPP.txt. Lines starting "HDR"
/// are the copyright header. The 2026 layout is the 2025 one plus a pricing indicator in position 121, which was
/// filler before; nothing else moved.
/// </summary>
internal sealed class PprrvuTxtLayout
{
    private static readonly (PprrvuField Field, int From, int To)[] Through2025Fields =
    [
        (PprrvuField.Hcpcs, 1, 5),
        (PprrvuField.Modifier, 6, 7),
        // 8-57 DESCRIPTION: never read (AMA copyright).
        (PprrvuField.Status, 58, 58),
        // Not in the PDF's table, but position 59 carries the CSV's "NOT USED FOR MEDICARE PAYMENT" flag ('+').
        (PprrvuField.NotUsedForMedicare, 59, 59),
        (PprrvuField.WorkRvu, 60, 65),
        (PprrvuField.NonFacilityPeRvu, 67, 72),
        (PprrvuField.NonFacilityNa, 73, 74),
        (PprrvuField.FacilityPeRvu, 76, 81),
        (PprrvuField.FacilityNa, 82, 83),
        (PprrvuField.MpRvu, 85, 89),
        (PprrvuField.NonFacilityTotal, 91, 96),
        (PprrvuField.FacilityTotal, 97, 102),
        (PprrvuField.PcTc, 103, 103),
        (PprrvuField.GlobalDays, 104, 106),
        (PprrvuField.PreOp, 107, 109),
        (PprrvuField.IntraOp, 110, 112),
        (PprrvuField.PostOp, 113, 115),
        (PprrvuField.MultipleProcedure, 116, 116),
        (PprrvuField.BilateralSurgery, 117, 117),
        (PprrvuField.AssistantSurgery, 118, 118),
        (PprrvuField.CoSurgeons, 119, 119),
        (PprrvuField.TeamSurgery, 120, 120),
        // 121-127 filler (2025); 2026 puts the pricing indicator in 121.
        (PprrvuField.EndoscopicBase, 128, 132),
        (PprrvuField.ConversionFactor, 133, 140),
        (PprrvuField.PhysicianSupervision, 142, 143),
        (PprrvuField.CalculationFlag, 144, 144),
        (PprrvuField.ImagingFamily, 146, 147),
        (PprrvuField.OppsNonFacilityPe, 152, 157),
        (PprrvuField.OppsFacilityPe, 159, 164),
        (PprrvuField.OppsMp, 166, 171),
    ];

    /// <summary>CY 2025 and earlier: no pricing indicator.</summary>
    public static readonly PprrvuTxtLayout Through2025 = new("CY 2025", Through2025Fields);

    /// <summary>CY 2026 on: pricing indicator in position 121.</summary>
    public static readonly PprrvuTxtLayout From2026 =
        new("CY 2026", [.. Through2025Fields, (PprrvuField.PricingIndicator, 121, 121)]);

    private readonly (PprrvuField Field, int From, int To)[] _fields;

    private PprrvuTxtLayout(string name, (PprrvuField Field, int From, int To)[] fields)
    {
        Name = name;
        _fields = fields;
        foreach (var f in fields) MinLength = Math.Max(MinLength, f.To);
    }

    public string Name { get; }

    /// <summary>A data line shorter than this is truncated (the last field, OPPS MP, ends here).</summary>
    public int MinLength { get; }

    public static PprrvuTxtLayout ForYear(int year) => year >= 2026 ? From2026 : Through2025;

    /// <summary>
    /// When the file name gives no year: position 121 is blank filler before 2026 and the pricing indicator after.
    /// </summary>
    public static PprrvuTxtLayout Detect(TextLine firstDataLine) =>
        firstDataLine.Field(121, 121).IsWhiteSpace() ? Through2025 : From2026;

    /// <summary>The line's fields, trimmed, indexed by <see cref="PprrvuField"/>; null for fields the layout lacks.</summary>
    public string?[] Slice(TextLine line)
    {
        var raw = new string?[PprrvuColumns.Specs.Length];
        foreach (var (field, from, to) in _fields)
            raw[(int)field] = line.Field(from, to).Trim().ToString();
        return raw;
    }
}
