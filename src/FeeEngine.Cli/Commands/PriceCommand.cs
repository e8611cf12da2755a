using System.Text.Json;
using FeeEngine.Cli.Hosting;
using FeeEngine.Cli.Pricing;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine price</c>: one line, its amount and the steps that produced it.</summary>
public sealed class PriceCommand : ICommand
{
    public string Name => "price";
    public string Summary => "price one service line and explain the amount";
    public string Usage => """
        Usage: feeengine price --hcpcs CODE [--modifier MOD] (--zip ZIP | --locality MMMMM-LL) --pos POS --date YYYY-MM-DD
                               [--units N] [--qp] [--json]

          --hcpcs      HCPCS/CPT code, e.g. 99213
          --modifier   modifier(s): repeat the option or separate with ':' (e.g. 26, TC, 53)
          --zip        ZIP code of the place of service (looked up in the loaded ZIP5 file)
          --locality   Medicare locality as MAC-locality, e.g. 13202-01 (Manhattan)
          --pos        place-of-service code, e.g. 11 office, 22 outpatient hospital
          --date       date of service; selects the CMS release and conversion factor
          --units      units of service (default 1)
          --qp         the provider is a qualifying APM participant (2026 onward: QP conversion factor)
          --json       print the result and explanation as JSON
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["hcpcs", "modifier", "zip", "locality", "pos", "date", "units"];
    public IReadOnlyCollection<string> FlagOptions { get; } = ["json", "qp"];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var date = args.Required("date");
        if (!EffectivePeriod.TryParseIso(date, out var dos)) throw new UsageException($"--date '{date}' is not a date (YYYY-MM-DD)");
        if (args.Value("zip") is null && args.Value("locality") is null) throw new UsageException("give --zip or --locality");
        if (args.Value("zip") is not null && args.Value("locality") is not null) throw new UsageException("give --zip or --locality, not both");

        // A release never reaches into another year, so the date's year is all a single line needs; when that year
        // has nothing, everything is loaded so the error can list what does exist.
        var environment = PricingEnvironment.Load(context, [dos.Year]);
        if (environment.Pricer.Catalog.FindInForceOrNull(dos) is null) environment = PricingEnvironment.Load(context);
        var modifiers = string.Join(':', args.Values("modifier"));
        var qp = args.Flag("qp") ? QpStatus.Qualifying : QpStatus.NonQualifying;
        if (!LineInput.TryBuild(date, args.Required("hcpcs"), modifiers, args.Value("units") ?? "1", args.Required("pos"),
                args.Value("zip") ?? "", args.Value("locality") ?? "", qp, environment.Zips, out var line, out var error))
            throw new UsageException(error!);

        var price = environment.Pricer.Price(line);
        var explanation = price.Explain();
        if (args.Flag("json"))
        {
            context.Out.WriteLine(JsonSerializer.Serialize(explanation, JsonOptions));
        }
        else
        {
            var head = price.Outcome switch
            {
                PricingOutcome.Priced => $"{line.Code}{(line.Modifiers.Count > 0 ? "-" + line.Modifiers : "")}: allowed {price.Allowed} ({PfsExplanation.SettingText(price.Setting)}, {price.RvuRelease!.Id})",
                PricingOutcome.NotPayable => $"{line.Code}: not payable: {price.Message}",
                _ => $"{line.Code}: error: {price.Message}",
            };
            context.Out.WriteLine(head);
            foreach (var step in explanation.Steps) context.Out.WriteLine($"  - {step}");
        }
        return price.Outcome == PricingOutcome.Error ? 1 : 0;
    }

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
