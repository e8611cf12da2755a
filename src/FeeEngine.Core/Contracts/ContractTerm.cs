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
/// <param name="Name">The term's name as reports show it, e.g. "E&amp;M at 110% of Medicare".</param>
/// <param name="Percent">The percentage, e.g. 120 for 120%.</param>
public sealed record ContractTerm(string Name, CodeScope Scope, TermMethod Method, decimal Percent, MedicareBase? Base = null)
{
    public MedicareBase MedicareBase => Base ?? MedicareBase.Current;

    /// <summary>The term in words, e.g. "120% of Medicare as of 2024-01-01 for all codes".</summary>
    public string Describe() => Method switch
    {
        TermMethod.PercentOfMedicare => $"{Percent:0.###}% of {MedicareBase} for {Scope.Description}",
        _ => $"{Percent:0.###}% of billed charges for {Scope.Description}",
    };
}
