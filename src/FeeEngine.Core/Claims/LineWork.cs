using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

/// <summary>
/// A claim line while the payment policies run over it: its fee schedule amount per unit (decimal, unrounded
/// after the first policy), the line-level factors, and the steps so far. Rounded once, at the end.
/// </summary>
internal sealed class LineWork(int index, ClaimLine line, PfsPrice basePrice)
{
    public int Index { get; } = index;
    public ClaimLine Line { get; } = line;
    public PfsPrice Base { get; } = basePrice;
    public AnesthesiaPrice? Anesthesia { get; set; }
    public PricingOutcome Outcome { get; set; } = basePrice.Outcome;
    public string? Message { get; set; } = basePrice.Message;

    /// <summary>The amount of each unit of service, starting at the fee schedule amount.</summary>
    public decimal[] Units { get; } = basePrice.IsPriced ? Filled(basePrice.UnitAmount.Amount, line.Service.Units) : [];

    private static decimal[] Filled(decimal value, int count)
    {
        var units = new decimal[count];
        Array.Fill(units, value);
        return units;
    }

    /// <summary>The line's amount before rounding: the units' amounts times the bilateral and role factors.</summary>
    public decimal Total()
    {
        var sum = 0m;
        foreach (var u in Units) sum += u;
        return sum * Bilateral * Role;
    }

    /// <summary>Bilateral factor (50: 150%/200%/100%; the second side of an RT/LT pair: its share).</summary>
    public decimal Bilateral { get; set; } = 1m;

    /// <summary>Co-surgeon, assistant and non-physician-practitioner factors, multiplied.</summary>
    public decimal Role { get; set; } = 1m;

    /// <summary>The other side of an RT/LT bilateral pair.</summary>
    public LineWork? Partner { get; set; }

    /// <summary>True for the second side of an RT/LT pair: it is ranked together with its partner.</summary>
    public bool IsSecondSide { get; set; }

    private List<Adjustment>? _adjustments;

    /// <summary>The steps so far; most lines have none, so the list is made on the first.</summary>
    public IReadOnlyList<Adjustment> Adjustments => _adjustments ?? (IReadOnlyList<Adjustment>)[];

    public bool HasAdjustment(string policy)
    {
        if (_adjustments is null) return false;
        foreach (var a in _adjustments) if (a.Policy == policy) return true;
        return false;
    }

    public bool IsPriced => Outcome == PricingOutcome.Priced;
    public RvuRecord? Row => Base.Rvu;
    public HcpcsCode Code => Line.Service.Code;

    private string? _tieKey;

    /// <summary>A stable ordering key independent of the line's position in the file (ties in rankings).</summary>
    public string TieKey => _tieKey ??= TieKeyOf(Line);

    /// <summary>The ordering key of a line in ranking ties: code, modifiers and line id (compared ordinally).</summary>
    public static string TieKeyOf(ClaimLine line) => $"{line.Service.Code}|{line.Service.Modifiers}|{line.LineId}";

    public void NotPayable(string message)
    {
        Outcome = PricingOutcome.NotPayable;
        Message = message;
    }

    public void Add(string policy, string detail, Func<string> explanation) => (_adjustments ??= []).Add(new Adjustment(policy, detail, explanation));

    public bool Has(Modifier modifier) => Line.Service.Modifiers.Contains(modifier);
}
