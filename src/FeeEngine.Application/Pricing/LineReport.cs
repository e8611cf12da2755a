using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;

namespace FeeEngine.Application.Pricing;

/// <summary>A priced claim line as <c>feeengine price --json</c> prints it (snake_case names).</summary>
public sealed record LineReport
{
    public required string Line { get; init; }
    public required string Hcpcs { get; init; }
    public required string Modifiers { get; init; }
    public required int Units { get; init; }
    public required string Outcome { get; init; }
    public string? Message { get; init; }
    /// <summary>The Medicare schedule that priced the line (PFS, CLFS, DMEPOS, PEN, ASP); null when unpriced.</summary>
    public string? Schedule { get; init; }
    /// <summary>The other schedule's file that priced the line (e.g. 26CLABQ1); null for PFS lines (see <see cref="RvuRelease"/>).</summary>
    public string? ScheduleFile { get; init; }
    public string? Setting { get; init; }
    public string? RvuRelease { get; init; }
    public string? GpciRelease { get; init; }
    public decimal? ConversionFactor { get; init; }
    public decimal? PfsAmountUnrounded { get; init; }
    /// <summary>The fee schedule amount of one unit, before payment policies.</summary>
    public decimal? FeeScheduleAmount { get; init; }
    public decimal? Allowed { get; init; }
    public required IReadOnlyList<string> Adjustments { get; init; }
    public decimal? LesserOfBilled { get; init; }
    public decimal? Deductible { get; init; }
    public decimal? Coinsurance { get; init; }
    public decimal? PatientShare { get; init; }
    public decimal? MedicarePayment { get; init; }
    public PfsExplanation? Explanation { get; init; }
    /// <summary>The payer contract's result, when <c>--payer</c> was given.</summary>
    public ContractReport? Contract { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }

    public static LineReport From(ClaimLinePrice p)
    {
        var e = p.OtherSchedule is null ? p.Base?.Explain() : null;
        var s = p.Line.Service;
        return new LineReport
        {
            Line = p.Line.LineId,
            Hcpcs = s.Code.ToString(),
            Modifiers = s.Modifiers.ToString(),
            Units = s.Units,
            Outcome = PfsExplanation.OutcomeText(p.Outcome),
            Message = p.Message,
            Schedule = p.Schedule?.Code(),
            ScheduleFile = p.OtherSchedule?.FileId,
            Setting = p.OtherSchedule is not null ? null : p.Anesthesia is not null ? "anesthesia" : e?.Setting,
            RvuRelease = e?.RvuRelease ?? p.Anesthesia?.AnesthesiaRelease,
            GpciRelease = e?.GpciRelease,
            ConversionFactor = e?.ConversionFactor ?? p.Anesthesia?.LocalityConversionFactor,
            PfsAmountUnrounded = e?.PfsAmountUnrounded,
            FeeScheduleAmount = e?.UnitAmount,
            Allowed = p.Allowed?.Amount,
            Adjustments = p.Adjustments.Select(a => a.ToString()).ToList(),
            LesserOfBilled = p.LesserOfBilled?.Amount,
            Deductible = p.Deductible?.Amount,
            Coinsurance = p.Coinsurance?.Amount,
            PatientShare = p.PatientShare?.Amount,
            MedicarePayment = p.MedicarePayment?.Amount,
            Explanation = e,
            Steps = p.ExplainSteps(),
        };
    }
}
