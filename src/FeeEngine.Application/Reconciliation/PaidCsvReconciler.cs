using System.Globalization;
using System.Text;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Schedules;

namespace FeeEngine.Application.Reconciliation;

/// <summary>
/// Reconciles a paid-lines CSV (<see cref="Columns"/>): each row is a billed line and what the payer paid for it, so
/// the expected amount is priced from the row itself (Medicare with its payment policies over the row's claim, then
/// the payer's contract) and compared with the payment. A claim's rows must be together (as payers' exports list
/// them) so that the claim-level rules see the whole claim. The file is streamed in batches of whole claims, reconciled
/// in parallel and written in file order. Any bad row rejects the file, with every problem listed, and nothing is
/// written or stored.
/// </summary>
public sealed class PaidCsvReconciler(PricingEnvironment environment, string? payerOption, Func<string?, Tolerance> tolerance)
{
    public static readonly string[] Columns =
        ["claim_id", "line", "date_of_service", "hcpcs", "modifiers", "units", "pos", "zip", "locality", "billed_charge", "payer", "paid_amount", "payer_allowed", "adjustment_codes"];

    public sealed record Result(long Lines, ReconciliationSummary Summary);

    private sealed record Columns_(InputColumns Billed, int Paid, int Allowed, int Codes);

    private sealed record BatchResult(StringBuilder Output, List<ReconciledLine> Lines, ReconciliationSummary Summary, List<FileDiagnostic> Problems);

    // Batches of whole claims are reconciled on the thread pool while this thread reads and writes, in file order
    // (as price-file does); small batches keep every array off the large object heap.
    private const int RowsPerBatch = 1024;
    private static readonly int MaxBatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    public Result Run(TextReader input, string fileName, Action<ReconciledLine> store, TextWriter output)
    {
        var header = input.ReadLine() ?? throw new CmsFileException(new FileDiagnostic(fileName, 0, null, null, $"empty: expected a header line with {string.Join(',', Columns)}"));
        var names = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var missing = Columns.Where(c => c != "payer" && c != "payer_allowed" && c != "adjustment_codes" && !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new CmsFileException(new FileDiagnostic(fileName, 1, null, null, $"missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(',', Columns)} (payer, payer_allowed and adjustment_codes may be absent)"));
        var columns = new Columns_(InputColumns.FromHeader(header, fileName), Array.IndexOf(names, "paid_amount"), Array.IndexOf(names, "payer_allowed"), Array.IndexOf(names, "adjustment_codes"));

        var problems = new List<FileDiagnostic>();
        var summary = new ReconciliationSummary();
        var pending = new Queue<Task<BatchResult>>();
        var keyRanges = new Range[columns.Billed.KeyFields];
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? currentKey = null;
        var rows = new List<string>(RowsPerBatch + 16);
        var lineNumbers = new List<int>(RowsPerBatch + 16);
        long lines = 0;
        var lineNumber = 1;
        string? text;
        while ((text = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            lines++;
            var key = columns.Billed.ClaimKey(text, keyRanges);
            if (key != currentKey)
            {
                if (currentKey is not null) finished.Add(currentKey);
                if (key is not null && finished.Contains(key))
                    problems.Add(new FileDiagnostic(fileName, lineNumber, "claim_id", key.Split('\u001F')[0], $"claim {key.Replace('\u001F', ' ')} continues after other claims: list a claim's lines together"));
                if (rows.Count >= RowsPerBatch) Submit();
                currentKey = key;
            }
            rows.Add(text);
            lineNumbers.Add(lineNumber);
        }
        if (rows.Count > 0) Submit();
        while (pending.Count > 0) Take(pending.Dequeue().GetAwaiter().GetResult());
        if (problems.Count > 0) throw new CmsFileException(fileName, problems.Take(CmsFileException.MaxDiagnostics).ToList(), problems.Count);
        return new Result(lines, summary);

        void Submit()
        {
            var (batchRows, batchLines) = (rows, lineNumbers);
            pending.Enqueue(Task.Run(() => ProcessBatch(batchRows, batchLines, columns, fileName)));
            rows = new List<string>(RowsPerBatch + 16);
            lineNumbers = new List<int>(RowsPerBatch + 16);
            while (pending.Count > MaxBatchesInFlight || (pending.Count > 0 && pending.Peek().IsCompleted))
                Take(pending.Dequeue().GetAwaiter().GetResult());
        }

        void Take(BatchResult done)
        {
            problems.AddRange(done.Problems);
            if (problems.Count > 0) return;   // the file will be rejected: nothing more is written or stored
            output.Write(done.Output);
            summary.Add(done.Summary);
            foreach (var line in done.Lines) store(line);
        }
    }

    /// <summary>Parses a batch of whole claims, prices and reconciles each claim; results in file order.</summary>
    private BatchResult ProcessBatch(List<string> rows, List<int> lineNumbers, Columns_ columns, string fileName)
    {
        var problems = new List<FileDiagnostic>();
        var ranges = new Range[columns.Billed.Count + 1];
        var claim = new List<(ParsedRow Row, PaidLine Paid)>();
        var results = new List<ReconciledLine>(rows.Count);
        var sb = new StringBuilder();
        ParsedRow previous = default;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = ParsedRow.Parse(rows[i], lineNumbers[i], columns.Billed, ranges, environment.Zips, previous);
            if (row.Line is null)
            {
                problems.Add(new FileDiagnostic(fileName, lineNumbers[i], null, null, row.Error!.Replace($"line {lineNumbers[i]}: ", "", StringComparison.Ordinal)));
                continue;
            }
            previous = row;
            if (ReadPaid(rows[i], ranges, row, fileName, lineNumbers[i], columns.Paid, columns.Allowed, columns.Codes, problems) is not { } paid) continue;
            if (claim.Count > 0 && (claim[0].Row.ClaimId != row.ClaimId || claim[0].Row.DateText != row.DateText)) Flush();
            claim.Add((row, paid));
        }
        Flush();
        var batchSummary = new ReconciliationSummary();
        foreach (var line in results) batchSummary.Add(line);
        return new BatchResult(sb, results, batchSummary, problems);

        void Flush()
        {
            if (claim.Count > 0 && problems.Count == 0) Reconcile(claim, sb, results);
            claim.Clear();
        }
    }

    private void Reconcile(List<(ParsedRow Row, PaidLine Paid)> rows, StringBuilder sb, List<ReconciledLine> results)
    {
        var lines = new ClaimLine[rows.Count];
        var paid = new PaidLine[rows.Count];
        Core.Money.Money? deductible = null;
        string? payer = null;
        for (var i = 0; i < rows.Count; i++)
        {
            lines[i] = rows[i].Row.Line!;
            deductible ??= rows[i].Row.Deductible;
            payer ??= rows[i].Row.Payer;
        }
        payer ??= payerOption;
        for (var i = 0; i < rows.Count; i++) paid[i] = rows[i].Paid.Payer is null ? rows[i].Paid with { Payer = payer } : rows[i].Paid;
        var claim = new Claim(rows[0].Row.ClaimId, lines, deductible);
        var reconciled = payer is null
            ? paid.Select(p => new ReconciledLine { Category = VarianceCategory.NoExpected, Paid = p, ClaimId = p.ClaimId, Note = "no payer: give --payer or a payer column" }).ToList()
            : Reconciler.Reconcile([environment.Contracts.Price(claim, payer, environment.Claims.Price(claim))], paid, tolerance, reportUnpaid: false);
        foreach (var line in reconciled)
        {
            ReconciliationOutput.AppendLine(sb, line);
            results.Add(line);
        }
    }

    private static PaidLine? ReadPaid(string text, Range[] ranges, in ParsedRow row, string fileName, int lineNumber, int paidCol, int allowedCol, int codesCol, List<FileDiagnostic> problems)
    {
        // ParsedRow.Parse left the row's field ranges in the buffer; a row without quotes is its own text, so the
        // ranges index it directly. A quoted row is split again.
        var count = text.Contains('"') ? CsvFields.Split(text, ranges, out var unquoted) : Count(text, out unquoted);
        ReadOnlySpan<char> Field(int col) => col >= 0 && col < count ? unquoted.AsSpan()[ranges[col]].Trim() : [];
        long? Amount(int col, string name, bool required)
        {
            var value = Field(col);
            if (value.IsEmpty)
            {
                if (required) problems.Add(new FileDiagnostic(fileName, lineNumber, name, "", "required: the amount the payer paid (0 for a denial)"));
                return null;
            }
            var negative = value[0] == '-';
            if (ParsedRow.TryPlainCents(negative ? value[1..] : value, out var cents)) return negative ? -cents : cents;
            problems.Add(new FileDiagnostic(fileName, lineNumber, name, value.ToString(), "not an amount with at most two decimals"));
            return null;
        }
        var before = problems.Count;
        var paid = Amount(paidCol, "paid_amount", required: true);
        var allowed = Amount(allowedCol, "payer_allowed", required: false);
        var codesText = Field(codesCol);
        var codes = codesText.IsEmpty ? "" : codesText.IndexOfAny(";|") < 0 ? codesText.ToString()
            : string.Join(' ', codesText.ToString().Split([' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (problems.Count != before || paid is null) return null;
        var service = row.Line!.Service;
        return new PaidLine(row.ClaimId, row.Line.LineId, service.DateOfService, service.Code, service.Modifiers, service.Units,
            new Core.Money.Money(paid.Value / 100m), allowed is { } a ? new Core.Money.Money(a / 100m) : null, null, codes, row.Payer, new LineSource(fileName, lineNumber));

        static int Count(string line, out string self)
        {
            self = line;
            var n = 1;
            foreach (var c in line) if (c == ',') n++;
            return n;
        }
    }
}
