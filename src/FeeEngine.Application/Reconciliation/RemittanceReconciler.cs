using System.Text;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Reconciliation;
using FeeEngine.Schedules;
using FeeEngine.Schedules.Remittance;

namespace FeeEngine.Application.Reconciliation;

/// <summary>
/// Reconciles an X12 835 remittance against the billed claims (a price-file CSV): the claims the remittance mentions
/// are priced (Medicare, then the payer's contract) and each paid service line is matched and compared. Billed lines
/// of those claims that the remittance does not mention are reported as not in the remittance. Lines of a reversed
/// claim (status 22) are reported as reversals, and its corrected claim is compared; a line paid twice is compared
/// once and the second payment reported as unmatched (a duplicate payment).
/// </summary>
public static class RemittanceReconciler
{
    public static (long Lines, ReconciliationSummary Summary) Run(PricingEnvironment environment, string remittancePath, string claimsPath,
        string? payerOption, Func<string?, Tolerance> tolerance, Action<ReconciledLine> store, TextWriter output)
    {
        var remittances = Remittance835Reader.Read(remittancePath);
        var fileName = Path.GetFileName(remittancePath);

        var paid = new List<PaidLine>();
        foreach (var remittance in remittances)
            foreach (var claim in remittance.Claims)
                foreach (var line in claim.Lines)
                    paid.Add(ToPaidLine(remittance, claim, line, fileName, payerOption));

        var mentioned = paid.Select(p => p.ClaimId).ToHashSet(StringComparer.Ordinal);
        var claims = ReadClaims(claimsPath, environment, mentioned);
        var expected = new List<ContractClaimPrice>();
        foreach (var (claim, claimPayer) in claims)
        {
            if (!mentioned.Contains(claim.ClaimId)) continue;
            var payer = payerOption ?? claimPayer ?? paid.First(p => p.ClaimId == claim.ClaimId).Payer;
            if (payer is null) continue;
            expected.Add(environment.Contracts.Price(claim, payer, environment.Claims.Price(claim)));
        }

        var summary = new ReconciliationSummary();
        var sb = new StringBuilder();
        foreach (var line in Reconciler.Reconcile(expected, paid, tolerance, reportUnpaid: true))
        {
            ReconciliationOutput.AppendLine(sb, line);
            store(line);
            summary.Add(line);
        }
        output.Write(sb);
        return (paid.Count, summary);
    }

    private static PaidLine ToPaidLine(Remittance remittance, RemittanceClaim claim, RemittanceLine line, string fileName, string? payerOption)
    {
        // A line without adjustments of its own carries its claim's (a claim-level denial, CO-50 say).
        var adjustments = line.Adjustments.Count > 0 ? line.Adjustments : claim.Adjustments;
        var date = line.ServiceDate ?? claim.ServiceFrom
            ?? throw new CmsFileException(new FileDiagnostic(fileName, line.Segment, "DTM*472", null, $"the service line of claim {claim.ClaimId} has no date of service, nor has its claim") { Unit = "segment" });
        return new PaidLine(claim.ClaimId, line.LineId, date, line.Code, line.Modifiers, line.Units, line.Paid, line.Allowed,
            line.PatientResponsibility, string.Join(' ', adjustments.Select(a => $"{a.Group}-{a.Reason}")), payerOption ?? remittance.PayerName, new LineSource(fileName, line.Segment, IsSegment: true))
        {
            IsReversal = claim.IsReversal,
        };
    }

    /// <summary>
    /// The billed claims the remittance mentions: price-file rows grouped by claim id and date. Every bad row of
    /// those claims is reported; rows of other claims are not used, and their problems do not stop the run.
    /// </summary>
    private static List<(Claim Claim, string? Payer)> ReadClaims(string path, PricingEnvironment environment, HashSet<string> mentioned)
    {
        var fileName = Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine() ?? throw new CmsFileException(new FileDiagnostic(fileName, 0, null, null, "empty: expected the price-file header"));
        var columns = InputColumns.FromHeader(header, fileName);
        var ranges = new Range[columns.Count + 1];
        var problems = new List<FileDiagnostic>();
        var groups = new Dictionary<(string, string), List<ParsedRow>>();
        var order = new List<(string, string)>();
        var lineNumber = 1;
        ParsedRow previous = default;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            var row = ParsedRow.Parse(text, lineNumber, columns, ranges, environment.Zips, previous);
            if (row.Line is null)
            {
                if (!mentioned.Contains(ClaimIdOf(text, columns))) continue;
                problems.Add(new FileDiagnostic(fileName, lineNumber, null, null, row.Error!.Replace($"line {lineNumber}: ", "", StringComparison.Ordinal)));
                continue;
            }
            previous = row;
            var key = (row.ClaimId, row.DateText);
            if (!groups.TryGetValue(key, out var list)) { groups[key] = list = []; order.Add(key); }
            list.Add(row);
        }
        if (problems.Count > 0) throw new CmsFileException(fileName, problems.Take(CmsFileException.MaxDiagnostics).ToList(), problems.Count);
        return [.. order.Where(k => mentioned.Contains(k.Item1)).Select(k =>
        {
            var rows = groups[k];
            var claim = new Claim(k.Item1, [.. rows.Select(r => r.Line!)], rows.Select(r => r.Deductible).FirstOrDefault(d => d is not null));
            return (claim, rows.Select(r => r.Payer).FirstOrDefault(p => p is not null));
        })];
    }

    private static string ClaimIdOf(string text, InputColumns columns)
    {
        var ranges = new Range[columns.Count + 1];
        var n = CsvFields.Split(text, ranges, out var unquoted);
        return columns.ClaimId < n ? unquoted[ranges[columns.ClaimId]].Trim() : "";
    }
}
