using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// A claim line priced with Medicare's payment policies, and the split of its amount between Medicare and the
/// patient. Allowed, the lesser-of-billed figure, the patient's share and Medicare's payment are separate numbers.
/// </summary>
public sealed class ClaimLinePrice
{
    public required ClaimLine Line { get; init; }
    public required PricingOutcome Outcome { get; init; }
    /// <summary>Why the line was not priced; null when priced.</summary>
    public string? Message { get; init; }
    /// <summary>The PFS fee schedule amount of the row, before payment policies (null for anesthesia lines).</summary>
    public PfsPrice? Base => _bases is null ? null : _bases[_baseIndex];

    // The claim's fee schedule prices are shared by its lines rather than copied into each (a price is ~180 bytes).
    private readonly PfsPrice[]? _bases;
    private readonly int _baseIndex;

    internal (PfsPrice[]? Prices, int Index) BaseSource { init => (_bases, _baseIndex) = value; }
    /// <summary>The anesthesia price, for anesthesia lines.</summary>
    public AnesthesiaPrice? Anesthesia { get; init; }
    /// <summary>The price by another Medicare schedule (lab, DMEPOS, drugs), for lines the PFS does not pay.</summary>
    public Routing.SchedulePrice? OtherSchedule { get; init; }
    /// <summary>For a line the PFS does not pay and no other schedule priced: why each schedule tried did not.</summary>
    public IReadOnlyList<string>? SchedulesTried { get; init; }
    /// <summary>The schedule that priced the line: the PFS (and anesthesia), or the other schedule; null when unpriced.</summary>
    public Routing.MedicareSchedule? Schedule => !IsPriced ? null : OtherSchedule?.Schedule ?? Routing.MedicareSchedule.Pfs;
    /// <summary>The payment-policy steps applied, in order.</summary>
    public IReadOnlyList<Adjustment> Adjustments { get; init; } = [];
    // Amounts are held as whole cents (NoAmount when absent): a price file holds one of these per line in flight.
    private const long NoAmount = long.MinValue;
    private readonly long _allowed = NoAmount, _lesser = NoAmount, _deductible = NoAmount, _coinsurance = NoAmount,
        _beforeSequestration = NoAmount, _sequestration = NoAmount;

    private static long ToCents(Money.Money? m)
    {
        if (m is not { } v) return NoAmount;
        if (Pfs.ScaledRates.TryToCents(v.Amount, out var cents)) return cents;
        throw new ArgumentException($"Amount {v.Amount} is not a non-negative whole number of cents.", nameof(m));
    }

    private static Money.Money? FromCents(long cents) => cents == NoAmount ? null : new Money.Money(Pfs.ScaledRates.CentsToDecimal(cents));

    /// <summary>Sets the amounts in whole cents directly (the pricer's fast path: no decimal round trip).</summary>
    internal (long Allowed, long Lesser, long Deductible, long Coinsurance, long BeforeSequestration, long Sequestration) Cents
    {
        init => (_allowed, _lesser, _deductible, _coinsurance, _beforeSequestration, _sequestration) = value;
    }

    /// <summary>Whole cents of <see cref="Allowed"/>, <see cref="LesserOfBilled"/>, <see cref="PatientShare"/> and
    /// <see cref="MedicarePayment"/> for writers of large files; null when the line has no amount.</summary>
    public long? AllowedCents => _allowed == NoAmount ? null : _allowed;
    public long? LesserOfBilledCents => _lesser == NoAmount ? null : _lesser;
    public long? PatientShareCents => _deductible == NoAmount ? null : _deductible + _coinsurance;
    public long? MedicarePaymentCents => _beforeSequestration == NoAmount ? null : _beforeSequestration - _sequestration;

    /// <summary>Medicare allowed amount after payment policies, all units (the fee schedule amount; not capped at the charge).</summary>
    public Money.Money? Allowed { get => FromCents(_allowed); init => _allowed = ToCents(value); }
    /// <summary>The lower of the billed charge and <see cref="Allowed"/>: what Medicare pays from.</summary>
    public Money.Money? LesserOfBilled { get => FromCents(_lesser); init => _lesser = ToCents(value); }
    public Money.Money? Deductible { get => FromCents(_deductible); init => _deductible = ToCents(value); }
    public Money.Money? Coinsurance { get => FromCents(_coinsurance); init => _coinsurance = ToCents(value); }
    /// <summary>Deductible plus coinsurance.</summary>
    public Money.Money? PatientShare => _deductible == NoAmount ? null : FromCents(_deductible + _coinsurance);
    /// <summary>Medicare's payment before the 2% sequestration reduction.</summary>
    public Money.Money? PaymentBeforeSequestration { get => FromCents(_beforeSequestration); init => _beforeSequestration = ToCents(value); }
    public Money.Money? Sequestration { get => FromCents(_sequestration); init => _sequestration = ToCents(value); }
    /// <summary>What Medicare pays: lesser-of amount less the patient's share, less 2% sequestration.</summary>
    public Money.Money? MedicarePayment => _beforeSequestration == NoAmount ? null : FromCents(_beforeSequestration - _sequestration);

    public bool IsPriced => Outcome == PricingOutcome.Priced;

    /// <summary>The same line with another outcome and message (an unpriced line, after the other schedules were tried).</summary>
    internal ClaimLinePrice WithOutcome(PricingOutcome outcome, string message, IReadOnlyList<string> schedulesTried) =>
        Copy(outcome, message, schedulesTried, (_allowed, _lesser, _deductible, _coinsurance, _beforeSequestration, _sequestration));

    /// <summary>The same priced line with the patient's share split again (the claim's deductible taken in another order).</summary>
    internal ClaimLinePrice WithCostSharing(CostSharing.Split split) =>
        Copy(Outcome, Message, SchedulesTried,
            (_allowed, _lesser, ToCents(split.Deductible), ToCents(split.Coinsurance), ToCents(split.BeforeSequestration), ToCents(split.Sequestration)));

    private ClaimLinePrice Copy(PricingOutcome outcome, string? message, IReadOnlyList<string>? schedulesTried,
        (long Allowed, long Lesser, long Deductible, long Coinsurance, long BeforeSequestration, long Sequestration) cents) => new()
    {
        Line = Line, Outcome = outcome, Message = message, BaseSource = (_bases, _baseIndex), Anesthesia = Anesthesia, Adjustments = Adjustments,
        OtherSchedule = OtherSchedule, SchedulesTried = schedulesTried, Cents = cents,
    };

    /// <summary>The adjustments as the price-file column writes them, separated by '|'.</summary>
    public string AdjustmentsText => Adjustments.Count == 0 ? "" : string.Join('|', Adjustments);

    /// <summary>Every step, in words: the fee schedule amount's own explanation, then each policy, then the split.</summary>
    public IReadOnlyList<string> ExplainSteps()
    {
        var steps = new List<string>();
        if (OtherSchedule is not null) steps.AddRange(OtherSchedule.Steps);
        else if (Anesthesia is not null) steps.AddRange(Anesthesia.Steps);
        else if (Base is { } b) steps.AddRange(b.Explain().Steps);
        foreach (var a in Adjustments) steps.Add($"{a}: {a.Explanation}");
        if (!IsPriced && SchedulesTried is not null)
        {
            // The PFS's own steps already give its reason; what is left is each other schedule's.
            steps.Add($"No other Medicare schedule prices it: {string.Join("; ", SchedulesTried)}.");
            return steps;
        }
        if (!IsPriced)
        {
            var explained = Anesthesia is not null ? Anesthesia.Message == Message : Base is { } pfs && pfs.Message == Message;
            if (Message is not null && !explained) steps.Add($"{(Outcome == PricingOutcome.NotPayable ? "Not payable" : "Error")}: {Message}");
            return steps;
        }
        steps.Add($"Medicare allowed after payment policies: {Allowed}.");
        if (Line.BilledCharge is { } charge)
            steps.Add($"Lesser of billed charge {charge} and allowed {Allowed}: {LesserOfBilled}.");
        steps.Add($"Patient share: deductible {Deductible} + coinsurance {Coinsurance} = {PatientShare}; Medicare pays {PaymentBeforeSequestration} less 2% sequestration {Sequestration} = {MedicarePayment}.");
        return steps;
    }
}

/// <summary>A priced claim: one result per line, in the claim's line order.</summary>
public sealed record ClaimPrice(Claim Claim, IReadOnlyList<ClaimLinePrice> Lines)
{
    public Money.Money TotalAllowed => Lines.Where(l => l.Allowed is not null).Aggregate(Money.Money.Zero, (a, l) => a + l.Allowed!.Value);
}
