using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Cli.Commands;

/// <summary>What the export commands share: reading dates, localities and places of service, and the output kind.</summary>
internal static class ExportOptions
{
    /// <summary>True for a workbook (.xlsx), false for CSV (.csv); anything else is a usage error.</summary>
    public static bool IsWorkbook(string output)
    {
        var ext = Path.GetExtension(output);
        if (ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) return true;
        if (ext.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return false;
        throw new UsageException($"--out '{output}' must end in .xlsx (a workbook) or .csv");
    }

    public static LocalDate Date(CommandLine args, string name)
    {
        var text = args.Required(name);
        return EffectivePeriod.TryParseIso(text, out var date) ? date : throw new UsageException($"--{name} '{text}' is not a date YYYY-MM-DD");
    }

    public static LocalityId Locality(CommandLine args) =>
        LocalityId.TryParse(args.Required("locality"), out var id) ? id : throw new UsageException($"--locality '{args.Value("locality")}' is not a locality MMMMM-LL (MAC and locality number, e.g. 10112-00)");

    public static PlaceOfService Pos(CommandLine args) =>
        args.Value("pos") is not { } text ? PlaceOfService.Parse("11")
        : PlaceOfService.TryParse(text, out var pos) ? pos : throw new UsageException($"--pos '{text}' is not a place of service code (01-99)");

    /// <summary>The command as typed, for the cover sheet.</summary>
    public static string CommandText(string name, CommandLine args) =>
        $"feeengine {name} " + string.Join(' ', args.Ordered.Select(o => $"--{o.Name} {(o.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{o.Value}\"" : o.Value)}"));

    /// <summary>Fails early when no loaded release has the locality's GPCIs on the date (every row would fail otherwise).</summary>
    public static void CheckLocality(Application.Pricing.PricingEnvironment pricing, LocalityId locality, LocalDate date)
    {
        var catalog = pricing.Pricer.Catalog;
        var release = catalog.FindGpciSourceOrNull(date) ?? throw new Core.Pfs.ReferenceDataNotFoundException(catalog.NoReleaseMessage(date));
        if (release.FindGpciOrNull(locality) is null)
            throw new UsageException($"locality {locality} is not in the GPCI file of release {release.Id} (in force on {EffectivePeriod.Iso(date)})");
    }
}
