using FeeEngine.Core.Pfs;

namespace FeeEngine.Core.Claims;

// The explanations of the steps CentsPolicyPath applies: the facts of one step, worded by the same functions as the
// general path's (so both explain alike), only when an explanation is asked for.

/// <summary>A surgery ranked 2nd or later, paid 50%.</summary>
internal sealed class RankedStep(int rank, int count, long cents, int lineUnits, int unit) : AdjustmentExplanation
{
    public override string Text() => MultipleProcedures.RankExplanation(rank, count, ScaledRates.CentsToDecimal(cents), lineUnits, unit);
}

/// <summary>The highest-ranked surgery, paid in full.</summary>
internal sealed class HighestStep(int count) : AdjustmentExplanation
{
    public override string Text() => MultipleProcedures.HighestExplanation(count);
}

/// <summary>A diagnostic test's TC or PC after the highest, reduced.</summary>
internal sealed class DiagnosticStep(string policy, string component, int rank, int count, long cents, decimal reduction, int lineUnits, int unit)
    : AdjustmentExplanation
{
    public override string Text() =>
        DiagnosticReductions.Explanation(policy, component, rank, count, ScaledRates.CentsToDecimal(cents), reduction, lineUnits, unit);
}

/// <summary>Therapy units after the highest practice-expense unit, paid with half their PE.</summary>
internal sealed class TherapyStep(int units, decimal reduced) : AdjustmentExplanation
{
    public override string Text() => TherapyReduction.Explanation(units, reduced);
}

/// <summary>An endoscopy family's step: its billed base included, its highest member, or a further member less the base.</summary>
internal sealed class EndoscopyStep(Codes.HcpcsCode family, long ownCents, long baseCents, long reducedCents, int kind) : AdjustmentExplanation
{
    public const int BaseIncluded = 0, Highest = 1, MinusBase = 2;

    public override string Text() => kind switch
    {
        BaseIncluded => MultipleProcedures.BaseIncludedExplanation(family.ToString()),
        Highest => MultipleProcedures.FamilyHighestExplanation(family.ToString()),
        _ => MultipleProcedures.MinusBaseExplanation(family.ToString(), ScaledRates.CentsToDecimal(ownCents), ScaledRates.CentsToDecimal(baseCents),
            ScaledRates.CentsToDecimal(reducedCents)),
    };
}

/// <summary>
/// Receives the steps <see cref="CentsPolicyPath"/> applies, line by line in the order applied. A struct type
/// parameter, so each receiver gets its own compiled path: the object API keeps every step with its explanation
/// (<see cref="ObjectSteps"/>); batch pricing (<see cref="MedicareClaimPricer.PriceInto"/>) keeps only the policy and detail a price file writes.
/// </summary>
internal interface IPolicySteps
{
    /// <summary>A surgery unit ranked <paramref name="rank"/> (2 or later) of <paramref name="count"/>, paid 50%.</summary>
    void Ranked(int line, int rank, int count, long unitCents, int lineUnits, int unit);

    /// <summary>The highest of <paramref name="count"/> ranked surgeries, paid in full.</summary>
    void Highest(int line, int count);

    /// <summary>A diagnostic TC or PC unit after the highest, reduced by <paramref name="reduction"/>.</summary>
    void Diagnostic(int line, string policy, string detail, string component, int rank, int count, long componentCents, decimal reduction, int lineUnits, int unit);

    /// <summary><paramref name="units"/> therapy units of the line paid <paramref name="reduced"/> each.</summary>
    void Therapy(int line, int units, decimal reduced);

    /// <summary>The billed base endoscopy of a valued family, not paid separately.</summary>
    void EndoscopyBaseIncluded(int line, Codes.HcpcsCode family);

    /// <summary>The highest-valued unit of an endoscopy family, paid in full.</summary>
    void EndoscopyHighest(int line, Codes.HcpcsCode family);

    /// <summary>A further unit of an endoscopy family: its fee less the base's, not below zero.</summary>
    void EndoscopyMinusBase(int line, Codes.HcpcsCode family, long ownCents, long baseCents, long reducedCents);
}

/// <summary>The steps as <see cref="Adjustment"/>s with their explanations, one exact-size array per line.</summary>
internal struct ObjectSteps(int lines) : IPolicySteps
{
    private readonly Adjustment[]?[] _byLine = new Adjustment[]?[lines];

    // One shared explanation per procedure count (the step says only how many procedures were ranked).
    private static readonly HighestStep[] HighestSteps = [.. Enumerable.Range(0, 65).Select(n => new HighestStep(n))];

    public readonly Adjustment[]? Of(int line) => _byLine[line];

    public readonly void Ranked(int line, int rank, int count, long unitCents, int lineUnits, int unit) =>
        Add(line, new Adjustment("mult_proc", MultipleProcedures.RankDetail(rank), new RankedStep(rank, count, unitCents, lineUnits, unit)));

    public readonly void Highest(int line, int count) =>
        Add(line, new Adjustment("mult_proc", MultipleProcedures.HighestDetail, count < HighestSteps.Length ? HighestSteps[count] : new HighestStep(count)));

    public readonly void Diagnostic(int line, string policy, string detail, string component, int rank, int count, long componentCents, decimal reduction, int lineUnits, int unit) =>
        Add(line, new Adjustment(policy, detail, new DiagnosticStep(policy, component, rank, count, componentCents, reduction, lineUnits, unit)));

    public readonly void Therapy(int line, int units, decimal reduced) =>
        Add(line, new Adjustment("therapy", TherapyReduction.Detail(units), new TherapyStep(units, reduced)));

    public readonly void EndoscopyBaseIncluded(int line, Codes.HcpcsCode family) =>
        Add(line, new Adjustment("endoscopy", MultipleProcedures.BaseIncludedDetail, new EndoscopyStep(family, 0, 0, 0, EndoscopyStep.BaseIncluded)));

    public readonly void EndoscopyHighest(int line, Codes.HcpcsCode family) =>
        Add(line, new Adjustment("endoscopy", MultipleProcedures.FamilyHighestDetail, new EndoscopyStep(family, 0, 0, 0, EndoscopyStep.Highest)));

    public readonly void EndoscopyMinusBase(int line, Codes.HcpcsCode family, long ownCents, long baseCents, long reducedCents) =>
        Add(line, new Adjustment("endoscopy", MultipleProcedures.MinusBaseDetail(ScaledRates.CentsToDecimal(baseCents)),
            new EndoscopyStep(family, ownCents, baseCents, reducedCents, EndoscopyStep.MinusBase)));

    /// <summary>Appends a step to the line's: exact-size arrays, as almost every line gets one step.</summary>
    private readonly void Add(int line, Adjustment adjustment)
    {
        var steps = _byLine[line];
        if (steps is null)
        {
            _byLine[line] = [adjustment];
            return;
        }
        Array.Resize(ref steps, steps.Length + 1);
        steps[^1] = adjustment;
        _byLine[line] = steps;
    }
}
