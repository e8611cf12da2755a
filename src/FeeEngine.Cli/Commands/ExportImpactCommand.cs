using System.Globalization;
using FeeEngine.Cli.Hosting;
using FeeEngine.Excel.Codes;
using FeeEngine.Excel.Csv;
using FeeEngine.Excel.Impact;
using FeeEngine.Excel.Workbooks;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine export impact</c>: the same codes priced on two dates, and the revenue impact at given volumes.</summary>
public sealed class ExportImpactCommand : ICommand
{
    public string Name => "export impact";
    public string Summary => "schedule change impact workbook: codes priced on two dates, change in $ and %, revenue impact";
    public string Usage => """
        Usage: feeengine export impact --from YYYY-MM-DD --to YYYY-MM-DD --locality MMMMM-LL [--payer NAME] [--volumes file.csv]
                                       [--codes <list|file>] [--pos 11] --out impact.xlsx|impact.csv

          --from, --to  the two dates of service compared (e.g. 2025-12-31 and 2026-01-01, or two quarterly releases).
          --payer       also compare this payer's expected amounts; the revenue impact is then the payer's.
          --volumes     CSV code,modifier,count: revenue on each date = count x amount, and its change, per code and in total.
          --codes       as for export compare; default the codes of --volumes, else every code of the releases in force.
          --pos         place of service priced (default 11, non-facility).
          --out         .xlsx: a cover sheet and the impact sheet (totals as formulas); .csv: the rows.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["from", "to", "locality", "payer", "volumes", "codes", "pos", "out"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var output = args.Required("out");
        var workbook = ExportOptions.IsWorkbook(output);
        var from = ExportOptions.Date(args, "from");
        var to = ExportOptions.Date(args, "to");
        var locality = ExportOptions.Locality(args);
        var pos = ExportOptions.Pos(args);
        var codesText = args.Value("codes");
        var codes = codesText is null ? null : CodeListReader.Read(codesText);
        var volumesPath = args.Value("volumes");
        if (volumesPath is not null && !File.Exists(volumesPath)) throw new FileNotFoundException($"file not found: {volumesPath}", volumesPath);
        var volumes = volumesPath is null ? null : VolumeFileReader.Read(volumesPath);
        var pricing = context.LoadPricing();
        ExportOptions.CheckLocality(pricing, locality, from);
        ExportOptions.CheckLocality(pricing, locality, to);

        var impact = ImpactCalculator.Compute(pricing, new ImpactRequest(codes, locality, from, to, pos, args.Value("payer"), volumes));
        var inv = CultureInfo.InvariantCulture;
        if (workbook)
        {
            var source = codesText is null ? volumes is null ? "every code of the releases in force" : "the codes of the volumes file"
                : File.Exists(codesText) ? Path.GetFileName(codesText) : codesText;
            ImpactWorkbook.Save(impact, ImpactWorkbook.CoverFor(impact, context.Clock.GetUtcNow(), ExportOptions.CommandText(Name, args), source,
                volumesPath is null ? null : $"{Path.GetFileName(volumesPath)} ({volumes!.Count.ToString("N0", inv)} rows)"), output);
        }
        else
        {
            ExportCsv.Impact(impact, output);
        }
        context.Out.WriteLine($"Wrote {output}: {impact.Rows.Count.ToString("N0", inv)} codes" +
                              (impact.HasVolumes ? $"; revenue {impact.RevenueFromTotal.ToString("N2", inv)} -> {impact.RevenueToTotal.ToString("N2", inv)}, impact {impact.RevenueImpactTotal.ToString("+#,##0.00;-#,##0.00;0.00", inv)}." : "."));
        return 0;
    }
}
