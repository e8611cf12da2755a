using System.Globalization;
using System.Text.Json;
using FeeEngine.Cli.Hosting;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine price</c>: one line or a small claim, each line's amount and the steps that produced it.</summary>
public sealed class PriceCommand : ICommand
{
    public string Name => "price";
    public string Summary => "price a line or a small claim and explain every amount";
    public string Usage => """
        Usage: feeengine price --hcpcs CODE [--modifier MOD] [--units N] [--billed AMOUNT] [--minutes N]
                               [--hcpcs CODE [--modifier MOD] ...]
                               (--zip ZIP | --locality MMMMM-LL) --pos POS --date YYYY-MM-DD
                               [--provider-type physician|NP|PA|CNS] [--deductible AMOUNT] [--qp] [--payer NAME] [--json]
               feeengine price --claim claim.json [--payer NAME] [--json]

          --hcpcs          HCPCS/CPT code, e.g. 99213; repeat for more lines of one claim (same date, same provider)
          --modifier       modifier(s) of the preceding --hcpcs: repeat or separate with ':' (e.g. 26, TC, 50, 51, 80)
          --units          units of the preceding --hcpcs (default 1)
          --billed         billed charge of the preceding --hcpcs (for the lesser-of-billed figure)
          --minutes        anesthesia minutes of the preceding --hcpcs
          --zip            ZIP code of the place of service (looked up in the loaded ZIP5 file)
          --locality       Medicare locality as MAC-locality, e.g. 13202-01 (Manhattan)
          --pos            place-of-service code, e.g. 11 office, 22 outpatient hospital
          --date           date of service; selects the CMS release and conversion factor
          --provider-type  who rendered the services: physician (default), NP, PA or CNS (85%)
          --deductible     Part B deductible the patient still owes
          --qp             the provider is a qualifying APM participant (2026 onward: QP conversion factor)
          --claim          a claim JSON file: {"date_of_service": ..., "locality" or "zip": ..., "pos": ...,
                           "provider_type": ..., "deductible_remaining": ..., "lines": [{"hcpcs": ..., "modifiers": "50",
                           "units": 1, "billed_charge": 100.0, "anesthesia_minutes": 60}]}
          --payer          also price by this payer's stored contract (NAME or NAME/CONTRACT) and show its steps
          --json           print the result and explanation as JSON
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } =
        ["hcpcs", "modifier", "units", "billed", "minutes", "zip", "locality", "pos", "date", "provider-type", "deductible", "claim", "payer"];
    public IReadOnlyCollection<string> FlagOptions { get; } = ["json", "qp"];

    private static readonly string[] LineOptions = ["modifier", "units", "billed", "minutes"];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        var request = args.Value("claim") is { } file ? ClaimRequest.Read(file) : FromOptions(args);
        var date = request.DateOfService ?? throw new UsageException("the date of service is required (--date)");
        if (!EffectivePeriod.TryParseIso(date, out var dos)) throw new UsageException($"date of service '{date}' is not a date (YYYY-MM-DD)");
        if (request.Lines.Count == 0) throw new UsageException("give at least one --hcpcs");

        // A release never reaches into another year, so the date's year is all a claim needs; when that year
        // has nothing, everything is loaded so the error can list what does exist.
        // A contract may price from another year's schedule (a frozen base), so with a payer everything is loaded.
        var payer = args.Value("payer");
        var environment = context.LoadPricing(payer is null ? [dos.Year] : null);
        if (environment.Pricer.Catalog.FindInForceOrNull(dos) is null && payer is null) environment = context.LoadPricing();

        var claim = BuildClaim(request, environment);
        var price = environment.Claims.Price(claim);
        var expected = payer is null ? null : environment.Contracts.Price(claim, payer, price).Lines;
        var reports = price.Lines.Select((l, i) => LineReport.From(l) with { Contract = expected is null ? null : ContractReport.From(expected[i]) }).ToList();
        if (args.Flag("json"))
        {
            object body = reports.Count == 1 ? reports[0] : new { claim_id = claim.ClaimId, lines = reports };
            context.Out.WriteLine(JsonSerializer.Serialize(body, JsonOptions));
        }
        else
        {
            foreach (var (line, report) in price.Lines.Zip(reports))
            {
                var s = line.Line.Service;
                var what = $"{(price.Lines.Count > 1 ? $"line {line.Line.LineId}: " : "")}{s.Code}{(s.Modifiers.Count > 0 ? "-" + s.Modifiers : "")}";
                context.Out.WriteLine(line.Outcome switch
                {
                    PricingOutcome.Priced when report.ScheduleFile is { } scheduleFile => $"{what}: allowed {line.Allowed} ({report.Schedule}, {scheduleFile})",
                    PricingOutcome.Priced => $"{what}: allowed {line.Allowed} ({report.Setting}, {report.RvuRelease})" +
                                             (line.Adjustments.Count > 0 ? $" [{line.AdjustmentsText}]" : ""),
                    PricingOutcome.NotPayable => $"{what}: not payable: {line.Message}",
                    _ => $"{what}: error: {line.Message}",
                });
                foreach (var step in report.Steps) context.Out.WriteLine($"  - {step}");
                if (report.Contract is { } c)
                {
                    context.Out.WriteLine(c.Expected is { } amount ? $"  {payer}: expected {amount:0.00} ({c.Term})" : $"  {payer}: unpriced");
                    foreach (var step in c.Steps) context.Out.WriteLine($"    - {step}");
                }
            }
            if (price.Lines.Count > 1) context.Out.WriteLine($"Claim total allowed: {price.TotalAllowed}");
            if (expected is not null && price.Lines.Count > 1)
                context.Out.WriteLine($"Claim total expected from {payer}: {expected.Where(e => e.Expected is not null).Sum(e => e.Expected!.Value.Amount):0.00}" +
                                      (expected.Any(e => !e.IsPriced) ? $" ({expected.Count(e => !e.IsPriced)} line(s) unpriced)" : ""));
        }
        return price.Lines.Any(l => l.Outcome == PricingOutcome.Error) ? 1 : 0;
    }

    /// <summary>Each --hcpcs starts a line; --modifier, --units, --billed and --minutes belong to the --hcpcs before them.</summary>
    private static ClaimRequest FromOptions(CommandLine args)
    {
        var lines = new List<ClaimRequestLine>();
        foreach (var (name, value) in args.Ordered)
        {
            if (name == "hcpcs")
            {
                lines.Add(new ClaimRequestLine { Line = (lines.Count + 1).ToString(CultureInfo.InvariantCulture), Hcpcs = value });
                continue;
            }
            if (!LineOptions.Contains(name)) continue;
            if (lines.Count == 0) throw new UsageException($"--{name} must follow the --hcpcs it belongs to");
            var last = lines[^1];
            lines[^1] = name switch
            {
                "modifier" => AddModifier(last, value),
                "units" => last with { Units = Int(name, value) },
                "billed" => last with { BilledCharge = Dec(name, value) },
                _ => last with { AnesthesiaMinutes = Int(name, value) },
            };
        }
        if (args.Value("zip") is null && args.Value("locality") is null) throw new UsageException("give --zip or --locality");
        if (args.Value("zip") is not null && args.Value("locality") is not null) throw new UsageException("give --zip or --locality, not both");
        return new ClaimRequest
        {
            ClaimId = "command-line",
            DateOfService = args.Required("date"),
            Zip = args.Value("zip"),
            Locality = args.Value("locality"),
            Pos = args.Required("pos"),
            ProviderType = args.Value("provider-type"),
            DeductibleRemaining = args.Value("deductible") is { } d ? Dec("deductible", d) : null,
            Qp = args.Flag("qp"),
            Lines = lines,
        };

        static ClaimRequestLine AddModifier(ClaimRequestLine line, string value) =>
            line with { Modifiers = string.IsNullOrEmpty(line.Modifiers) ? value : $"{line.Modifiers}:{value}" };
    }

    private static Claim BuildClaim(ClaimRequest r, PricingEnvironment environment)
    {
        var lines = new List<ClaimLine>();
        for (var i = 0; i < r.Lines.Count; i++)
        {
            var l = r.Lines[i];
            var id = l.Line ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            if (l.Hcpcs is null) throw new UsageException($"line {id}: hcpcs is required");
            var units = (l.Units ?? 1).ToString(CultureInfo.InvariantCulture);
            if (!LineInput.TryBuild(r.DateOfService, l.Hcpcs, l.Modifiers ?? "", units, l.Pos ?? r.Pos ?? "", r.Zip ?? "", r.Locality ?? "",
                    r.Qp ? QpStatus.Qualifying : QpStatus.NonQualifying, environment.Zips, out var service, out var error))
                throw new UsageException($"line {id}: {error}");
            if (!ProviderTypes.TryParse(l.ProviderType ?? r.ProviderType, out var provider))
                throw new UsageException($"line {id}: provider type '{l.ProviderType ?? r.ProviderType}' is not one of physician, MD, DO, NP, PA, CNS");
            lines.Add(new ClaimLine(id, service, l.BilledCharge is { } b ? new Core.Money.Money(b) : null, provider, l.AnesthesiaMinutes));
        }
        return new Claim(r.ClaimId ?? "claim", lines, r.DeductibleRemaining is { } d ? new Core.Money.Money(d) : null);
    }

    private static int Int(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--{option} '{value}' is not a whole number");

    private static decimal Dec(string option, string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw new UsageException($"--{option} '{value}' is not an amount");

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
