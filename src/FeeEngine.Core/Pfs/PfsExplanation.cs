using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// A priced line explained: the inputs, the releases used, each factor and each decision, in order.
/// Every property is plain text or a number so it prints and serialises as it is.
/// </summary>
public sealed class PfsExplanation
{
    public required string Hcpcs { get; init; }
    public required string Modifiers { get; init; }
    public required string DateOfService { get; init; }
    public required string Locality { get; init; }
    public required string PlaceOfService { get; init; }
    public required int Units { get; init; }
    public required string Outcome { get; init; }
    public string? Message { get; init; }
    public string? Setting { get; init; }
    public string? RvuRelease { get; init; }
    public string? GpciRelease { get; init; }
    public string? Status { get; init; }
    public decimal? WorkRvu { get; init; }
    public decimal? PeRvu { get; init; }
    public decimal? MpRvu { get; init; }
    public decimal? WorkGpci { get; init; }
    public decimal? PeGpci { get; init; }
    public decimal? MpGpci { get; init; }
    public decimal? ConversionFactor { get; init; }
    public decimal? PfsAmountUnrounded { get; init; }
    public decimal? OppsCapAmount { get; init; }
    public bool OppsCapApplied { get; init; }
    public decimal? UnitAmount { get; init; }
    public decimal? Allowed { get; init; }
    public decimal? NonParticipatingAllowed { get; init; }
    public decimal? LimitingCharge { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }

    internal static PfsExplanation From(in PfsPrice p)
    {
        var line = p.Line;
        var steps = new List<string>();
        var inv = CultureInfo.InvariantCulture;
        steps.Add($"Line: {line.Code}{(line.Modifiers.Count > 0 ? $" modifiers {line.Modifiers}" : "")}, {line.Units} unit(s), date of service {EffectivePeriod.Iso(line.DateOfService)}, POS {line.PlaceOfService}.");
        if (line.LocalitySource is { } zip)
            steps.Add($"Locality {line.Locality} from ZIP {zip.Record.Zip} ({zip.Record.State}) in ZIP file {zip.Release.Id}{(zip.Note is null ? "" : $"; {zip.Note}")}.");
        else
            steps.Add($"Locality {line.Locality} as given.");

        decimal? pe = null;
        if (p.Rvu is { } rvu)
        {
            steps.Add($"RVUs from release {p.RvuRelease!.Id} (effective {EffectivePeriod.Iso(p.RvuRelease.EffectiveFrom)}), row {rvu.Key}: status {rvu.Status} ({PfsStatus.Meaning(rvu.Status)}), PC/TC indicator {rvu.PcTcIndicator}.");
        }
        if (p.Outcome == PricingOutcome.Priced && p.Rvu is { } r && p.Gpci is { } g && p.ConversionFactor is { } cf)
        {
            pe = p.Setting == Codes.Setting.Facility ? r.FacilityPeRvu.Value : r.NonFacilityPeRvu.Value;
            steps.Add($"Setting: POS {line.PlaceOfService} is {DescribeSetting(p.RequestedSetting)}.");
            if (p.NonFacilityNaApplied)
                steps.Add("Non-facility PE is NA for this code (rarely or never performed outside a facility): priced at the facility amount.");
            if (p.Setting == Codes.Setting.Facility && r.FacilityNa)
                steps.Add("CMS marks the facility PE NA for this code (rarely performed in a facility); priced at the facility PE CMS publishes.");
            steps.Add($"GPCIs of {g.Locality} {g.Name} from release {p.GpciRelease!.Id}: work {p.WorkGpci.ToString("0.000#", inv)}, PE {g.PracticeExpense}, MP {g.Malpractice}.");
            steps.Add(p.FloorPeriod is { } fp
                ? $"Work GPCI with the 1.0 floor: the floor applies on this date ({EffectivePeriod.Format(fp.From, fp.To)}, {fp.Authority})."
                : g.WorkWithoutFloor is null
                    ? "Work GPCI: no floor period covers this date, but the GPCI file carries only the floored value; used it."
                    : "Work GPCI without the 1.0 floor: no floor period covers this date.");
            steps.Add($"Conversion factor {cf.Pfs} ({cf}; source: {cf.Source}).");
            steps.Add($"Fee schedule amount = ({r.WorkRvu} x {p.WorkGpci.ToString("0.000#", inv)} + {pe.Value.ToString("0.00##", inv)} x {g.PracticeExpense} + {r.MpRvu} x {g.Malpractice}) x {cf.Pfs} = {p.PfsUnitAmountUnrounded.ToString(inv)}, rounded once to cents ({Money.PfsRounding.Midpoint}) = {p.PfsUnitAmount}.");
            if (p.OppsUnitAmount is { } opps)
            {
                var oppsPe = p.Setting == Codes.Setting.Facility ? r.OppsFacilityPeRvu : r.OppsNonFacilityPeRvu;
                steps.Add($"OPPS imaging cap (DRA 2005 s. 5102(b)): ({r.WorkRvu} x {p.WorkGpci.ToString("0.000#", inv)} + {oppsPe} x {g.PracticeExpense} + {r.OppsMpRvu} x {g.Malpractice}) x {cf.Pfs} = {p.OppsUnitAmountUnrounded.ToString(inv)} -> {opps}; " +
                          (p.OppsCapApplied ? $"cap applied: paid {opps} instead of {p.PfsUnitAmount}." : "the PFS amount is lower: no cap."));
            }
            steps.Add(line.Units == 1
                ? $"Allowed (participating) = {p.Allowed}."
                : $"Allowed (participating) = {p.UnitAmount} x {line.Units} units = {p.Allowed}.");
            steps.Add($"Non-participating allowed = 95% of par = {p.NonParticipatingAllowed}; limiting charge = 109.25% of par = {p.LimitingCharge}.");
        }
        else if (p.Message is not null)
        {
            steps.Add($"{(p.Outcome == PricingOutcome.NotPayable ? "Not payable" : "Error")}: {p.Message}");
        }

        return new PfsExplanation
        {
            Hcpcs = line.Code.ToString(),
            Modifiers = line.Modifiers.ToString(),
            DateOfService = EffectivePeriod.Iso(line.DateOfService),
            Locality = line.Locality.ToString(),
            PlaceOfService = line.PlaceOfService.ToString(),
            Units = line.Units,
            Outcome = OutcomeText(p.Outcome),
            Message = p.Message,
            Setting = p.IsPriced ? SettingText(p.Setting) : null,
            RvuRelease = p.RvuRelease?.Id,
            GpciRelease = p.GpciRelease?.Id,
            Status = p.Rvu?.Status.ToString(),
            WorkRvu = p.Rvu?.WorkRvu.Value,
            PeRvu = pe,
            MpRvu = p.Rvu?.MpRvu.Value,
            WorkGpci = p.IsPriced ? p.WorkGpci : null,
            PeGpci = p.Gpci?.PracticeExpense.Value,
            MpGpci = p.Gpci?.Malpractice.Value,
            ConversionFactor = p.ConversionFactor?.Pfs.Value,
            PfsAmountUnrounded = p.IsPriced ? p.PfsUnitAmountUnrounded : null,
            OppsCapAmount = p.OppsUnitAmount?.Amount,
            OppsCapApplied = p.OppsCapApplied,
            UnitAmount = p.IsPriced ? p.UnitAmount.Amount : null,
            Allowed = p.IsPriced ? p.Allowed.Amount : null,
            NonParticipatingAllowed = p.IsPriced ? p.NonParticipatingAllowed.Amount : null,
            LimitingCharge = p.IsPriced ? p.LimitingCharge.Amount : null,
            Steps = steps,
        };
    }

    public static string OutcomeText(PricingOutcome o) => o switch
    {
        PricingOutcome.Priced => "priced",
        PricingOutcome.NotPayable => "not_payable",
        _ => "error",
    };

    public static string SettingText(Setting s) => s == Codes.Setting.Facility ? "facility" : "non-facility";

    private static string DescribeSetting(Setting s) => s == Codes.Setting.Facility ? "a facility setting (facility rate)" : "a non-facility setting (non-facility rate)";
}
