using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Cli.Pricing;

/// <summary>Counts of a price-file run.</summary>
public sealed record PriceFileSummary(long Lines, long Priced, long NotPayable, long Errors, TimeSpan Elapsed);

/// <summary>
/// Prices a claim-line CSV into an output CSV: the input columns as they were, then <c>medicare_allowed</c>,
/// <c>setting</c>, <c>outcome</c> and <c>message</c>. A bad row becomes an <c>error</c> row with its reason and the
/// other rows are still priced; only an unreadable file (missing, empty, without the required columns) stops the run.
/// </summary>
public sealed class PriceFileRunner(PricingEnvironment environment)
{
    public static readonly string[] RequiredColumns =
        ["claim_id", "line", "date_of_service", "hcpcs", "modifiers", "units", "pos", "zip", "locality", "billed_charge"];

    public static readonly string[] OutputColumns = ["medicare_allowed", "setting", "outcome", "message"];

    private const int ProgressEvery = 250_000;

    /// <exception cref="InvalidDataException">The file is empty or lacks a required column.</exception>
    public PriceFileSummary Run(TextReader input, TextWriter output, string inputName, TextWriter? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var header = input.ReadLine();
        if (header is null) throw new InvalidDataException($"{inputName} is empty: expected a header line with {string.Join(',', RequiredColumns)}.");
        var headerNames = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(c => !headerNames.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{inputName} line 1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(',', RequiredColumns)}.");
        var qpIndex = Array.IndexOf(headerNames, "qp");
        var index = RequiredColumns.Select(c => Array.IndexOf(headerNames, c)).ToArray();

        output.Write(header.TrimStart('\uFEFF'));
        foreach (var c in OutputColumns) { output.Write(','); output.Write(c); }
        output.Write('\n');

        var columns = new Columns(index, qpIndex, headerNames.Length);
        var counts = new Counts();
        long nextProgress = ProgressEvery;

        // Rows are priced in batches on the thread pool while this thread reads the next batches and writes the
        // finished ones, in input order. Each batch is formatted into its own buffer, so the output is identical
        // to a one-thread run.
        var pending = new Queue<Task<BatchResult>>();
        var lineNumber = 1;
        while (true)
        {
            var batch = ReadBatch(input, ref lineNumber);
            if (batch.Rows.Count == 0) break;
            pending.Enqueue(Task.Run(() => ProcessBatch(batch, columns)));
            while (pending.Count > MaxBatchesInFlight || (pending.Count > 0 && pending.Peek().IsCompleted))
                WriteBatch(pending.Dequeue().GetAwaiter().GetResult());
        }
        while (pending.Count > 0) WriteBatch(pending.Dequeue().GetAwaiter().GetResult());
        return new PriceFileSummary(counts.Lines, counts.Priced, counts.NotPayable, counts.Errors, clock.Elapsed);

        void WriteBatch(BatchResult result)
        {
            output.Write(result.Output);
            counts.Add(result.Counts);
            if (progress is not null && counts.Lines >= nextProgress)
            {
                progress.WriteLine($"  {counts.Lines.ToString("N0", CultureInfo.InvariantCulture)} lines priced...");
                nextProgress += ProgressEvery;
            }
        }
    }

    private const int BatchSize = 8192;
    private static readonly int MaxBatchesInFlight = Math.Max(2, Environment.ProcessorCount * 2);

    private sealed record Batch(List<string> Rows, List<int> LineNumbers);

    private sealed record BatchResult(System.Text.StringBuilder Output, Counts Counts);

    private static Batch ReadBatch(TextReader input, ref int lineNumber)
    {
        var rows = new List<string>(BatchSize);
        var numbers = new List<int>(BatchSize);
        string? row;
        while (rows.Count < BatchSize && (row = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (row.Length == 0) continue;
            rows.Add(row);
            numbers.Add(lineNumber);
        }
        return new Batch(rows, numbers);
    }

    private BatchResult ProcessBatch(Batch batch, Columns columns)
    {
        var buffer = new System.Text.StringBuilder(batch.Rows.Count * 96);
        using var writer = new StringWriter(buffer, CultureInfo.InvariantCulture);
        var ranges = new Range[columns.Count + 1];
        var counts = new Counts();
        for (var i = 0; i < batch.Rows.Count; i++)
            ProcessRow(batch.Rows[i], batch.LineNumbers[i], columns, ranges, writer, ref counts);
        return new BatchResult(buffer, counts);
    }

    private struct Counts
    {
        public long Lines, Priced, NotPayable, Errors;

        public void Add(Counts other)
        {
            Lines += other.Lines;
            Priced += other.Priced;
            NotPayable += other.NotPayable;
            Errors += other.Errors;
        }
    }

    /// <summary>Where each input column is: the required ones in <see cref="RequiredColumns"/> order, and qp.</summary>
    private sealed record Columns(int[] Index, int Qp, int Count);

    private const int Date = 2, Hcpcs = 3, Mods = 4, Units = 5, Pos = 6, Zip = 7, Locality = 8, Billed = 9;

    // One row in, one row out. A method of its own so the JIT optimises it fully after the first rows.
    private void ProcessRow(string row, int lineNumber, Columns columns, Range[] ranges, TextWriter output, ref Counts counts)
    {
        counts.Lines++;
        var fieldCount = CsvFields.Split(row, ranges, out var text);
        output.Write(row);
        output.Write(',');
        if (fieldCount != columns.Count)
        {
            WriteError(output, $"line {lineNumber}: {fieldCount} fields, the header has {columns.Count}");
            counts.Errors++;
            return;
        }
        var index = columns.Index;
        var t = text.AsSpan();
        var billed = t[ranges[index[Billed]]].Trim();
        if (!billed.IsEmpty && !decimal.TryParse(billed, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            WriteError(output, $"line {lineNumber}: billed_charge '{billed}' is not an amount");
            counts.Errors++;
            return;
        }
        var qp = columns.Qp >= 0 && IsYes(t[ranges[columns.Qp]]) ? QpStatus.Qualifying : QpStatus.NonQualifying;
        if (!LineInput.TryBuild(t[ranges[index[Date]]], t[ranges[index[Hcpcs]]], t[ranges[index[Mods]]], t[ranges[index[Units]]],
                t[ranges[index[Pos]]], t[ranges[index[Zip]]], t[ranges[index[Locality]]], qp, environment.Zips, out var line, out var error))
        {
            WriteError(output, $"line {lineNumber}: {error}");
            counts.Errors++;
            return;
        }

        var price = environment.Pricer.Price(line);
        switch (price.Outcome)
        {
            case PricingOutcome.Priced:
                counts.Priced++;
                WriteAmount(output, price.Allowed.Amount);
                output.Write(price.Setting == Core.Codes.Setting.Facility ? ",facility,priced," : ",non-facility,priced,");
                WritePricedMessage(output, price);
                break;
            case PricingOutcome.NotPayable:
                counts.NotPayable++;
                output.Write(",,not_payable,");
                CsvFields.WriteField(output, price.Message);
                break;
            default:
                counts.Errors++;
                output.Write(",,error,");
                CsvFields.WriteField(output, $"line {lineNumber}: {price.Message}");
                break;
        }
        output.Write('\n');
    }

    /// <summary>Writes a whole-cent amount as 0.00 without the cost of a custom format string.</summary>
    private static void WriteAmount(TextWriter output, decimal amount)
    {
        var cents = (long)(amount * 100m);
        Span<char> buffer = stackalloc char[24];
        cents.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        if (n < 3)
        {
            // 0.05 -> "5": pad to at least three digits.
            Span<char> padded = stackalloc char[3];
            padded.Fill('0');
            buffer[..n].CopyTo(padded[(3 - n)..]);
            padded.CopyTo(buffer);
            n = 3;
        }
        output.Write(buffer[..(n - 2)]);
        output.Write('.');
        output.Write(buffer[(n - 2)..n]);
    }

    private static bool IsYes(ReadOnlySpan<char> v)
    {
        v = v.Trim();
        return v.Equals("y", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("1", StringComparison.Ordinal);
    }

    /// <summary>The release that priced the line, and any rule that changed the amount.</summary>
    private static void WritePricedMessage(TextWriter output, in PfsPrice price)
    {
        output.Write(price.RvuRelease!.Id);
        if (price.NonFacilityNaApplied) output.Write("; non-facility NA: facility rate");
        if (price.OppsCapApplied) output.Write("; OPPS imaging cap applied");
        if (price.Line.LocalitySource?.Note is { } note) { output.Write("; "); CsvFields.WriteField(output, note.Replace(',', ';')); }
    }

    private static void WriteError(TextWriter output, string message)
    {
        output.Write(",,error,");
        CsvFields.WriteField(output, message);
        output.Write('\n');
    }

    public static StreamWriter CreateOutput(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
}
