using System.Data.Common;
using System.Globalization;
using Dapper;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

/// <summary>A stored reconciliation run, for listings and the export of underpayments.</summary>
public sealed record ReconciliationRun(string RunId, string CreatedAt, string SourceFile, string? ClaimsFile, string? Payer, decimal ToleranceUsd, decimal TolerancePct, long LineCount, string Status);

/// <summary>
/// Stores reconciliation runs for the underpayment exports: the run, its summary (by payer, code and reason) and every
/// line that needs attention (underpaid, overpaid, denied, unmatched, without an expected amount, reversals), amounts
/// in whole cents. Lines paid as expected are counted in the summary and written to the results CSV, not stored line
/// by line: in a normal remittance they are most lines, and nobody appeals them. A run is one transaction (lines added
/// as they are reconciled through <see cref="RunWriter"/>, committed with the run marked complete); a run that fails
/// leaves nothing behind.
/// </summary>
public sealed class ReconciliationStore(FeeEngineDatabase database, TimeProvider clock)
{
    /// <summary>Starts a run; lines are added through the returned writer, in one transaction, committed by <see cref="RunWriter.Complete"/>.</summary>
    public RunWriter Start(string sourceFile, string? claimsFile, string? payer, Tolerance tolerance)
    {
        var now = clock.GetUtcNow();
        var runId = $"R{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}";
        var connection = database.Open();
        var tx = connection.BeginTransaction();
        connection.Execute(new CommandDefinition(
            "INSERT INTO reconciliation_run (run_id, created_at, source_file, claims_file, payer, tolerance_usd, tolerance_pct, line_count, status) VALUES (@RunId, @Now, @Source, @Claims, @Payer, @Usd, @Pct, 0, 'incomplete')",
            new { RunId = runId, Now = now.ToString("O", CultureInfo.InvariantCulture), Source = Path.GetFileName(sourceFile), Claims = claimsFile is null ? null : Path.GetFileName(claimsFile), Payer = payer,
                  Usd = database.Dialect.ExactNumber(tolerance.Dollars), Pct = database.Dialect.ExactNumber(tolerance.Percent) }, tx));
        return new RunWriter(runId, connection, tx);
    }

    /// <summary>A run's stored summary rows (payer, code, reason), amounts in dollars.</summary>
    public IReadOnlyList<SummaryRow> Summary(string runId)
    {
        using var connection = database.Open();
        return [.. connection.Query<(string Dimension, string Key, long Lines, long Expected, long Actual, long Variance, long Underpaid, long Shortfall, long Denied)>(
                "SELECT dimension, summary_key, lines, expected_cents, actual_cents, variance_cents, underpaid_lines, shortfall_cents, denied_lines FROM reconciliation_summary WHERE run_id = @runId ORDER BY dimension, summary_key",
                new { runId })
            .Select(r => new SummaryRow(r.Dimension, r.Key, (int)r.Lines, r.Expected / 100m, r.Actual / 100m, r.Variance / 100m, (int)r.Underpaid, r.Shortfall / 100m, (int)r.Denied))];
    }

    /// <summary>How many lines of a run are stored (those that need attention).</summary>
    public long StoredLineCount(string runId)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM reconciliation_line WHERE run_id = @runId", new { runId });
    }

    public IReadOnlyList<ReconciliationRun> Runs()
    {
        using var connection = database.Open();
        return [.. connection.Query<(string RunId, string CreatedAt, string SourceFile, string? ClaimsFile, string? Payer, object Usd, object Pct, long Lines, string Status)>(
                "SELECT run_id, created_at, source_file, claims_file, payer, tolerance_usd, tolerance_pct, line_count, status FROM reconciliation_run ORDER BY created_at")
            .Select(r => new ReconciliationRun(r.RunId, r.CreatedAt, r.SourceFile, r.ClaimsFile, r.Payer,
                Convert.ToDecimal(r.Usd, CultureInfo.InvariantCulture), Convert.ToDecimal(r.Pct, CultureInfo.InvariantCulture), r.Lines, r.Status))];
    }

    /// <summary>Adds a run's lines through one prepared command (a million lines would take minutes row by row through Dapper).</summary>
    public sealed class RunWriter : IDisposable
    {
        private static readonly string[] Columns =
        [
            "run_id", "seq", "claim_id", "line_id", "date_of_service", "hcpcs", "modifiers", "units", "payer", "category", "match_rule",
            "expected_cents", "paid_cents", "allowed_cents", "patient_cents", "actual_cents", "variance_cents",
            "contract", "contract_version", "term", "adjustment_codes", "note", "source",
        ];

        private readonly DbConnection _connection;
        private readonly DbTransaction _tx;
        private readonly DbCommand _insert;
        private long _seq;

        // Lines are inserted on a thread of their own, so the reconciliation never waits for the database; the
        // bounded queue keeps memory flat when the database is the slower side.
        private readonly System.Collections.Concurrent.BlockingCollection<ReconciledLine> _queue = new(boundedCapacity: 8192);
        private readonly Task _inserting;

        internal RunWriter(string runId, DbConnection connection, DbTransaction tx)
        {
            RunId = runId;
            _connection = connection;
            _tx = tx;
            _insert = connection.CreateCommand();
            _insert.Transaction = tx;
#pragma warning disable CA2100 // the text is built from the constant column list above; values are parameters
            _insert.CommandText = $"INSERT INTO reconciliation_line ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
#pragma warning restore CA2100
            foreach (var c in Columns)
            {
                var p = _insert.CreateParameter();
                p.ParameterName = "@" + c;
                _insert.Parameters.Add(p);
            }
            _insert.Prepare();
            _inserting = Task.Factory.StartNew(() =>
            {
                foreach (var line in _queue.GetConsumingEnumerable()) Insert(line);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public string RunId { get; }

        /// <summary>Lines reconciled (all of them, stored or not).</summary>
        public long Lines { get; private set; }

        /// <summary>Lines stored: those that need attention.</summary>
        public long StoredLines => _seq;

        public void Add(ReconciledLine line)
        {
            Lines++;
            if (line.Category == VarianceCategory.AsExpected) return;
            // When the inserting thread has failed (the database refused a line), say why now instead of waiting on a full queue.
            while (!_queue.TryAdd(line, millisecondsTimeout: 100))
                if (_inserting.IsCompleted) _inserting.GetAwaiter().GetResult();
        }

        private void Insert(ReconciledLine line)
        {
            var p = line.Paid;
            var e = line.Expected;
            var service = e?.Line.Service;
            object?[] values =
            [
                RunId, ++_seq, line.ClaimId, p?.LineId ?? e?.Line.LineId,
                p is not null ? EffectivePeriod.Iso(p.DateOfService) : service is { } s ? EffectivePeriod.Iso(s.DateOfService) : null,
                (p?.Code ?? service?.Code)?.ToString(), (p?.Modifiers ?? service?.Modifiers)?.ToString(), p?.Units ?? service?.Units,
                line.Payer, ReconciledLine.Code(line.Category), line.MatchRule,
                e?.ExpectedCents, Cents(p?.Paid), Cents(p?.PayerAllowed), Cents(p?.PatientResponsibility), p is null ? null : Cents(p.Actual), Cents(line.Variance),
                e?.Contract?.Label, e?.Version?.Label, e?.Term, p?.AdjustmentCodes, line.Note, p?.Source.ToString(),
            ];
            for (var i = 0; i < values.Length; i++) _insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            _insert.ExecuteNonQuery();
        }

        /// <summary>Stores the summary, marks the run complete with its line count and commits it.</summary>
        public void Complete(IReadOnlyList<SummaryRow> summary)
        {
            _queue.CompleteAdding();
            _inserting.GetAwaiter().GetResult();
            _connection.Execute(
                "INSERT INTO reconciliation_summary (run_id, dimension, summary_key, lines, expected_cents, actual_cents, variance_cents, underpaid_lines, shortfall_cents, denied_lines) " +
                "VALUES (@RunId, @Dimension, @Key, @Lines, @Expected, @Actual, @Variance, @Underpaid, @Shortfall, @Denied)",
                summary.Select(r => new
                {
                    RunId, r.Dimension, r.Key, Lines = (long)r.Lines, Expected = CentsOf(r.Expected), Actual = CentsOf(r.Actual), Variance = CentsOf(r.Variance),
                    Underpaid = (long)r.Underpaid, Shortfall = CentsOf(r.Shortfall), Denied = (long)r.Denied,
                }), _tx);
            _connection.Execute("UPDATE reconciliation_run SET line_count = @Lines, status = 'complete' WHERE run_id = @RunId", new { Lines, RunId }, _tx);
            _tx.Commit();
        }

        private static long CentsOf(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

        private static long? Cents(Core.Money.Money? m) => m is { } v ? (long)decimal.Round(v.Amount * 100m, 0, MidpointRounding.AwayFromZero) : null;

        public void Dispose()
        {
            _queue.CompleteAdding();
            try { _inserting.Wait(); }
            catch (AggregateException) { /* the run failed; its transaction is rolled back below */ }
            _queue.Dispose();
            _insert.Dispose();
            _tx.Dispose();
            _connection.Dispose();
        }
    }
}
