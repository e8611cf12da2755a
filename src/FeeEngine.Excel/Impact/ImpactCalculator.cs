using FeeEngine.Application.Pricing;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using FeeEngine.Excel.Codes;
using FeeEngine.Excel.Comparison;
using NodaTime;

namespace FeeEngine.Excel.Impact;

/// <summary>
/// Prices the same codes on two dates of service (e.g. 2025 against 2026, or two quarterly releases) as one-line
/// claims of one unit, under Medicare and optionally a payer, and the revenue impact of the change at given volumes.
/// </summary>
public static class ImpactCalculator
{
    public static ScheduleImpact Compute(PricingEnvironment pricing, ImpactRequest request)
    {
        var catalog = pricing.Pricer.Catalog;
        var codes = CodeSet(catalog, request);
        var volumes = request.Volumes?.GroupBy(v => (v.Service.Code.Packed, v.Service.ModifierText))
            .ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        var releases = new SortedSet<string>(StringComparer.Ordinal);
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        var rows = new List<ImpactRow>(codes.Count);
        foreach (var code in codes)
        {
            var (mFrom, pFrom, noteFrom) = Price(pricing, request, code, request.From, releases, versions);
            var (mTo, pTo, noteTo) = Price(pricing, request, code, request.To, releases, versions);
            long? volume = volumes is null ? null : volumes.GetValueOrDefault((code.Code.Packed, code.ModifierText));
            var note = noteFrom == noteTo ? noteFrom : string.Join("; ", new[] { noteFrom is null ? null : $"{EffectivePeriod.Iso(request.From)}: {noteFrom}", noteTo is null ? null : $"{EffectivePeriod.Iso(request.To)}: {noteTo}" }.Where(n => n is not null));
            rows.Add(new ImpactRow(code, mFrom, mTo, pFrom, pTo, volume, request.Payer is not null, string.IsNullOrEmpty(note) ? null : note));
        }
        return new ScheduleImpact(request, rows, [.. releases], [.. versions]);
    }

    /// <summary>The given codes (bare codes with their modifier rows), then volume codes not among them; with no codes,
    /// every code and modifier row of the releases in force on either date, in code order.</summary>
    internal static IReadOnlyList<CodeRequest> CodeSet(PfsCatalog catalog, ImpactRequest request)
    {
        IEnumerable<CodeRequest> codes;
        if (request.Codes is { } given)
        {
            codes = PayerComparer.ExpandModifierRows(catalog.FindInForceOrNull(request.To) ?? catalog.FindInForceOrNull(request.From), given);
        }
        else if (request.Volumes is not null)
        {
            codes = [];
        }
        else
        {
            codes = new[] { request.From, request.To }.Select(catalog.FindInForceOrNull).OfType<PfsRelease>().Distinct()
                .SelectMany(r => r.Rvus).Select(r => (Code: r.Code.ToString(), Mod: r.Modifier.IsNone ? "" : r.Modifier.ToString(), r.Code, r.Modifier))
                .Distinct().OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Mod, StringComparer.Ordinal)
                .Select(r => new CodeRequest(r.Item3, new Core.Codes.ModifierList(r.Modifier), Bare: false));
        }
        var result = new List<CodeRequest>();
        var seen = new HashSet<(ulong, string)>();
        foreach (var c in codes.Concat(request.Volumes?.Select(v => v.Service with { Bare = false }) ?? []))
            if (seen.Add((c.Code.Packed, c.ModifierText))) result.Add(c);
        return result;
    }

    private static (decimal? Medicare, decimal? Payer, string? Note) Price(PricingEnvironment pricing, ImpactRequest request, CodeRequest code, LocalDate date, SortedSet<string> releases, SortedSet<string> versions)
    {
        var medicare = PayerComparer.PriceMedicare(pricing, code, request.Locality, request.PlaceOfService, date);
        var line = medicare.Lines[0];
        if (line.Base is { RvuRelease: { } rvu } pfs)
        {
            releases.Add($"{EffectivePeriod.Iso(date)}: PFS release {rvu.Id}" + (pfs.GpciRelease is { } g && g.Id != rvu.Id ? $", GPCIs of {g.Id}" : "") +
                         (pfs.ConversionFactor is { } cf ? $", conversion factor {cf.Pfs}" : ""));
        }
        decimal? m = line.IsPriced ? line.Allowed!.Value.Amount : null;
        var note = line.IsPriced ? null : line.Message;
        decimal? p = null;
        if (request.Payer is { } payer)
        {
            var expected = pricing.Contracts.Price(medicare.Claim, payer, medicare).Lines[0];
            if (expected.Contract is { } contract)
                versions.Add($"{EffectivePeriod.Iso(date)}: {payer}: contract {contract.Label}" + (expected.Version is { } v ? $", version {v.Label} ({v.Period})" : ""));
            p = expected.IsPriced ? expected.Expected!.Value.Amount : null;
            if (!expected.IsPriced && note is null) note = $"{payer}: {expected.Reason}";
        }
        return (m, p, note);
    }
}
