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
        const int Date = 2, Hcpcs = 3, Mods = 4, Units = 5, Pos = 6, Zip = 7, Locality = 8, Billed = 9;

        output.Write(header.TrimStart('\uFEFF'));
        foreach (var c in OutputColumns) { output.Write(','); output.Write(c); }
        output.Write('\n');

        Span<Range> ranges = stackalloc Range[Math.Max(headerNames.Length, 1) + 1];
        Span<char> number = stackalloc char[32];
        long lines = 0, priced = 0, notPayable = 0, errors = 0;
        var lineNumber = 1;
        string? row;
        while ((row = input.ReadLine()) is not null)
        {
            lineNumber++;
            if (row.Length == 0) continue;
            lines++;
            var fieldCount = CsvFields.Split(row, ranges, out var text);
            output.Write(row);
            output.Write(',');
            if (fieldCount != headerNames.Length)
            {
                WriteError(output, $"line {lineNumber}: {fieldCount} fields, the header has {headerNames.Length}");
                errors++;
                continue;
            }
            var t = text.AsSpan();
            var billed = t[ranges[index[Billed]]].Trim();
            if (!billed.IsEmpty && !decimal.TryParse(billed, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                WriteError(output, $"line {lineNumber}: billed_charge '{billed}' is not an amount");
                errors++;
                continue;
            }
            var qp = qpIndex >= 0 && IsYes(t[ranges[qpIndex]]) ? QpStatus.Qualifying : QpStatus.NonQualifying;
            if (!LineInput.TryBuild(t[ranges[index[Date]]], t[ranges[index[Hcpcs]]], t[ranges[index[Mods]]], t[ranges[index[Units]]],
                    t[ranges[index[Pos]]], t[ranges[index[Zip]]], t[ranges[index[Locality]]], qp, environment.Zips, out var line, out var error))
            {
                WriteError(output, $"line {lineNumber}: {error}");
                errors++;
                continue;
            }

            var price = environment.Pricer.Price(line);
            switch (price.Outcome)
            {
                case PricingOutcome.Priced:
                    priced++;
                    price.Allowed.Amount.TryFormat(number, out var written, "0.00", CultureInfo.InvariantCulture);
                    output.Write(number[..written]);
                    output.Write(price.Setting == Core.Codes.Setting.Facility ? ",facility,priced," : ",non-facility,priced,");
                    WritePricedMessage(output, price);
                    break;
                case PricingOutcome.NotPayable:
                    notPayable++;
                    output.Write(",,not_payable,");
                    CsvFields.WriteField(output, price.Message);
                    break;
                default:
                    errors++;
                    output.Write(",,error,");
                    CsvFields.WriteField(output, $"line {lineNumber}: {price.Message}");
                    break;
            }
            output.Write('\n');
            if (progress is not null && lines % ProgressEvery == 0)
                progress.WriteLine($"  {lines.ToString("N0", CultureInfo.InvariantCulture)} lines priced...");
        }
        return new PriceFileSummary(lines, priced, notPayable, errors, clock.Elapsed);
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
