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

    // A price is copied into every claim's array of prices, so it is kept small (about 110 bytes): the date's facts
    // (GPCI release, conversion factor, floor) come from one shared DateContext, the row and the locality from their
    // entries, the flags from one byte, and the unrounded amounts are recomputed from those when asked for.
    private readonly DateContext? _day;        // set on priced lines only
    private readonly object? _row;             // the RvuEntry of a priced line, else the RvuRecord (or null)
    private readonly GpciEntry? _gpci;         // set on priced lines only
    private readonly Flags _flags;

    [Flags]
    private enum Flags : byte
    {
        None = 0,
        RequestedFacility = 1,
        Facility = 2,
        NonFacilityNa = 4,
        OppsCap = 8,
        WorkGpciWithoutFloor = 16,
    }

    public RvuRecord? Rvu { get => _row as RvuRecord ?? (_row as RvuEntry)?.Record; internal init => _row = value; }
    /// <summary>The row's hot fields (status, indicators), set on priced lines: read without touching the full record.</summary>
    internal RvuEntry? Entry { get => _row as RvuEntry; init => _row = value; }
    /// <summary>The row's status, MULT PROC and flags, set on priced lines (copied from the release's table slot).</summary>
    internal RowFacts RowFacts { get; init; }
    internal GpciEntry? GpciEntry { get => _gpci; init => _gpci = value; }
    internal DateContext? Day { get => _day; init => _day = value; }

    public PfsRelease? GpciRelease => _day?.GpciRelease;
    public GpciRecord? Gpci => _gpci?.Record;
    public ConversionFactorEntry? ConversionFactor => _day is null ? null : Line.Qp == QpStatus.Qualifying ? _day.Qualifying : _day.NonQualifying;
    /// <summary>The work GPCI used (with or without the 1.0 floor, by date).</summary>
    public decimal WorkGpci => Gpci is null ? 0m : UsesWorkGpciWithoutFloor ? Gpci.WorkWithoutFloor!.Value.Value : Gpci.WorkWithFloor.Value;
    /// <summary>True when no floor period covers the date and the GPCI file carries the unfloored work GPCI.</summary>
    public bool UsesWorkGpciWithoutFloor { get => Has(Flags.WorkGpciWithoutFloor); internal init => _flags = With(_flags, Flags.WorkGpciWithoutFloor, value); }
    public WorkGpciFloorPeriod? FloorPeriod => _day?.Floor;
    /// <summary>The rate requested by the place of service.</summary>
    public Setting RequestedSetting { get => Has(Flags.RequestedFacility) ? Setting.Facility : Setting.NonFacility; internal init => _flags = With(_flags, Flags.RequestedFacility, value == Setting.Facility); }
    /// <summary>The rate paid: facility when the non-facility rate is NA.</summary>
    public Setting Setting { get => Has(Flags.Facility) ? Setting.Facility : Setting.NonFacility; internal init => _flags = With(_flags, Flags.Facility, value == Setting.Facility); }
    public bool NonFacilityNaApplied { get => Has(Flags.NonFacilityNa); internal init => _flags = With(_flags, Flags.NonFacilityNa, value); }
    public bool OppsCapApplied { get => Has(Flags.OppsCap); internal init => _flags = With(_flags, Flags.OppsCap, value); }

    private bool Has(Flags flag) => (_flags & flag) != 0;

    private static Flags With(Flags flags, Flags flag, bool on) => on ? flags | flag : flags & ~flag;

    /// <summary>The participating amount per unit in whole cents (after the OPPS cap).</summary>
    internal long UnitCents { get; init; }
    /// <summary>Set instead of the fixed-point amounts when a rate had more decimals than CMS publishes.</summary>
    internal DecimalAmounts? Unscaled { get; init; }

    private bool OppsCapped => _row is RvuEntry { OppsCapped: true };
    internal long PfsScaled => _day is null || _gpci is null || Entry is not { } e ? 0 : MedicarePfsPricer.ScaledAmount(e, _gpci, CfScaled, UsesWorkGpciWithoutFloor, Has(Flags.Facility), opps: false);
    internal long OppsScaled => !OppsCapped || _gpci is null ? 0 : MedicarePfsPricer.ScaledAmount(Entry!, _gpci, CfScaled, UsesWorkGpciWithoutFloor, Has(Flags.Facility), opps: true);
    private long CfScaled => Line.Qp == QpStatus.Qualifying ? _day!.QualifyingScaled : _day!.NonQualifyingScaled;
    internal long PfsCents => !IsPriced ? 0 : Unscaled?.PfsCents ?? ScaledRates.ToCents(PfsScaled);
    internal long OppsCents => !IsPriced || !OppsCapped ? -1 : Unscaled?.OppsCents ?? ScaledRates.ToCents(OppsScaled);

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
    internal sealed record DecimalAmounts(decimal Pfs, decimal Opps, long PfsCents, long OppsCents);

    /// <summary>The steps that produced the amount, in words a finance analyst can check by hand.</summary>
    public PfsExplanation Explain() => PfsExplanation.From(this);
}
