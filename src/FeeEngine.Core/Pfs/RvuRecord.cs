using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// One row of a CMS PPRRVU file: the RVUs and payment-policy indicators of a HCPCS code and modifier in one release.
/// Descriptions are deliberately absent (CPT text is AMA copyright and never stored).
/// Indicator fields keep CMS's one- or two-character codes; their meanings are documented where they are used.
/// </summary>
public sealed record RvuRecord
{
    public required HcpcsCode Code { get; init; }
    public Modifier Modifier { get; init; }
    /// <summary>PFS status code (A, R, T priced; see <see cref="PfsStatus"/>).</summary>
    public required char Status { get; init; }
    /// <summary>"NOT USED FOR MEDICARE PAYMENT" flag as CMS writes it: blank, or "+" / "1" when the code is not used for Medicare payment.</summary>
    public string NotUsedForMedicare { get; init; } = "";
    public Rvu WorkRvu { get; init; }
    public Rvu NonFacilityPeRvu { get; init; }
    /// <summary>True when CMS marks the non-facility PE "NA": rarely or never performed outside a facility.</summary>
    public bool NonFacilityNa { get; init; }
    public Rvu FacilityPeRvu { get; init; }
    public bool FacilityNa { get; init; }
    public Rvu MpRvu { get; init; }
    public Rvu NonFacilityTotal { get; init; }
    public Rvu FacilityTotal { get; init; }
    /// <summary>PC/TC indicator 0-9.</summary>
    public char PcTcIndicator { get; init; } = '9';
    /// <summary>Global surgery days: 000, 010, 090, MMM, XXX, YYY, ZZZ.</summary>
    public string GlobalDays { get; init; } = "XXX";
    public decimal PreOpShare { get; init; }
    public decimal IntraOpShare { get; init; }
    public decimal PostOpShare { get; init; }
    public char MultipleProcedure { get; init; } = '9';
    public char BilateralSurgery { get; init; } = '9';
    public char AssistantSurgery { get; init; } = '9';
    public char CoSurgeons { get; init; } = '9';
    public char TeamSurgery { get; init; } = '9';
    /// <summary>2026 files add a pricing indicator; blank in earlier files.</summary>
    public string PricingIndicator { get; init; } = "";
    /// <summary>Endoscopic base code (blank unless multiple-procedure indicator 3).</summary>
    public string EndoscopicBase { get; init; } = "";
    /// <summary>The conversion factor printed on the row (informational: pricing takes the CF table by date).</summary>
    public ConversionFactor? FileConversionFactor { get; init; }
    public string PhysicianSupervision { get; init; } = "";
    public string CalculationFlag { get; init; } = "";
    public string ImagingFamily { get; init; } = "";
    public Rvu OppsNonFacilityPeRvu { get; init; }
    public Rvu OppsFacilityPeRvu { get; init; }
    public Rvu OppsMpRvu { get; init; }

    public RvuKey Key => new(Code, Modifier);

    /// <summary>
    /// Subject to the OPPS imaging cap (DRA 2005 s. 5102(b)): CMS fills the OPPS PE/MP columns only for capped codes.
    /// </summary>
    public bool IsOppsCapped => OppsNonFacilityPeRvu.Value != 0m || OppsFacilityPeRvu.Value != 0m || OppsMpRvu.Value != 0m;
}
