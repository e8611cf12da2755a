using FeeEngine.Core.Codes;
using FeeEngine.Core.Money;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// The PFS price of one line, with everything needed to explain it. A value type: pricing allocates nothing, and
/// the explanation is built only when asked for (<see cref="Explain"/>).
/// </summary>
public readonly struct PfsPrice
{
    internal PfsPrice(in PfsLine line, PricingOutcome outcome, string? message)
    {
        Line = line;
        Outcome = outcome;
        Message = message;
    }

    public PfsLine Line { get; }
    public PricingOutcome Outcome { get; }
    /// <summary>Why a line was not priced; null when priced.</summary>
    public string? Message { get; }

    public PfsRelease? RvuRelease { get; internal init; }
    public PfsRelease? GpciRelease { get; internal init; }
    public RvuRecord? Rvu { get; internal init; }
    /// <summary>The row's hot fields (status, indicators), set on priced lines: read without touching the full record.</summary>
    internal RvuEntry? Entry { get; init; }
    public GpciRecord? Gpci { get; internal init; }
    public ConversionFactorEntry? ConversionFactor { get; internal init; }
    /// <summary>The work GPCI used (with or without the 1.0 floor, by date).</summary>
    public decimal WorkGpci => Gpci is null ? 0m : UsesWorkGpciWithoutFloor ? Gpci.WorkWithoutFloor!.Value.Value : Gpci.WorkWithFloor.Value;
    /// <summary>True when no floor period covers the date and the GPCI file carries the unfloored work GPCI.</summary>
    public bool UsesWorkGpciWithoutFloor { get; internal init; }
    public WorkGpciFloorPeriod? FloorPeriod { get; internal init; }
    /// <summary>The rate requested by the place of service.</summary>
    public Setting RequestedSetting { get; internal init; }
    /// <summary>The rate paid: facility when the non-facility rate is NA.</summary>
    public Setting Setting { get; internal init; }
    public bool NonFacilityNaApplied { get; internal init; }
    public bool OppsCapApplied { get; internal init; }

    // The amounts are held compactly (whole cents, and the unrounded formula at scale 10^9, see ScaledRates) so that
    // returning a price copies little; the decimal views below are built on demand.
    internal long PfsCents { get; init; }
    internal long OppsCents { get; init; } = -1;
    internal long UnitCents { get; init; }
    internal long PfsScaled { get; init; }
    internal long OppsScaled { get; init; }
    /// <summary>Set instead of the scaled amounts when a rate had more decimals than CMS publishes.</summary>
    internal DecimalAmounts? Unscaled { get; init; }

    /// <summary>The RVU formula at full precision, before rounding (per unit).</summary>
    public decimal PfsUnitAmountUnrounded => Unscaled?.Pfs ?? ScaledRates.AmountToDecimal(PfsScaled);
    public Money.Money PfsUnitAmount => Cents(PfsCents);
    /// <summary>The OPPS-based amount per unit when the code is subject to the imaging cap.</summary>
    public Money.Money? OppsUnitAmount => OppsCents >= 0 ? Cents(OppsCents) : null;
    public decimal OppsUnitAmountUnrounded => Unscaled?.Opps ?? ScaledRates.AmountToDecimal(OppsScaled);
    /// <summary>The participating fee schedule amount for one unit.</summary>
    public Money.Money UnitAmount => Cents(UnitCents);
    /// <summary>The participating fee schedule amount for all units (the Medicare allowed amount of the line).</summary>
    public Money.Money Allowed => Cents(UnitCents * Line.Units);

    private static Money.Money Cents(long cents) => new(ScaledRates.CentsToDecimal(cents));

    /// <summary>Non-participating allowed amount: 95% of the par unit amount, rounded to cents, for all units.</summary>
    public Money.Money NonParticipatingAllowed =>
        IsPriced ? Money.PfsRounding.ToCents(UnitAmount * MedicarePfsPricer.NonParticipatingShare) * Line.Units : Money.Money.Zero;

    /// <summary>Limiting charge: 115% of the non-par amount (1.0925 x par unit amount), rounded to cents, for all units.</summary>
    public Money.Money LimitingCharge =>
        IsPriced ? Money.PfsRounding.ToCents(UnitAmount * MedicarePfsPricer.LimitingChargeFactor) * Line.Units : Money.Money.Zero;

    public bool IsPriced => Outcome == PricingOutcome.Priced;

    /// <summary>The unrounded amounts of the decimal formula, for rates that do not fit the fixed-point path.</summary>
    internal sealed record DecimalAmounts(decimal Pfs, decimal Opps);

    /// <summary>The steps that produced the amount, in words a finance analyst can check by hand.</summary>
    public PfsExplanation Explain() => PfsExplanation.From(this);
}
