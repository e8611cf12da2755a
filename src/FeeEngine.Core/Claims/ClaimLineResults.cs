using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>The <c>policy:detail</c> label of one payment-policy step, as a price file writes it (e.g. <c>mult_proc:rank2:50%</c>).</summary>
public readonly record struct AdjustmentLabel(string Policy, string Detail)
{
    public override string ToString() => $"{Policy}:{Detail}";
}

/// <summary>
/// One claim line priced by <see cref="MedicareClaimPricer.PriceInto"/>: the same outcome, message and amounts as
/// the object API's <see cref="ClaimLinePrice"/>, held in whole cents in a struct of the caller's
/// <see cref="ClaimLineResults"/>, with the facts of its fee schedule price a price file reports (release, setting,
/// non-facility NA, OPPS cap). Its adjustments are read from the results (<see cref="ClaimLineResults.AdjustmentsOf"/>).
/// </summary>
public readonly struct ClaimLineResult
{
    private const long NoAmount = long.MinValue;
    private readonly long _allowed, _lesser, _patientShare, _payment;

    private readonly BaseFlags _base;

    [Flags]
    private enum BaseFlags : byte
    {
        None = 0,
        Facility = 1,
        NonFacilityNa = 2,
        OppsCap = 4,
    }

    /// <summary>A line not priced, with its fee schedule price.</summary>
    internal ClaimLineResult(in PfsPrice basePrice)
        : this(basePrice, basePrice.Outcome, basePrice.Message)
    {
    }

    /// <summary>A line a claim policy does not pay (an injection bundled into the other services), with its fee schedule price.</summary>
    internal ClaimLineResult(in PfsPrice basePrice, PricingOutcome outcome, string? message)
    {
        Outcome = outcome;
        Message = message;
        _allowed = _lesser = _patientShare = _payment = NoAmount;
        (RvuRelease, _base) = FactsOf(basePrice);
    }

    /// <summary>A line priced in whole cents.</summary>
    internal ClaimLineResult(in PfsPrice basePrice, long allowed, long lesser, long patientShare, long payment)
    {
        Outcome = PricingOutcome.Priced;
        (_allowed, _lesser, _patientShare, _payment) = (allowed, lesser, patientShare, payment);
        (RvuRelease, _base) = FactsOf(basePrice);
    }

    /// <summary>A line priced by the object API, kept whole.</summary>
    internal ClaimLineResult(ClaimLinePrice price)
    {
        Outcome = price.Outcome;
        Message = price.Message;
        ObjectPrice = price;
        if (price.Base is { } b) (RvuRelease, _base) = FactsOf(b);
        _allowed = price.AllowedCents ?? NoAmount;
        _lesser = price.LesserOfBilledCents ?? NoAmount;
        _patientShare = price.PatientShareCents ?? NoAmount;
        _payment = price.MedicarePaymentCents ?? NoAmount;
    }

    // Taken from the price itself (passed by reference: a copy of the 110-byte price per line showed in profiles).
    private static (PfsRelease? Release, BaseFlags Flags) FactsOf(in PfsPrice b) =>
        (b.RvuRelease, (b.Setting == Setting.Facility ? BaseFlags.Facility : 0) | (b.NonFacilityNaApplied ? BaseFlags.NonFacilityNa : 0)
                       | (b.OppsCapApplied ? BaseFlags.OppsCap : 0));

    public PricingOutcome Outcome { get; }
    public bool IsPriced => Outcome == PricingOutcome.Priced;
    /// <summary>Why the line was not priced; null when priced.</summary>
    public string? Message { get; }

    /// <summary>
    /// The line's result object when its claim was priced by the object API (claims the whole-cent path leaves to
    /// the general path: payment modifiers, anesthesia, a deductible to share out...): explanations and anesthesia
    /// details are there. Null for the usual claim.
    /// </summary>
    public ClaimLinePrice? ObjectPrice { get; }

    /// <summary>The release of the line's RVU row (as <see cref="PfsPrice.RvuRelease"/>); null for anesthesia lines and lines without one.</summary>
    public PfsRelease? RvuRelease { get; }

    /// <summary>The fee schedule rate paid (<see cref="PfsPrice.Setting"/>): facility when the non-facility rate is NA.</summary>
    public Setting Setting => (_base & BaseFlags.Facility) != 0 ? Setting.Facility : Setting.NonFacility;

    /// <summary>As <see cref="PfsPrice.NonFacilityNaApplied"/>.</summary>
    public bool NonFacilityNaApplied => (_base & BaseFlags.NonFacilityNa) != 0;

    /// <summary>As <see cref="PfsPrice.OppsCapApplied"/>.</summary>
    public bool OppsCapApplied => (_base & BaseFlags.OppsCap) != 0;

    /// <summary>The anesthesia price of an anesthesia line; null otherwise.</summary>
    public AnesthesiaPrice? Anesthesia => ObjectPrice?.Anesthesia;

    /// <summary>Whole cents of the allowed amount, the lesser of billed and allowed, the patient's share (deductible
    /// plus coinsurance) and Medicare's payment (after sequestration), as <see cref="ClaimLinePrice"/> gives them;
    /// null when the line has no amount.</summary>
    public long? AllowedCents => _allowed == NoAmount ? null : _allowed;
    public long? LesserOfBilledCents => _lesser == NoAmount ? null : _lesser;
    public long? PatientShareCents => _patientShare == NoAmount ? null : _patientShare;
    public long? MedicarePaymentCents => _payment == NoAmount ? null : _payment;
}

/// <summary>
/// A caller-owned, reusable buffer of priced claim lines for batch pricing (<see cref="MedicareClaimPricer.PriceInto"/>):
/// each claim's lines are appended in the claim's line order. The usual claim is priced into it without a heap
/// object: the lines' results and adjustment labels go into arrays the buffer keeps and reuses after
/// <see cref="Clear"/>. Not thread-safe: one per thread.
/// </summary>
public sealed class ClaimLineResults
{
    private ClaimLineResult[] _lines = new ClaimLineResult[16];
    private AdjustmentLabel[] _labels = new AdjustmentLabel[16];
    private int[] _labelLines = new int[16]; // the line (results index) each label belongs to, while a claim is priced
    // Where each line's labels are in _labels (beside the lines, so that a claim's end does not rewrite its lines).
    private (int First, int Count)[] _lineLabels = new (int, int)[16];
    private int _labelCount;

    /// <summary>The lines priced since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public ref readonly ClaimLineResult this[int index] => ref _lines[CheckIndex(index)];

    /// <summary>Forgets every line (keeping the arrays for the next batch).</summary>
    public void Clear()
    {
        Array.Clear(_lines, 0, Count);
        Array.Clear(_labels, 0, _labelCount);
        Count = 0;
        _labelCount = 0;
    }

    /// <summary>The line's payment-policy steps, in the order applied.</summary>
    public ReadOnlySpan<AdjustmentLabel> AdjustmentsOf(int index)
    {
        var (first, count) = _lineLabels[CheckIndex(index)];
        return _labels.AsSpan(first, count);
    }

    /// <summary>The adjustments as <see cref="ClaimLinePrice.AdjustmentsText"/> words them, separated by '|'.</summary>
    public string AdjustmentsText(int index) => string.Join('|', AdjustmentsOf(index).ToArray());

    private int CheckIndex(int index) =>
        (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"expected 0 to {Count - 1}");

    /// <summary>Appends a line.</summary>
    internal void Add(in ClaimLineResult line)
    {
        if (Count == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
            Array.Resize(ref _lineLabels, _lines.Length);
        }
        _lineLabels[Count] = default;
        _lines[Count++] = line;
    }

    /// <summary>
    /// Ends a claim whose lines start at <paramref name="firstLine"/> and whose labels were given after
    /// <paramref name="mark"/>: the labels, given in the order the steps were applied across the claim's lines, are
    /// put in line order (stable: each line's keep their order) and each line told where its own are.
    /// </summary>
    internal void EndClaim(int firstLine, int mark)
    {
        if (_labelCount == mark) return; // no steps: every line keeps no labels
        // Insertion sort by line: a claim has a handful of steps, and this allocates nothing.
        for (var k = mark + 1; k < _labelCount; k++)
        {
            if (_labelLines[k] >= _labelLines[k - 1]) continue; // already after the labels before it
            var (label, line) = (_labels[k], _labelLines[k]);
            var j = k - 1;
            while (j >= mark && _labelLines[j] > line)
            {
                (_labels[j + 1], _labelLines[j + 1]) = (_labels[j], _labelLines[j]);
                j--;
            }
            (_labels[j + 1], _labelLines[j + 1]) = (label, line);
        }
        for (int k = mark, i = firstLine; i < Count; i++)
        {
            var first = k;
            while (k < _labelCount && _labelLines[k] == i) k++;
            if (k > first) _lineLabels[i] = (first, k - first);
        }
    }

    /// <summary>The number of labels held: a claim's labels are those given after it.</summary>
    internal int LabelMark => _labelCount;

    /// <summary>Drops the labels given after <paramref name="mark"/> (a claim the whole-cent path gave up on).</summary>
    internal void DropLabels(int mark)
    {
        Array.Clear(_labels, mark, _labelCount - mark);
        _labelCount = mark;
    }

    /// <summary>A step of the line at results index <paramref name="line"/>.</summary>
    internal void AddLabel(int line, string policy, string detail)
    {
        if (_labelCount == _labels.Length)
        {
            Array.Resize(ref _labels, _labels.Length * 2);
            Array.Resize(ref _labelLines, _labelLines.Length * 2);
        }
        _labels[_labelCount] = new AdjustmentLabel(policy, detail);
        _labelLines[_labelCount] = line;
        _labelCount++;
    }
}
