using System.Globalization;
using System.Text;
using FeeEngine.Application.Pricing;

namespace FeeEngine.Application.Jobs;

/// <summary>
/// Prices a claim-line CSV in chunks of whole claims. Each chunk's output rows (about <c>chunkRows</c> rows each) are
/// committed with the next input line as the checkpoint, so a job taken over by another worker carries on
/// from the last committed chunk; when every chunk is in, the output file is written from the committed rows
/// (through a temporary file moved into place). The output equals <c>feeengine price-file</c>'s. A claim's lines
/// must be together in the file (a claim that continues after other claims fails the job, saying which).
/// </summary>
/// <param name="chunkRows">Rows per chunk (a chunk ends at the first claim boundary past it).</param>
public sealed class PriceFileJob(PricingEnvironmentCache environments, int chunkRows = PriceFileJob.DefaultChunkRows) : IJobHandler
{
    public const int DefaultChunkRows = 500;

    public string Kind => JobKinds.PriceFile;

    public string Run(JobContext context)
    {
        var args = context.Arguments<PriceFileArguments>();
        if (!File.Exists(args.Input)) throw new FileNotFoundException($"input file {args.Input} does not exist", args.Input);
        var name = Path.GetFileName(args.Input);
        var runner = new PriceFileRunner(environments.Get(), args.Payer);
        // Counted once, on the first attempt; a resumed job has it from its row.
        var total = context.Job.RowsTotal ?? CountRows(args.Input);

        using (var reader = new StreamReader(args.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            var header = reader.ReadLine() ?? throw new InvalidDataException($"{name} is empty: expected a header line with {string.Join(',', PriceFileRunner.RequiredColumns)}.");
            var (columns, _) = runner.Prepare(header, name);
            var next = context.Checkpoint is { } checkpoint ? int.Parse(checkpoint.AsSpan(5), CultureInfo.InvariantCulture) : 2;
            var lineNumber = 1;
            while (lineNumber + 1 < next && reader.ReadLine() is not null) lineNumber++;

            var keyRanges = new Range[columns.KeyFields];
            var finished = new HashSet<string>(StringComparer.Ordinal);
            var rows = new List<string>(chunkRows + 16);
            var lineNumbers = new List<int>(chunkRows + 16);
            string? currentKey = null;
            string? text;
            while ((text = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (text.Length == 0) continue;
                var key = columns.ClaimKey(text, keyRanges);
                if (key != currentKey)
                {
                    if (currentKey is not null) finished.Add(currentKey);
                    if (key is not null && finished.Contains(key))
                        throw new InvalidDataException($"{name} line {lineNumber}: claim {key.Replace('\u001F', ' ')} continues after other claims; list a claim's lines together (feeengine price-file regroups such files in memory)");
                    if (rows.Count >= chunkRows) Commit(lineNumber);
                    currentKey = key;
                }
                rows.Add(text);
                lineNumbers.Add(lineNumber);
            }
            if (rows.Count > 0) Commit(lineNumber + 1);

            void Commit(int nextLine)
            {
                context.CommitChunk(runner.PriceRows(rows, lineNumbers, columns), total, $"line:{nextLine}");
                rows.Clear();
                lineNumbers.Clear();
            }

            var temp = args.Output + ".partial";
            using (var writer = PriceFileRunner.CreateOutput(temp))
            {
                writer.Write(runner.Prepare(header, name).OutputHeader);
                writer.Write('\n');
                foreach (var row in context.Output())
                {
                    writer.Write(row);
                    writer.Write('\n');
                }
            }
            File.Move(temp, args.Output, overwrite: true);
        }
        return $"{context.RowsDone.ToString("N0", CultureInfo.InvariantCulture)} lines priced into {args.Output}";
    }

    private static long CountRows(string path)
    {
        long rows = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null) if (line.Length > 0) rows++;
        return rows;
    }
}
