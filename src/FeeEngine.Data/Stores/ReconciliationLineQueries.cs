using Dapper;

namespace FeeEngine.Data.Stores;

/// <summary>A stored reconciliation line (one that needed attention), amounts in dollars; null where the line had none.</summary>
/// <param name="Actual">What the payer recognised: payer allowed, or paid + patient responsibility.</param>
/// <param name="Variance">Actual - expected.</param>
public sealed record StoredReconciliationLine(
    long Seq, string ClaimId, string? LineId, string? DateOfService, string? Hcpcs, string? Modifiers, int? Units, string? Payer,
    string Category, string? MatchRule, decimal? Expected, decimal? Paid, decimal? PayerAllowed, decimal? PatientResponsibility,
    decimal? Actual, decimal? Variance, string? Contract, string? ContractVersion, string? Term, string? AdjustmentCodes, string? Note, string? Source);

/// <summary>Reads a stored run and its lines, for the underpayment export.</summary>
public sealed class ReconciliationLineQueries(FeeEngineDatabase database)
{
    /// <summary>The run, or null when no run has the id.</summary>
    public ReconciliationRun? FindRunOrNull(string runId) =>
        new ReconciliationStore(database, TimeProvider.System).Runs().FirstOrDefault(r => r.RunId == runId);

    /// <summary>The run's stored lines of the given categories (e.g. "underpaid", "denied"), in the order they were reconciled.</summary>
    public IReadOnlyList<StoredReconciliationLine> Lines(string runId, IReadOnlyCollection<string> categories)
    {
        using var connection = database.Open();
        var rows = connection.Query<Row>(
            "SELECT seq AS Seq, claim_id AS ClaimId, line_id AS LineId, date_of_service AS DateOfService, hcpcs AS Hcpcs, modifiers AS Modifiers, units AS Units, " +
            "payer AS Payer, category AS Category, match_rule AS MatchRule, expected_cents AS ExpectedCents, paid_cents AS PaidCents, allowed_cents AS AllowedCents, " +
            "patient_cents AS PatientCents, actual_cents AS ActualCents, variance_cents AS VarianceCents, contract AS Contract, contract_version AS ContractVersion, " +
            "term AS Term, adjustment_codes AS AdjustmentCodes, note AS Note, source AS Source " +
            "FROM reconciliation_line WHERE run_id = @runId AND category IN @categories ORDER BY seq", new { runId, categories });
        return [.. rows.Select(r => new StoredReconciliationLine(
            r.Seq, r.ClaimId, r.LineId, r.DateOfService, r.Hcpcs, r.Modifiers, r.Units is null ? null : (int)r.Units.Value, r.Payer, r.Category, r.MatchRule,
            D(r.ExpectedCents), D(r.PaidCents), D(r.AllowedCents), D(r.PatientCents), D(r.ActualCents), D(r.VarianceCents),
            r.Contract, r.ContractVersion, r.Term, r.AdjustmentCodes, r.Note, r.Source))];
    }

    private static decimal? D(long? cents) => cents is { } c ? c / 100m : null;

    private sealed class Row
    {
        public long Seq { get; set; }
        public string ClaimId { get; set; } = "";
        public string? LineId { get; set; }
        public string? DateOfService { get; set; }
        public string? Hcpcs { get; set; }
        public string? Modifiers { get; set; }
        public long? Units { get; set; }
        public string? Payer { get; set; }
        public string Category { get; set; } = "";
        public string? MatchRule { get; set; }
        public long? ExpectedCents { get; set; }
        public long? PaidCents { get; set; }
        public long? AllowedCents { get; set; }
        public long? PatientCents { get; set; }
        public long? ActualCents { get; set; }
        public long? VarianceCents { get; set; }
        public string? Contract { get; set; }
        public string? ContractVersion { get; set; }
        public string? Term { get; set; }
        public string? AdjustmentCodes { get; set; }
        public string? Note { get; set; }
        public string? Source { get; set; }
    }
}
