using FeeEngine.Core.Claims;

namespace FeeEngine.Core.Contracts;

/// <summary>Whether a contract gave the line an expected amount.</summary>
public enum ExpectedOutcome
{
    Priced,
    /// <summary>No contract, version or term prices the line; <see cref="ExpectedLinePrice.Reason"/> says why.</summary>
    Unpriced,
}

/// <summary>
/// What a payer's contract says a claim line should be paid: the amount, the contract, version and term used, and
/// the steps in words (built when asked for).
/// </summary>
public sealed class ExpectedLinePrice
{
    private readonly Func<IReadOnlyList<string>> _steps;

    internal ExpectedLinePrice(ClaimLine line, Func<IReadOnlyList<string>> steps)
    {
        Line = line;
        _steps = steps;
    }

    public ClaimLine Line { get; }
    public ExpectedOutcome Outcome { get; init; }
    /// <summary>The expected amount for all units, after the lesser-of-billed rule when the contract has it.</summary>
    public Money.Money? Expected { get; init; }
    /// <summary>The contract amount before the lesser-of-billed rule.</summary>
    public Money.Money? ContractAmount { get; init; }
    public Contract? Contract { get; init; }
    public ContractVersion? Version { get; init; }
    /// <summary>The term that priced the line, as reports name it (a term's name, "carve-out" or "fee schedule ...").</summary>
    public string? Term { get; init; }
    /// <summary>Why the line is unpriced; null when priced.</summary>
    public string? Reason { get; init; }
    /// <summary>The Medicare pricing the amount was based on, when a percent-of-Medicare term priced the line.</summary>
    public ClaimLinePrice? MedicareBasis { get; init; }

    public bool IsPriced => Outcome == ExpectedOutcome.Priced;

    /// <summary>Every step in words: contract and version, term, base amount, percentage or fee, policies, lesser-of.</summary>
    public IReadOnlyList<string> ExplainSteps() => _steps();
}

/// <summary>The expected amounts of a claim's lines under one payer, in line order.</summary>
public sealed record ContractClaimPrice(Claim Claim, string Payer, IReadOnlyList<ExpectedLinePrice> Lines);
