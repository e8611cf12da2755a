using FeeEngine.Core.Contracts;

namespace FeeEngine.Application.Pricing;

/// <summary>A line's payer-contract result as <c>feeengine price --payer --json</c> prints it.</summary>
public sealed record ContractReport
{
    public required string Outcome { get; init; }
    public decimal? Expected { get; init; }
    public decimal? ContractAmount { get; init; }
    public string? Contract { get; init; }
    public string? ContractVersion { get; init; }
    public string? Term { get; init; }
    public string? Reason { get; init; }
    public required IReadOnlyList<string> Steps { get; init; }

    public static ContractReport From(ExpectedLinePrice line) => new()
    {
        Outcome = line.IsPriced ? "priced" : "unpriced",
        Expected = line.Expected?.Amount,
        ContractAmount = line.ContractAmount?.Amount,
        Contract = line.Contract?.ToString(),
        ContractVersion = line.Version?.Label,
        Term = line.Term,
        Reason = line.Reason,
        Steps = line.ExplainSteps(),
    };
}
