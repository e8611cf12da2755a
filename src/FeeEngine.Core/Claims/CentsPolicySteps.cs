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
