namespace FeeEngine.Core.Contracts;

/// <summary>How a term turns a line into an amount.</summary>
public enum TermMethod
{
    /// <summary><see cref="ContractTerm.Percent"/> of a Medicare amount (<see cref="ContractTerm.Base"/>).</summary>
    PercentOfMedicare,
    /// <summary><see cref="ContractTerm.Percent"/> of the line's billed charge.</summary>
    PercentOfCharges,
}

/// <summary>
/// One pricing term of a contract version: which codes it covers and how it pays them. A term applies to a line when
/// its scope includes the code and it can price the line (Medicare pays the code in the base schedule; the line has a
/// billed charge); otherwise the next term is tried.
/// </summary>
public sealed record ContractTerm
{
    // Percentages with up to 4 decimals, up to 1000% (every valid contract), are applied in whole numbers:
    // cents x percent x 10^4, then divided with the half rounded away from zero, exactly as decimal arithmetic would.
    private const long MaxScaledPercent = 10_000_000;      // 1000% x 10^4
    private const long MaxFastCents = 100_000_000_000;     // $1 billion: the product stays far inside a long
    private readonly decimal _percent;
    private readonly long _scaledPercent;

    /// <param name="name">The term's name as reports show it, e.g. "E&amp;M at 110% of Medicare".</param>
    /// <param name="percent">The percentage, e.g. 120 for 120%.</param>
    public ContractTerm(string name, CodeScope scope, TermMethod method, decimal percent, MedicareBase? medicareBase = null)
    {
        Name = name;
        Scope = scope;
        Method = method;
        Percent = percent;
        Base = medicareBase;
    }

    public string Name { get; init; }
    public CodeScope Scope { get; init; }
    public TermMethod Method { get; init; }
    public MedicareBase? Base { get; init; }

    /// <summary>The percentage, e.g. 120 for 120%.</summary>
    public decimal Percent
    {
        get => _percent;
        init
        {
            _percent = value;
            var scaled = value * 10_000m;
            _scaledPercent = scaled >= 0m && scaled <= MaxScaledPercent && decimal.Truncate(scaled) == scaled ? (long)scaled : -1;
        }
    }

    public MedicareBase MedicareBase => Base ?? MedicareBase.Current;

    /// <summary>The percentage of an amount in whole cents, rounded once to cents, half away from zero.</summary>
    public long PercentOfCents(long cents)
    {
        if (_scaledPercent >= 0 && cents is >= 0 and < MaxFastCents)
            return ((cents * _scaledPercent) + 500_000L) / 1_000_000L;   // / (100 x 10^4), half away from zero
        return (long)decimal.Round(cents * Percent / 100m, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The term in words, e.g. "120% of Medicare as of 2024-01-01 for all codes".</summary>
    public string Describe() => Method switch
    {
        TermMethod.PercentOfMedicare => $"{Percent:0.###}% of {MedicareBase} for {Scope.Description}",
        _ => $"{Percent:0.###}% of billed charges for {Scope.Description}",
    };
}
