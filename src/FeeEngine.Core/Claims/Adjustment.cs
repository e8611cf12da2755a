namespace FeeEngine.Core.Claims;

/// <summary>
/// One payment-policy step applied to a line, written <c>policy:detail</c> as the price-file output shows it,
/// e.g. <c>mult_proc:rank2:50%</c>, <c>bilateral:150%</c>, <c>therapy:2_units:50%PE</c>.
/// </summary>
public readonly struct Adjustment
{
    // A Func<string>, or an AdjustmentExplanation (one object instead of a closure and its delegate: the
    // whole-cent path makes one per step of millions of lines).
    private readonly object _explanation;

    public Adjustment(string policy, string detail, Func<string> explanation)
    {
        Policy = policy;
        Detail = detail;
        _explanation = explanation;
    }

    internal Adjustment(string policy, string detail, AdjustmentExplanation explanation)
    {
        Policy = policy;
        Detail = detail;
        _explanation = explanation;
    }

    public string Policy { get; }
    public string Detail { get; }

    /// <summary>The step in words. Built when asked for: batch pricing writes only <see cref="ToString"/>.</summary>
    public string Explanation => _explanation is Func<string> f ? f() : ((AdjustmentExplanation)_explanation).Text();

    public override string ToString() => $"{Policy}:{Detail}";
}

/// <summary>The facts a step is explained from, turned into words only when asked for.</summary>
internal abstract class AdjustmentExplanation
{
    public abstract string Text();
}
