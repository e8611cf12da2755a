using System.Globalization;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Contracts;

/// <summary>Whether a contract gave the line an expected amount.</summary>
public enum ExpectedOutcome
{
    Priced,
    /// <summary>No contract, version or term prices the line; <see cref="ExpectedLinePrice.Reason"/> says why.</summary>
    Unpriced,
}

/// <summary>How the contract amount of a priced line was found.</summary>
public enum ContractBasis
{
    /// <summary>A fixed fee (a carve-out or an imported fee schedule row) x units, with Medicare's percentages.</summary>
    FixedFee,
    /// <summary>A percentage of the Medicare amount (<see cref="ExpectedLinePrice.MedicareBasis"/>).</summary>
    PercentOfMedicare,
    /// <summary>A percentage of the billed charge.</summary>
    PercentOfCharges,
}

/// <summary>
/// What a payer's contract says a claim line should be paid: the amount, the contract, version and term used, and
/// what it was computed from, so that <see cref="ExplainSteps"/> can spell it out when asked (a price file never asks).
/// </summary>
public sealed class ExpectedLinePrice
{
    private const long NoAmount = long.MinValue;
    private readonly long _expected = NoAmount, _contractAmount = NoAmount;

    internal ExpectedLinePrice(ClaimLine line) => Line = line;

    public ClaimLine Line { get; }
    public ExpectedOutcome Outcome { get; internal init; }
    public Contract? Contract { get; internal init; }
    public ContractVersion? Version { get; internal init; }
    /// <summary>The term that priced the line, as reports name it (a term's name, "carve-out ..." or "fee schedule ...").</summary>
    public string? Term { get; internal init; }
    /// <summary>Why the line is unpriced; null when priced.</summary>
    public string? Reason { get; internal init; }
    public ContractBasis Basis { get; internal init; }
    /// <summary>The Medicare pricing the amount came from (percent of Medicare), or whose policies reduced a fixed fee.</summary>
    public ClaimLinePrice? MedicareBasis { get; internal init; }
    /// <summary>The term's percentage (percent of Medicare or of charges).</summary>
    public decimal Percent { get; internal init; }
    /// <summary>The Medicare base schedule of a percent-of-Medicare term.</summary>
    public MedicareBase? MedicareBase { get; internal init; }
    /// <summary>The amount the percentage was taken of: Medicare's (whole cents) or the billed charge.</summary>
    public decimal PercentOf { get; internal init; }
    public FixedFee? Fee { get; internal init; }
    /// <summary>Where the fixed fee came from, e.g. "fee schedule 'acme.xlsx' (2025-01-01..2025-12-31)".</summary>
    public string? FeeSource { get; internal init; }
    /// <summary>Units times Medicare's percentages applied to the fee (e.g. 0.5 for a second-ranked procedure).</summary>
    public decimal FeeFactor { get; internal init; }
    public bool LesserOfBilledApplied { get; internal init; }

    internal (long Expected, long ContractAmount) Cents { init => (_expected, _contractAmount) = value; }

    /// <summary>Whole cents of <see cref="Expected"/>, for writers of large files; null when unpriced.</summary>
    public long? ExpectedCents => _expected == NoAmount ? null : _expected;

    /// <summary>The expected amount for all units, after the lesser-of-billed rule when the contract has it.</summary>
    public Money.Money? Expected => _expected == NoAmount ? null : new Money.Money(_expected / 100m);

    /// <summary>The contract amount before the lesser-of-billed rule.</summary>
    public Money.Money? ContractAmount => _contractAmount == NoAmount ? null : new Money.Money(_contractAmount / 100m);

    public bool IsPriced => Outcome == ExpectedOutcome.Priced;

    /// <summary>Every step in words: contract and version, term, base amount, percentage or fee, policies, lesser-of.</summary>
    public IReadOnlyList<string> ExplainSteps()
    {
        var steps = new List<string>();
        if (Contract is { } contract)
            steps.Add($"Contract '{contract.Name}' of payer '{contract.Payer}'" + (Version is null ? " (fee schedule only)" : $", version '{Version.Label}' ({Version.Period})") + ".");
        if (!IsPriced)
        {
            steps.Add($"Unpriced: {Reason}.");
            return steps;
        }
        steps.Add($"Term: {Term}.");
        var amount = ContractAmount!.Value;
        switch (Basis)
        {
            case ContractBasis.PercentOfCharges:
                steps.Add($"{P(Percent)}% of the billed charge {M(PercentOf)} = {amount}.");
                break;
            case ContractBasis.PercentOfMedicare:
                var basis = MedicareBasis!;
                steps.Add($"Base: {MedicareBase}: the line priced by Medicare on {EffectivePeriod.Iso(basis.Line.Service.DateOfService)}, locality {basis.Line.Service.Locality}:");
                steps.AddRange(basis.ExplainSteps().Select(s => "  " + s));
                steps.Add(Version?.MedicarePolicies ?? true
                    ? $"Medicare amount after its payment policies{(basis.Adjustments.Count > 0 ? $" ({basis.AdjustmentsText})" : "")}: {M(PercentOf)}."
                    : $"Medicare fee schedule amount without payment policies (the version does not apply them): {M(PercentOf)}.");
                steps.Add($"{P(Percent)}% of {M(PercentOf)} = {amount}.");
                break;
            default:
                var fee = Fee!.Value;
                steps.Add($"Fixed fee {fee.Amount} per unit for {fee.Code}{(fee.Modifier.IsNone ? "" : "-" + fee.Modifier)}, from {FeeSource}.");
                if (MedicareBasis is { } medicare && (Version?.MedicarePolicies ?? true))
                {
                    FixedFeePolicies.UnitFactor(medicare.Adjustments, Line.Service.Units, out var applied);
                    foreach (var a in applied) steps.Add($"Medicare payment policy carried to the fee: {a}.");
                }
                steps.Add($"{fee.Amount} x {FeeFactor.ToString("0.####", CultureInfo.InvariantCulture)} (units and policies) = {amount}.");
                break;
        }
        if (Version is { LesserOfBilled: true })
            steps.Add(Line.BilledCharge is { } billed
                ? $"Lesser of billed charge {billed} and contract amount {amount}: {Expected}{(LesserOfBilledApplied ? " (the charge)" : "")}."
                : "Lesser of billed: the line has no billed charge; the contract amount stands.");
        steps.Add($"Expected: {Expected}.");
        return steps;
    }

    private static string P(decimal percent) => percent.ToString("0.###", CultureInfo.InvariantCulture);

    private static string M(decimal amount) => new Money.Money(amount).ToString();
}

/// <summary>The expected amounts of a claim's lines under one payer, in line order.</summary>
public sealed record ContractClaimPrice(Claim Claim, string Payer, IReadOnlyList<ExpectedLinePrice> Lines);
