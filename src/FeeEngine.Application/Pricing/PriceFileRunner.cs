using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;

namespace FeeEngine.Application.Pricing;

/// <summary>Counts of a price-file run.</summary>
public sealed record PriceFileSummary(long Lines, long Claims, long Priced, long NotPayable, long Errors, TimeSpan Elapsed);

/// <summary>
/// Prices a claim-line CSV into an output CSV. Lines are grouped into claims by claim_id and date of service
/// (wherever they stand in the file) and priced with Medicare's claim-level payment policies. The output is the
/// input columns as they were, then <see cref="OutputColumns"/>. A bad row becomes an <c>error</c> row with its
/// reason and the other rows are still priced; only an unreadable file (missing, empty, without the required
/// columns) stops the run. With a payer (the <c>--payer</c> option, or a <c>payer</c> column naming each claim's
/// payer), each line is also priced by the payer's contract: <see cref="ContractOutputColumns"/>.
/// </summary>
/// <param name="payer">The payer of lines whose payer column is blank or absent; null for none.</param>
public sealed class PriceFileRunner(PricingEnvironment environment, string? payer = null)
{
    public static readonly string[] RequiredColumns =
        ["claim_id", "line", "date_of_service", "hcpcs", "modifiers", "units", "pos", "zip", "locality", "billed_charge"];

    /// <summary>Optional input columns.</summary>
    public static readonly string[] OptionalColumns = ["provider_type", "anesthesia_minutes", "deductible_remaining", "qp", "payer"];

    public static readonly string[] OutputColumns =
        ["medicare_allowed", "setting", "outcome", "message", "adjustments", "lesser_of_billed", "patient_share", "medicare_payment", "schedule"];

    /// <summary>Written after <see cref="OutputColumns"/> when the run has a payer: the contract's expected amount
    /// (all units, after lesser-of when the contract says), the contract, version and term that priced it, and for
    /// an unpriced line, why.</summary>
    public static readonly string[] ContractOutputColumns = ["expected_amount", "contract", "contract_version", "term", "contract_message"];

    private const int ClaimsPerBatch = 2048;

    private bool _withContracts;

    /// <summary>
    /// Prices the file. By default claims are expected as CMS-style claim files list them, each claim's lines
    /// together: the file is streamed in batches of whole claims priced in parallel, in constant memory. When a
    /// claim's lines turn out to be apart, <see cref="ClaimsNotContiguousException"/> is thrown before anything
    /// is final and the caller runs again with <paramref name="claimsAnywhere"/>, which holds the whole file in
    /// memory (about 0.5 KB a line) so that lines are grouped wherever they stand.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is empty or lacks a required column.</exception>
    public PriceFileSummary Run(TextReader input, TextWriter output, string inputName, TextWriter? progress = null, bool claimsAnywhere = false)
    {
        var clock = Stopwatch.StartNew();
        var header = input.ReadLine();
        if (header is null) throw new InvalidDataException($"{inputName} is empty: expected a header line with {string.Join(',', RequiredColumns)}.");
        var columns = InputColumns.FromHeader(header, inputName);
        _withContracts = payer is not null || columns.Payer >= 0;
        output.Write(header.TrimStart('\uFEFF'));
        foreach (var c in _withContracts ? [.. OutputColumns, .. ContractOutputColumns] : OutputColumns) { output.Write(','); output.Write(c); }
        output.Write('\n');
        var counts = claimsAnywhere ? RunInMemory(input, output, columns) : RunStreaming(input, output, columns, progress);
        progress?.WriteLine($"  {counts.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines in {counts.Claims.ToString("N0", CultureInfo.InvariantCulture)} claims priced");
        return new PriceFileSummary(counts.Lines, counts.Claims, counts.Priced, counts.NotPayable, counts.Errors, clock.Elapsed);
    }

    /// <summary>
    /// Reads the input header for a run priced chunk by chunk (the worker's price-file job): the columns, and the
    /// output header line (input columns, then the output columns).
    /// </summary>
    /// <exception cref="InvalidDataException">The header lacks a required column.</exception>
    public (InputColumns Columns, string OutputHeader) Prepare(string header, string inputName)
    {
        var columns = InputColumns.FromHeader(header, inputName);
        _withContracts = payer is not null || columns.Payer >= 0;
        var names = _withContracts ? [.. OutputColumns, .. ContractOutputColumns] : OutputColumns;
        return (columns, header.TrimStart('\uFEFF') + "," + string.Join(',', names));
    }

    /// <summary>Prices a chunk of whole claims (rows with their file line numbers); the output lines, without newlines.</summary>
    public IReadOnlyList<string> PriceRows(List<string> rows, List<int> lineNumbers, InputColumns columns)
    {
        var (output, _) = ProcessBatch(new Batch(rows, lineNumbers), columns, claimsTogether: true);
        var text = output.ToString();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed class Counts
    {
        public long Lines, Claims, Priced, NotPayable, Errors;

        public void Add(Counts o)
        {
            Lines += o.Lines; Claims += o.Claims; Priced += o.Priced; NotPayable += o.NotPayable; Errors += o.Errors;
        }
    }

    // Small enough that no per-batch array reaches the large object heap (85 KB): LOH allocations force full
    // garbage collections, which made a 1,000,000-line run three times slower.
    private const int RowsPerBatch = 1024;
    private static readonly int MaxBatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    private sealed record Batch(List<string> Rows, List<int> LineNumbers);

    private Counts RunStreaming(TextReader input, TextWriter output, InputColumns columns, TextWriter? progress)
    {
        var total = new Counts();
        var pending = new Queue<Task<(StringBuilder Output, Counts Counts)>>();
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new Range[columns.KeyFields]; // only the key's columns are split here
        var batch = new Batch(new List<string>(RowsPerBatch), new List<int>(RowsPerBatch));
        string? currentKey = null;
        var lineNumber = 1;
        long nextProgress = 250_000;
        string? row;
        while ((row = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (row.Length == 0) continue;
            var key = SameClaim(row, columns, ranges, currentKey) ? currentKey : columns.ClaimKey(row, ranges);
            if (key != currentKey)
            {
                if (currentKey is not null) finished.Add(currentKey);
                if (key is not null && finished.Contains(key))
                    throw new ClaimsNotContiguousException($"line {lineNumber}: claim {key.Replace("\u001F", " (", StringComparison.Ordinal)}) continues after other claims");
                if (batch.Rows.Count >= RowsPerBatch)
                {
                    Submit(batch);
                    batch = new Batch(new List<string>(RowsPerBatch), new List<int>(RowsPerBatch));
                }
                currentKey = key;
            }
            batch.Rows.Add(row);
            batch.LineNumbers.Add(lineNumber);
        }
        if (batch.Rows.Count > 0) Submit(batch);
        while (pending.Count > 0) Write(pending.Dequeue().GetAwaiter().GetResult());
        return total;

        void Submit(Batch b)
        {
            pending.Enqueue(Task.Run(() => ProcessBatch(b, columns, claimsTogether: true)));
            while (pending.Count > MaxBatchesInFlight || (pending.Count > 0 && pending.Peek().IsCompleted))
                Write(pending.Dequeue().GetAwaiter().GetResult());
        }

        void Write((StringBuilder Output, Counts Counts) done)
        {
            output.Write(done.Output);
            total.Add(done.Counts);
            if (progress is not null && total.Lines >= nextProgress)
            {
                progress.WriteLine($"  {total.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines priced...");
                nextProgress += 250_000;
            }
        }
    }

    /// <summary>Whether a row belongs to the claim <paramref name="key"/> (compared in place: no string per row).</summary>
    private static bool SameClaim(string row, InputColumns c, Range[] ranges, string? key)
    {
        if (key is null) return false;
        var n = CsvFields.SplitFirst(row, ranges, out var text);
        if (n <= Math.Max(c.ClaimId, c.Date)) return false;
        var t = text.AsSpan();
        var id = t[ranges[c.ClaimId]].Trim();
        var date = t[ranges[c.Date]].Trim();
        return key.Length == id.Length + 1 + date.Length && key.AsSpan(0, id.Length).SequenceEqual(id)
               && key[id.Length] == '\u001F' && key.AsSpan(id.Length + 1).SequenceEqual(date);
    }

    /// <summary>Parses and prices one batch of whole claims; the output rows keep the batch's order.</summary>
    /// <param name="claimsTogether">Each claim's rows follow each other (the streaming reader checked), so a claim ends where the key changes.</param>
    private (StringBuilder Output, Counts Counts) ProcessBatch(Batch batch, InputColumns columns, bool claimsTogether)
    {
        var ranges = new Range[columns.Count + 1];
        var parsed = new ParsedRow[batch.Rows.Count];
        for (var i = 0; i < parsed.Length; i++)
            parsed[i] = ParsedRow.Parse(batch.Rows[i], batch.LineNumbers[i], columns, ranges, environment.Zips, i > 0 ? parsed[i - 1] : default);
        var counts = new Counts();
        var claims = GroupClaims(parsed, counts, claimsTogether);
        if (!_withContracts) return (WriteInCents(batch, parsed, claims, counts), counts);
        var results = new ClaimLinePrice?[parsed.Length];
        var expected = new ExpectedLinePrice?[parsed.Length];
        foreach (var claim in claims) PriceClaim(claim, parsed, results, expected, counts);
        var sb = new StringBuilder(); // grows in chunks of its own, never one large array
        for (var i = 0; i < parsed.Length; i++)
        {
            sb.Append(batch.Rows[i]).Append(',');
            AppendResult(sb, parsed[i], results[i]);
            ContractColumns.Append(sb, results[i] is null ? null : expected[i], results[i] is null ? "" : NoPayer);
            sb.Append('\n');
        }
        return (sb, counts);
    }

    private Counts RunInMemory(TextReader input, TextWriter output, InputColumns columns)
    {
        var rows = new List<string>();
        var lineNumbers = new List<int>();
        var lineNumber = 1;
        string? text;
        while ((text = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            rows.Add(text);
            lineNumbers.Add(lineNumber);
        }
        var (sb, counts) = ProcessBatch(new Batch(rows, lineNumbers), columns, claimsTogether: false);
        output.Write(sb);
        return counts;
    }

    // Each pool thread's buffer for the batch API, reused from batch to batch (it grows to a batch's lines once).
    [ThreadStatic] private static ClaimLineResults? t_lineResults;

    /// <summary>
    /// Prices a batch without contracts through the batch API (<see cref="MedicareClaimPricer.PriceInto"/>: whole
    /// cents into a reused buffer, no objects per line for the usual claim) and writes its output rows, the same
    /// text as <see cref="AppendResult(StringBuilder, in ParsedRow, ClaimLinePrice?)"/> writes from the object API.
    /// </summary>
    private StringBuilder WriteInCents(Batch batch, ParsedRow[] parsed, List<List<int>> claims, Counts counts)
    {
        var results = t_lineResults ??= new ClaimLineResults();
        results.Clear();
        var resultOf = new int[parsed.Length];
        Array.Fill(resultOf, -1); // a row that could not be read has no result
        foreach (var rowIndexes in claims)
        {
            var first = results.Count;
            environment.Claims.PriceInto(ClaimOf(rowIndexes, parsed, out _), results);
            for (var k = 0; k < rowIndexes.Count; k++)
            {
                resultOf[rowIndexes[k]] = first + k;
                Count(results[first + k].Outcome, counts);
            }
        }
        var sb = new StringBuilder(); // grows in chunks of its own, never one large array
        for (var i = 0; i < parsed.Length; i++)
        {
            sb.Append(batch.Rows[i]).Append(',');
            var r = resultOf[i];
            if (r < 0) AppendResult(sb, parsed[i], null);
            else if (results[r].ObjectPrice is { } objectPrice) AppendResult(sb, parsed[i], objectPrice);
            else AppendResult(sb, parsed[i], results, r);
            sb.Append('\n');
        }
        results.Clear(); // let go of this batch's strings until the thread's next batch
        return sb;
    }

    /// <summary>Groups the rows into claims (claim_id and date of service, first appearance first): each claim's row indexes.</summary>
    private static List<List<int>> GroupClaims(ParsedRow[] parsed, Counts counts, bool claimsTogether)
    {
        var claims = new List<List<int>>();
        Dictionary<(string, string), List<int>>? byKey = null;
        List<int>? current = null;
        string? currentId = null, currentDate = null;
        for (var i = 0; i < parsed.Length; i++)
        {
            counts.Lines++;
            ref readonly var row = ref parsed[i];
            if (row.Line is null)
            {
                counts.Errors++;
                continue;
            }
            // Rows of one claim usually follow each other (and share their strings): extend the current claim.
            if (current is not null && row.ClaimId == currentId && row.DateText == currentDate)
            {
                current.Add(i);
                continue;
            }
            var key = (row.ClaimId, row.DateText);
            if (claimsTogether)
            {
                claims.Add(current = new List<int>(4) { i }); // a new key starts a new claim: no lookup of the keys seen
            }
            else
            {
                byKey ??= [];
                if (!byKey.TryGetValue(key, out current)) { byKey[key] = current = []; claims.Add(current); }
                current.Add(i);
            }
            (currentId, currentDate) = key;
        }
        counts.Claims += claims.Count;
        return claims;
    }

    /// <summary>The claim of the rows: their lines, the first deductible given, and the payer the first row names.</summary>
    private static Claim ClaimOf(List<int> rowIndexes, ParsedRow[] parsed, out string? claimPayer)
    {
        Core.Money.Money? deductible = null;
        claimPayer = null;
        var lines = new ClaimLine[rowIndexes.Count];
        for (var k = 0; k < lines.Length; k++)
        {
            ref readonly var row = ref parsed[rowIndexes[k]];
            lines[k] = row.Line!;
            deductible ??= row.Deductible;
            claimPayer ??= row.Payer; // a claim has one payer: the first line that names it
        }
        return new Claim(parsed[rowIndexes[0]].ClaimId, lines, deductible);
    }

    private static void Count(PricingOutcome outcome, Counts counts)
    {
        switch (outcome)
        {
            case PricingOutcome.Priced: counts.Priced++; break;
            case PricingOutcome.NotPayable: counts.NotPayable++; break;
            default: counts.Errors++; break;
        }
    }

    private const string NoPayer = "no payer: give --payer or a payer column";

    private void PriceClaim(List<int> rowIndexes, ParsedRow[] parsed, ClaimLinePrice?[] results, ExpectedLinePrice?[] expected, Counts counts)
    {
        var claim = ClaimOf(rowIndexes, parsed, out var claimPayer);
        var price = environment.Claims.Price(claim);
        if ((claimPayer ?? payer) is { } contractPayer)
        {
            var byContract = environment.Contracts.Price(claim, contractPayer, price);
            for (var k = 0; k < rowIndexes.Count; k++) expected[rowIndexes[k]] = byContract.Lines[k];
        }
        for (var k = 0; k < rowIndexes.Count; k++)
        {
            var line = price.Lines[k];
            results[rowIndexes[k]] = line;
            Count(line.Outcome, counts);
        }
    }

    /// <summary>The output columns of one row: the parse error, or the claim line's result.</summary>
    private static void AppendResult(StringBuilder sb, in ParsedRow row, ClaimLinePrice? line)
    {
        if (line is null)
        {
            sb.Append(",,error,");
            AppendField(sb, row.Error);
            sb.Append(",,,,,");
            return;
        }
        switch (line.Outcome)
        {
            case PricingOutcome.Priced:
                AppendCents(sb, line.AllowedCents);
                sb.Append(',').Append(SettingText(line)).Append(",priced,");
                AppendPricedMessage(sb, line);
                break;
            default:
                AppendUnpriced(sb, row, line.Outcome, line.Message);
                break;
        }
        sb.Append(',');
        AppendAdjustments(sb, line.Adjustments);
        AppendShares(sb, line.LesserOfBilledCents, line.PatientShareCents, line.MedicarePaymentCents, line.Schedule?.Code());
    }

    /// <summary>The outcome and message columns of a line no schedule priced (the amount and setting left empty).</summary>
    private static void AppendUnpriced(StringBuilder sb, in ParsedRow row, PricingOutcome outcome, string? message)
    {
        if (outcome == PricingOutcome.NotPayable)
        {
            sb.Append(",,not_payable,");
            AppendField(sb, message);
            return;
        }
        sb.Append(",,error,");
        AppendField(sb, $"line {row.LineNumber}: {message}");
    }

    /// <summary>The columns after the adjustments: lesser of billed, patient share, Medicare's payment, the schedule.</summary>
    private static void AppendShares(StringBuilder sb, long? lesser, long? patientShare, long? payment, string? schedule)
    {
        sb.Append(',');
        AppendCents(sb, lesser);
        sb.Append(',');
        AppendCents(sb, patientShare);
        sb.Append(',');
        AppendCents(sb, payment);
        sb.Append(',').Append(schedule);
    }

    /// <summary>The output columns of a row priced by the batch API, as the object API's are written.</summary>
    private static void AppendResult(StringBuilder sb, in ParsedRow row, ClaimLineResults results, int index)
    {
        ref readonly var line = ref results[index];
        switch (line.Outcome)
        {
            case PricingOutcome.Priced:
                AppendCents(sb, line.AllowedCents);
                sb.Append(',').Append(line.Setting == Core.Codes.Setting.Facility ? "facility" : "non-facility").Append(",priced,");
                AppendPricedMessage(sb, line.RvuRelease!.Id, line.NonFacilityNaApplied, line.OppsCapApplied, row.Line!.Service.LocalitySource);
                break;
            default:
                AppendUnpriced(sb, row, line.Outcome, line.Message);
                break;
        }
        sb.Append(',');
        AppendAdjustments(sb, results.AdjustmentsOf(index));
        // Lines of the other schedules always come as objects (ObjectPrice): a priced line here is the PFS's.
        AppendShares(sb, line.LesserOfBilledCents, line.PatientShareCents, line.MedicarePaymentCents, line.IsPriced ? "PFS" : null);
    }

    /// <summary>The adjustments column from the batch API's labels, as <see cref="AppendAdjustments(StringBuilder, IReadOnlyList{Adjustment})"/> writes it.</summary>
    private static void AppendAdjustments(StringBuilder sb, ReadOnlySpan<AdjustmentLabel> labels)
    {
        foreach (var label in labels)
        {
            if (label.Policy.AsSpan().IndexOfAny(",\"\r\n") >= 0 || label.Detail.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                AppendField(sb, string.Join('|', labels.ToArray()));
                return;
            }
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if (i > 0) sb.Append('|');
            sb.Append(labels[i].Policy).Append(':').Append(labels[i].Detail);
        }
    }

    /// <summary>
    /// The adjustments column: <see cref="ClaimLinePrice.AdjustmentsText"/>, appended piece by piece (no string per
    /// line) unless a piece needs CSV quoting, which the whole text then gets.
    /// </summary>
    private static void AppendAdjustments(StringBuilder sb, IReadOnlyList<Adjustment> adjustments)
    {
        if (adjustments.Count == 0) return;
        for (var i = 0; i < adjustments.Count; i++)
        {
            if (adjustments[i].Policy.AsSpan().IndexOfAny(",\"\r\n") >= 0 || adjustments[i].Detail.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                AppendField(sb, string.Join('|', adjustments));
                return;
            }
        }
        for (var i = 0; i < adjustments.Count; i++)
        {
            if (i > 0) sb.Append('|');
            sb.Append(adjustments[i].Policy).Append(':').Append(adjustments[i].Detail);
        }
    }

    /// <summary>A whole-cent amount as 0.00, without the cost of a decimal format string; nothing for none.</summary>
    internal static void AppendCents(StringBuilder sb, long? cents)
    {
        if (cents is not { } c) return;
        sb.Append(c / 100).Append('.');
        var rest = c % 100;
        if (rest < 10) sb.Append('0');
        sb.Append(rest);
    }

    /// <summary>Facility or non-facility for PFS lines, anesthesia; nothing for the other schedules, whose rates do not depend on it.</summary>
    private static string SettingText(ClaimLinePrice line) =>
        line.OtherSchedule is not null ? "" : line.Anesthesia is not null ? "anesthesia" : line.Base!.Value.Setting == Core.Codes.Setting.Facility ? "facility" : "non-facility";

    /// <summary>The release or file that priced the line, and any rule that changed the fee schedule amount.</summary>
    private static void AppendPricedMessage(StringBuilder sb, ClaimLinePrice line)
    {
        if (line.OtherSchedule is { } other)
        {
            sb.Append(other.FileId);
            if (other.Detail.Length > 0) sb.Append("; ").Append(other.Detail.Replace(',', ';'));
            return;
        }
        if (line.Anesthesia is { } a)
        {
            sb.Append(a.AnesthesiaRelease).Append("; anesthesia");
            return;
        }
        var p = line.Base!.Value;
        AppendPricedMessage(sb, p.RvuRelease!.Id, p.NonFacilityNaApplied, p.OppsCapApplied, p.Line.LocalitySource);
    }

    private static void AppendPricedMessage(StringBuilder sb, string release, bool nonFacilityNa, bool oppsCap, ZipLookup? localitySource)
    {
        sb.Append(release);
        if (nonFacilityNa) sb.Append("; non-facility NA: facility rate");
        if (oppsCap) sb.Append("; OPPS imaging cap applied");
        if (localitySource?.Note is { } note) sb.Append("; ").Append(note.Replace(',', ';'));
    }

    internal static void AppendField(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) { sb.Append(value); return; }
        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static StreamWriter CreateOutput(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
}

/// <summary>A claim's lines are not together in the file: price it again with the claims-anywhere mode.</summary>
public sealed class ClaimsNotContiguousException(string message) : Exception(message);
