namespace FeeEngine.Application.Jobs;

/// <summary>The kinds of job the worker runs, and their arguments (stored as snake_case JSON).</summary>
public static class JobKinds
{
    public const string PriceFile = "price-file";
    public const string Reconcile = "reconcile";
    public const string ImportCms = "import-cms";
}

/// <summary>Price a claim-line CSV into an output CSV, as <c>feeengine price-file</c> does.</summary>
public sealed record PriceFileArguments(string Input, string Output, string? Payer = null);

/// <summary>Reconcile a paid-lines CSV or an 835 (with the billed claims), as <c>feeengine reconcile</c> does.</summary>
public sealed record ReconcileArguments(string Input, string Output, string? Claims = null, string? Payer = null,
    decimal ToleranceUsd = 1.00m, decimal TolerancePct = 2m, string? Tolerances = null);

/// <summary>Import CMS files or folders, as <c>feeengine import cms</c> does.</summary>
public sealed record ImportCmsArguments(IReadOnlyList<string> Paths);
