using System.Globalization;
using FeeEngine.Cli.Hosting;
using FeeEngine.Excel.Codes;
using FeeEngine.Excel.Comparison;
using FeeEngine.Excel.Csv;
using FeeEngine.Excel.Workbooks;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine export compare</c>: Medicare and each payer's expected amount per code, as a workbook or CSV.</summary>
public sealed class ExportCompareCommand : ICommand
{
    public string Name => "export compare";
    public string Summary => "payer comparison workbook: Medicare facility/non-facility and each payer's expected amount per code";
    public string Usage => """
        Usage: feeengine export compare --codes <list|file> --locality MMMMM-LL --date YYYY-MM-DD [--payers A,B,...] [--pos 11]
                                        --out compare.xlsx|compare.csv

          --codes   codes separated by commas (99213,99214-25,71046-26) or a file of one code a line (CODE, CODE-MOD
                    or CODE,MOD). A code without modifiers also gets its 26, TC and other modifier rows of the schedule.
          --payers  payer names (or Payer/Contract) in column order; default every payer with a stored contract.
          --pos     the place of service the payers are priced at (default 11, non-facility); Medicare is shown in both
                    settings and the payers' percentages are of Medicare at this place of service.
          --out     .xlsx: a cover sheet, the comparison (frozen header, autofilter, outliers highlighted) and a
                    summary by payer; .csv: the comparison's rows.
          Each code is priced as a one-line claim of one unit.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["codes", "locality", "date", "payers", "pos", "out"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var output = args.Required("out");
        var workbook = ExportOptions.IsWorkbook(output);
        var codesText = args.Required("codes");
        var locality = ExportOptions.Locality(args);
        var date = ExportOptions.Date(args, "date");
        var pos = ExportOptions.Pos(args);
        var codes = CodeListReader.Read(codesText);
        var pricing = context.LoadPricing();
        ExportOptions.CheckLocality(pricing, locality, date);
        var payers = args.Value("payers") is { } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : pricing.Contracts.Book.Contracts.Select(c => c.Payer).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();

        var comparison = PayerComparer.Compare(pricing, new ComparisonRequest(codes, locality, date, pos, payers));
        if (workbook)
        {
            var source = File.Exists(codesText) ? $"{Path.GetFileName(codesText)} ({codes.Count.ToString("N0", CultureInfo.InvariantCulture)} codes)" : codesText;
            CompareWorkbook.Save(comparison, CompareWorkbook.CoverFor(comparison, context.Clock.GetUtcNow(), ExportOptions.CommandText(Name, args), source), output);
        }
        else
        {
            ExportCsv.Compare(comparison, output);
        }
        context.Out.WriteLine($"Wrote {output}: {comparison.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)} codes, " +
                              $"{(payers.Length == 0 ? "no payers (no contracts stored): Medicare only" : $"payers {string.Join(", ", payers)}")}.");
        return 0;
    }
}
