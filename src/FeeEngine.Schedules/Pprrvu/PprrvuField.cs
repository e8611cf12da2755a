namespace FeeEngine.Schedules;

/// <summary>The PPRRVU fields the reader takes, in CMS's column order (DESCRIPTION is never read).</summary>
internal enum PprrvuField
{
    Hcpcs,
    Modifier,
    Status,
    NotUsedForMedicare,
    WorkRvu,
    NonFacilityPeRvu,
    NonFacilityNa,
    FacilityPeRvu,
    FacilityNa,
    MpRvu,
    NonFacilityTotal,
    FacilityTotal,
    PcTc,
    GlobalDays,
    PreOp,
    IntraOp,
    PostOp,
    MultipleProcedure,
    BilateralSurgery,
    AssistantSurgery,
    CoSurgeons,
    TeamSurgery,
    PricingIndicator,
    EndoscopicBase,
    ConversionFactor,
    PhysicianSupervision,
    CalculationFlag,
    ImagingFamily,
    OppsNonFacilityPe,
    OppsFacilityPe,
    OppsMp,
}

/// <summary>The PPRRVU columns by header name, for CSV and XLSX.</summary>
internal static class PprrvuColumns
{
    /// <summary>
    /// One spec per <see cref="PprrvuField"/>, in enum order. Names are the joined multi-row headers of CMS's files;
    /// required are the key, the RVUs and the payment-policy indicators the pricer needs.
    /// </summary>
    public static readonly ColumnSpec[] Specs =
    [
        new("HCPCS", required: true, codeWidth: 5),
        new("MOD", required: true, codeWidth: 2, "MODIFIER"),
        new("STATUS CODE", required: true, 0, "STATUS"),
        new("NOT USED FOR MEDICARE PAYMENT", required: false),
        new("WORK RVU", required: true),
        new("NON-FAC PE RVU", required: true, 0, "NON-FACILITY PE RVU"),
        new("NON-FAC NA INDICATOR", required: true, 0, "NON-FACILITY NA INDICATOR"),
        new("FACILITY PE RVU", required: true, 0, "FAC PE RVU"),
        new("FACILITY NA INDICATOR", required: true, 0, "FAC NA INDICATOR"),
        new("MP RVU", required: true, 0, "MALPRACTICE RVU"),
        new("NON-FACILITY TOTAL", required: false, 0, "NON-FAC TOTAL"),
        new("FACILITY TOTAL", required: false, 0, "FAC TOTAL"),
        new("PCTC IND", required: true, codeWidth: 1, "PC/TC INDICATOR"),
        new("GLOB DAYS", required: true, codeWidth: 3, "GLOBAL DAYS"),
        new("PRE OP", required: false),
        new("INTRA OP", required: false),
        new("POST OP", required: false),
        new("MULT PROC", required: true, codeWidth: 1),
        new("BILAT SURG", required: true, codeWidth: 1),
        new("ASST SURG", required: true, codeWidth: 1),
        new("CO-SURG", required: true, codeWidth: 1),
        new("TEAM SURG", required: true, codeWidth: 1),
        new("PRIC IND", required: false, codeWidth: 1, "PRICING INDICATOR"),
        new("ENDO BASE", required: false, codeWidth: 5),
        new("CONV FACTOR", required: false, 0, "CONVERSION FACTOR"),
        new("PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES", required: false, codeWidth: 2),
        new("CALCULATION FLAG", required: false, codeWidth: 1),
        new("DIAGNOSTIC IMAGING FAMILY INDICATOR", required: false, codeWidth: 2),
        new("NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT", required: false, 0, "NON-FAC PE USED FOR OPPS PAYMENT AMOUNT"),
        new("FACILITY PE USED FOR OPPS PAYMENT AMOUNT", required: false, 0, "FAC PE USED FOR OPPS PAYMENT AMOUNT"),
        new("MP USED FOR OPPS PAYMENT AMOUNT", required: false),
    ];

    public static string Name(PprrvuField field) => Specs[(int)field].Name;
}
