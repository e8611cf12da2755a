using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Anesthesia;

/// <summary>
/// The Medicare allowance of one anesthesia line, with the steps that produced it. A class, and the explanation is
/// built with the price: anesthesia lines are rare, so the allocation does not matter.
/// </summary>
public sealed class AnesthesiaPrice
{
    internal AnesthesiaPrice(in PfsLine line, PricingOutcome outcome, string? message, IReadOnlyList<string> steps)
    {
        Line = line;
        Outcome = outcome;
        Message = message;
        Steps = steps;
    }

    public PfsLine Line { get; }
    public PricingOutcome Outcome { get; }

    /// <summary>Why the line was not priced; null when priced.</summary>
    public string? Message { get; }

    public bool IsPriced => Outcome == PricingOutcome.Priced;

    /// <summary>Base units paid: the code's (from the base-unit table), or 3 under AD; 0 when not priced.</summary>
    public decimal BaseUnits { get; internal init; }

    /// <summary>Time units paid: minutes / 15 to one decimal; 0 under AD and when not priced.</summary>
    public decimal TimeUnits { get; internal init; }

    /// <summary>The anesthesia minutes given with the line (null when none were).</summary>
    public int? Minutes { get; internal init; }

    /// <summary>The locality's anesthesia CF from the ANES file (published rounded to cents); 0 when not found.</summary>
    public decimal LocalityConversionFactor { get; internal init; }

    /// <summary>The id of the release whose ANES file gave the CF, e.g. RVU25D; null when none did.</summary>
    public string? AnesthesiaRelease { get; internal init; }

    /// <summary>The share of the personally performed amount paid: 1 (AA, QZ, AD) or 0.5 (QK, QX, QY).</summary>
    public decimal ModifierFactor { get; internal init; } = 1m;

    /// <summary>The payment modifier's rule in words, e.g. "QK medical direction: 50%"; null when none was decided.</summary>
    public string? ModifierRule { get; internal init; }

    /// <summary>(base units + time units) x CF x modifier factor at full precision, before rounding.</summary>
    public decimal AllowedUnrounded { get; internal init; }

    /// <summary>The Medicare allowed amount: <see cref="AllowedUnrounded"/> rounded once to cents (away from zero).</summary>
    public Money.Money Allowed { get; internal init; } = Money.Money.Zero;

    /// <summary>The steps that produced the amount (or the reason it was not priced), in words a finance analyst can check.</summary>
    public IReadOnlyList<string> Steps { get; }
}
