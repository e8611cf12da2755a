namespace FeeEngine.Core.Pfs;

/// <summary>What became of a line.</summary>
public enum PricingOutcome
{
    /// <summary>An amount was computed.</summary>
    Priced,
    /// <summary>The PFS pays nothing for this line as billed (status, contractor pricing); the message says why.</summary>
    NotPayable,
    /// <summary>The line cannot be priced as given (unknown code, disallowed modifier, no data for the date); the message says why.</summary>
    Error,
}
