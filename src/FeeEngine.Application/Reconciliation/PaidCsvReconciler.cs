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
/// them) so that the claim-level rules see the whole claim. The file is streamed claim by claim. Any bad row rejects
/// the file, with every problem listed, and nothing is written or stored.
/// </summary>
public sealed class PaidCsvReconciler(PricingEnvironment environment, string? payerOption, Func<string?, Tolerance> tolerance)
{
    public static readonly string[] Columns =
        ["claim_id", "line", "date_of_service", "hcpcs", "modifiers", "units", "pos", "zip", "locality", "billed_charge", "payer", "paid_amount", "payer_allowed", "adjustment_codes"];

    public sealed record Result(long Lines, ReconciliationSummary Summary);

    public Result Run(TextReader input, string fileName, Action<ReconciledLine> store, TextWriter output)
    {
        var header = input.ReadLine() ?? throw new CmsFileException(new FileDiagnostic(fileName, 0, null, null, $"empty: expected a header line with {string.Join(',', Columns)}"));
        var names = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var missing = Columns.Where(c => c != "payer" && c != "payer_allowed" && c != "adjustment_codes" && !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new CmsFileException(new FileDiagnostic(fileName, 1, null, null, $"missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(',', Columns)} (payer, payer_allowed and adjustment_codes may be absent)"));
        var columns = InputColumns.FromHeader(header, fileName);
        var paidCol = Array.IndexOf(names, "paid_amount");
        var allowedCol = Array.IndexOf(names, "payer_allowed");
        var codesCol = Array.IndexOf(names, "adjustment_codes");

        var problems = new List<FileDiagnostic>();
        var summary = new ReconciliationSummary();
        var ranges = new Range[columns.Count + 1];
        var claimRows = new List<(ParsedRow Row, PaidLine Paid)>();
        var finished = new HashSet<(string, string)>();
        (string, string)? current = null;
        var sb = new StringBuilder();
        long lines = 0;
        var lineNumber = 1;
        ParsedRow previous = default;
        string? text;
        while ((text = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            lines++;
            var row = ParsedRow.Parse(text, lineNumber, columns, ranges, environment.Zips, previous);
            if (row.Line is null)
            {
                problems.Add(new FileDiagnostic(fileName, lineNumber, null, null, row.Error!.Replace($"line {lineNumber}: ", "", StringComparison.Ordinal)));
                continue;
            }
            previous = row;
            if (ReadPaid(text, ranges, row, fileName, lineNumber, paidCol, allowedCol, codesCol, problems) is not { } paid) continue;
            var key = (row.ClaimId, row.DateText);
            if (current != key)
            {
                if (current is { } done)
                {
                    Flush();
                    finished.Add(done);
                }
                if (finished.Contains(key))
                    problems.Add(new FileDiagnostic(fileName, lineNumber, "claim_id", row.ClaimId, $"claim {row.ClaimId} of {row.DateText} continues after other claims: list a claim's lines together"));
                current = key;
            }
            claimRows.Add((row, paid));
            if (sb.Length > 1 << 16 && problems.Count == 0)
            {
                output.Write(sb);
                sb.Clear();
            }
        }
        Flush();
        if (problems.Count > 0) throw new CmsFileException(fileName, problems.Take(CmsFileException.MaxDiagnostics).ToList(), problems.Count);
        output.Write(sb);
        return new Result(lines, summary);

        void Flush()
        {
            if (claimRows.Count == 0) return;
            if (problems.Count == 0) Reconcile(claimRows, sb, store, summary);
            claimRows.Clear();
        }
    }

    private void Reconcile(List<(ParsedRow Row, PaidLine Paid)> rows, StringBuilder sb, Action<ReconciledLine> store, ReconciliationSummary summary)
    {
        var claim = new Claim(rows[0].Row.ClaimId, [.. rows.Select(r => r.Row.Line!)], rows.Select(r => r.Row.Deductible).FirstOrDefault(d => d is not null));
        var payer = rows.Select(r => r.Row.Payer).FirstOrDefault(p => p is not null) ?? payerOption;
        var medicare = environment.Claims.Price(claim);
        IReadOnlyList<PaidLine> paid = [.. rows.Select(r => r.Paid with { Payer = r.Paid.Payer ?? payer })];
        var results = payer is null
            ? paid.Select(p => new ReconciledLine { Category = VarianceCategory.NoExpected, Paid = p, ClaimId = p.ClaimId, Note = "no payer: give --payer or a payer column" }).ToList()
            : Reconciler.Reconcile([environment.Contracts.Price(claim, payer, medicare)], paid, tolerance, reportUnpaid: false);
        foreach (var line in results)
        {
            ReconciliationOutput.AppendLine(sb, line);
            store(line);
            summary.Add(line);
        }
    }

    private static PaidLine? ReadPaid(string text, Range[] ranges, in ParsedRow row, string fileName, int lineNumber, int paidCol, int allowedCol, int codesCol, List<FileDiagnostic> problems)
    {
        // The row is split again here (ParsedRow read the billed line from it); the ranges buffer is the caller's.
        var count = CsvFields.Split(text, ranges, out var unquoted);
        string Field(int col) => col >= 0 && col < count ? unquoted[ranges[col]].Trim() : "";
        decimal? Amount(int col, string name, bool required)
        {
            var value = Field(col);
            if (value.Length == 0)
            {
                if (required) problems.Add(new FileDiagnostic(fileName, lineNumber, name, "", "required: the amount the payer paid (0 for a denial)"));
                return null;
            }
            if (decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && decimal.Round(amount, 2) == amount) return amount;
            problems.Add(new FileDiagnostic(fileName, lineNumber, name, value, "not an amount with at most two decimals"));
            return null;
        }
        var before = problems.Count;
        var paid = Amount(paidCol, "paid_amount", required: true);
        var allowed = Amount(allowedCol, "payer_allowed", required: false);
        var codesText = Field(codesCol);
        string[] codes = codesText.Length == 0 ? [] : codesText.Split([' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (problems.Count != before || paid is null) return null;
        var service = row.Line!.Service;
        return new PaidLine(row.ClaimId, row.Line.LineId, service.DateOfService, service.Code, service.Modifiers, service.Units,
            new Core.Money.Money(paid.Value), allowed is { } a ? new Core.Money.Money(a) : null, null, codes, row.Payer, $"{fileName} line {lineNumber}");
    }
}
