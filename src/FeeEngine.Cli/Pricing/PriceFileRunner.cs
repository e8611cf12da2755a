using System.Diagnostics;
using System.Globalization;
using System.Text;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Cli.Pricing;

/// <summary>Counts of a price-file run.</summary>
public sealed record PriceFileSummary(long Lines, long Claims, long Priced, long NotPayable, long Errors, TimeSpan Elapsed);

/// <summary>
/// Prices a claim-line CSV into an output CSV. Lines are grouped into claims by claim_id and date of service
/// (wherever they stand in the file) and priced with Medicare's claim-level payment policies. The output is the
/// input columns as they were, then <see cref="OutputColumns"/>. A bad row becomes an <c>error</c> row with its
/// reason and the other rows are still priced; only an unreadable file (missing, empty, without the required
/// columns) stops the run. The file is held in memory (about 0.4 KB a line) so that a claim's lines may be anywhere.
/// </summary>
public sealed class PriceFileRunner(PricingEnvironment environment)
{
    public static readonly string[] RequiredColumns =
        ["claim_id", "line", "date_of_service", "hcpcs", "modifiers", "units", "pos", "zip", "locality", "billed_charge"];

    /// <summary>Optional input columns.</summary>
    public static readonly string[] OptionalColumns = ["provider_type", "anesthesia_minutes", "deductible_remaining", "qp"];

    public static readonly string[] OutputColumns =
        ["medicare_allowed", "setting", "outcome", "message", "adjustments", "lesser_of_billed", "patient_share", "medicare_payment"];

    private const int ClaimsPerBatch = 2048;

    /// <exception cref="InvalidDataException">The file is empty or lacks a required column.</exception>
    public PriceFileSummary Run(TextReader input, TextWriter output, string inputName, TextWriter? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var header = input.ReadLine();
        if (header is null) throw new InvalidDataException($"{inputName} is empty: expected a header line with {string.Join(',', RequiredColumns)}.");
        var columns = InputColumns.FromHeader(header, inputName);
        output.Write(header.TrimStart('\uFEFF'));
        foreach (var c in OutputColumns) { output.Write(','); output.Write(c); }
        output.Write('\n');

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

        var parsed = new ParsedRow[rows.Count];
        Parallel.For(0, (rows.Count + 8191) / 8192, chunk =>
        {
            var ranges = new Range[columns.Count + 1];
            for (var i = chunk * 8192; i < Math.Min(rows.Count, (chunk + 1) * 8192); i++)
                parsed[i] = ParsedRow.Parse(rows[i], lineNumbers[i], columns, ranges, environment.Zips);
        });

        // Claims in order of first appearance; each claim's rows in file order.
        var claims = new List<List<int>>();
        var byKey = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i].Line is null) continue;
            var key = (parsed[i].ClaimId, parsed[i].DateText);
            if (!byKey.TryGetValue(key, out var list)) { byKey[key] = list = []; claims.Add(list); }
            list.Add(i);
        }

        var suffixes = new string[rows.Count];
        var counts = new long[3];
        Parallel.For(0, (claims.Count + ClaimsPerBatch - 1) / ClaimsPerBatch, batch =>
        {
            var local = new long[3];
            var sb = new StringBuilder(256);
            for (var c = batch * ClaimsPerBatch; c < Math.Min(claims.Count, (batch + 1) * ClaimsPerBatch); c++)
                PriceClaim(claims[c], parsed, suffixes, sb, local);
            for (var k = 0; k < 3; k++) Interlocked.Add(ref counts[k], local[k]);
        });

        long errors = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            output.Write(rows[i]);
            output.Write(',');
            if (parsed[i].Line is null)
            {
                errors++;
                output.Write(",,error,");
                CsvFields.WriteField(output, parsed[i].Error);
                output.Write(",,,,\n");
            }
            else
            {
                output.Write(suffixes[i]);
            }
        }
        progress?.WriteLine($"  {rows.Count.ToString("N0", CultureInfo.InvariantCulture)} lines in {claims.Count.ToString("N0", CultureInfo.InvariantCulture)} claims priced");
        return new PriceFileSummary(rows.Count, claims.Count, counts[0], counts[1], counts[2] + errors, clock.Elapsed);
    }

    private void PriceClaim(List<int> rowIndexes, ParsedRow[] parsed, string[] suffixes, StringBuilder sb, long[] counts)
    {
        var first = parsed[rowIndexes[0]];
        var deductible = rowIndexes.Select(i => parsed[i].Deductible).FirstOrDefault(d => d is not null);
        var claim = new Claim(first.ClaimId, rowIndexes.Select(i => parsed[i].Line!).ToList(), deductible);
        var price = environment.Claims.Price(claim);
        for (var k = 0; k < rowIndexes.Count; k++)
        {
            var row = rowIndexes[k];
            var line = price.Lines[k];
            sb.Clear();
            switch (line.Outcome)
            {
                case PricingOutcome.Priced:
                    counts[0]++;
                    sb.Append(Amount(line.Allowed)).Append(',').Append(SettingText(line)).Append(",priced,");
                    AppendField(sb, PricedMessage(line));
                    break;
                case PricingOutcome.NotPayable:
                    counts[1]++;
                    sb.Append(",,not_payable,");
                    AppendField(sb, line.Message);
                    break;
                default:
                    counts[2]++;
                    sb.Append(",,error,");
                    AppendField(sb, $"line {parsed[row].LineNumber}: {line.Message}");
                    break;
            }
            sb.Append(',');
            AppendField(sb, line.AdjustmentsText);
            sb.Append(',').Append(Amount(line.LesserOfBilled)).Append(',').Append(Amount(line.PatientShare)).Append(',').Append(Amount(line.MedicarePayment)).Append('\n');
            suffixes[row] = sb.ToString();
        }
    }

    private static string SettingText(ClaimLinePrice line) =>
        line.Anesthesia is not null ? "anesthesia" : line.Base!.Value.Setting == Core.Codes.Setting.Facility ? "facility" : "non-facility";

    /// <summary>The release that priced the line, and any rule that changed the fee schedule amount.</summary>
    private static string PricedMessage(ClaimLinePrice line)
    {
        if (line.Anesthesia is { } a) return $"{a.AnesthesiaRelease}; anesthesia";
        var p = line.Base!.Value;
        var text = p.RvuRelease!.Id;
        if (p.NonFacilityNaApplied) text += "; non-facility NA: facility rate";
        if (p.OppsCapApplied) text += "; OPPS imaging cap applied";
        if (p.Line.LocalitySource?.Note is { } note) text += "; " + note;
        return text;
    }

    private static string Amount(Core.Money.Money? m) =>
        m is { } v ? v.Amount.ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static void AppendField(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) { sb.Append(value); return; }
        sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    public static StreamWriter CreateOutput(string path) =>
        new(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
}
