using System.Globalization;
using FeeEngine.Application.Pricing;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using FeeEngine.Excel.Codes;
using NodaTime;

namespace FeeEngine.Excel.Comparison;

/// <summary>
/// Prices each code and modifier as a one-line claim of one unit (so no multiple-procedure or other cross-line
/// reduction applies): under Medicare at POS 11 (non-facility) and POS 22 (facility), and under each payer's contract
/// at the request's place of service. A code given without modifiers also gets the schedule's modifier rows
/// (26, TC, 53) of the release in force, so a comparison shows the global, professional and technical amounts.
/// </summary>
public static class PayerComparer
{
    public static readonly PlaceOfService NonFacility = PlaceOfService.Parse("11");
    public static readonly PlaceOfService Facility = PlaceOfService.Parse("22");

    public static PayerComparison Compare(PricingEnvironment pricing, ComparisonRequest request)
    {
        var codes = ExpandModifierRows(pricing.Pricer.Catalog.FindInForceOrNull(request.Date), request.Codes);
        var releases = new SortedSet<string>(StringComparer.Ordinal);
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        var rows = new List<ComparisonRow>(codes.Count);
        foreach (var code in codes)
            rows.Add(PriceRow(pricing, request, code, releases, versions));
        return new PayerComparison(request with { Codes = codes }, rows, [.. releases], [.. versions]);
    }

    /// <summary>The codes with each bare code followed by its modifier rows in the release (in the release's modifier order).</summary>
    internal static IReadOnlyList<CodeRequest> ExpandModifierRows(PfsRelease? release, IReadOnlyList<CodeRequest> codes)
    {
        if (release is null || !codes.Any(c => c.Bare)) return codes;
        var wanted = codes.Where(c => c.Bare).Select(c => c.Code).ToHashSet();
        var modifierRows = release.Rvus.Where(r => !r.Modifier.IsNone && wanted.Contains(r.Code))
            .GroupBy(r => r.Code)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Modifier).Distinct().OrderBy(m => m.ToString(), StringComparer.Ordinal).ToList());
        var result = new List<CodeRequest>(codes.Count);
        var seen = new HashSet<(ulong, string)>();
        foreach (var c in codes)
        {
            if (seen.Add((c.Code.Packed, c.ModifierText))) result.Add(c);
            if (!c.Bare || !modifierRows.TryGetValue(c.Code, out var mods)) continue;
            foreach (var m in mods)
            {
                var row = new CodeRequest(c.Code, new ModifierList(m), Bare: false);
                if (seen.Add((row.Code.Packed, row.ModifierText))) result.Add(row);
            }
        }
        return result;
    }

    private static ComparisonRow PriceRow(PricingEnvironment pricing, ComparisonRequest request, CodeRequest code, SortedSet<string> releases, SortedSet<string> versions)
    {
        var nonFacility = PriceMedicare(pricing, request, code, NonFacility);
        var facility = PriceMedicare(pricing, request, code, Facility);
        var basisClaim = request.PlaceOfService.Setting == Setting.Facility ? facility : request.PlaceOfService == NonFacility ? nonFacility : PriceMedicare(pricing, request, code, request.PlaceOfService);
        var nf = nonFacility.Lines[0];
        var f = facility.Lines[0];
        var b = basisClaim.Lines[0];
        foreach (var line in new[] { nf, f })
            if (line.Base is { RvuRelease: { } rvu } pfs)
            {
                releases.Add($"PFS release {rvu.Id} (RVUs, effective {EffectivePeriod.Iso(rvu.EffectiveFrom)})");
                if (pfs.GpciRelease is { } gpci) releases.Add($"GPCIs of release {gpci.Id}");
                if (pfs.ConversionFactor is { } cf) releases.Add($"Conversion factor {cf}");
            }
        var nfNa = nf.Base is { NonFacilityNaApplied: true };
        decimal? nfAmount = nf.IsPriced && !nfNa ? nf.Allowed!.Value.Amount : null;
        decimal? fAmount = f.IsPriced ? f.Allowed!.Value.Amount : null;
        decimal? basis = b.IsPriced ? b.Allowed!.Value.Amount : null;

        var payers = new PayerAmount[request.Payers.Count];
        for (var i = 0; i < payers.Length; i++)
        {
            var expected = pricing.Contracts.Price(basisClaim.Claim, request.Payers[i], basisClaim).Lines[0];
            if (expected.Contract is { } contract)
                versions.Add($"{request.Payers[i]}: contract {contract.Label}" + (expected.Version is { } v ? $", version {v.Label} ({v.Period})" : "") +
                             (expected.FeeSource is { } src && expected.Basis == ContractBasis.FixedFee ? $", fixed fees from {src}" : ""));
            decimal? amount = expected.IsPriced ? expected.Expected!.Value.Amount : null;
            payers[i] = new PayerAmount(amount, Ratio.Of(amount, basis), expected.IsPriced ? expected.Term : expected.Reason);
        }
        var (highest, lowest) = HighestAndLowest(payers);
        decimal? spread = highest is { } h && lowest is { } l ? payers[h].Expected!.Value - payers[l].Expected!.Value : null;
        var note = !b.IsPriced ? b.Message : nfNa ? "non-facility NA: CMS pays the facility rate in every setting" : null;
        return new ComparisonRow(code, nfAmount, fAmount, basis, payers, highest, lowest, spread, note);
    }

    /// <summary>The indexes of the highest and lowest priced amounts; the first payer in column order wins a tie.</summary>
    public static (int? Highest, int? Lowest) HighestAndLowest(IReadOnlyList<PayerAmount> payers)
    {
        int? high = null, low = null;
        for (var i = 0; i < payers.Count; i++)
        {
            if (payers[i].Expected is not { } e) continue;
            if (high is null || e > payers[high.Value].Expected!.Value) high = i;
            if (low is null || e < payers[low.Value].Expected!.Value) low = i;
        }
        return (high, low);
    }

    private static ClaimPrice PriceMedicare(PricingEnvironment pricing, ComparisonRequest request, CodeRequest code, PlaceOfService pos) =>
        PriceMedicare(pricing, code, request.Locality, pos, request.Date);

    /// <summary>One unit of the code as a one-line claim, priced by Medicare with its payment policies.</summary>
    public static ClaimPrice PriceMedicare(PricingEnvironment pricing, CodeRequest code, LocalityId locality, PlaceOfService pos, LocalDate date)
    {
        var line = new ClaimLine("1", new PfsLine(code.Code, code.Modifiers, locality, pos, date));
        var claim = new Claim($"{code}@{EffectivePeriod.Iso(date)}/{pos.ToString().ToString(CultureInfo.InvariantCulture)}", [line]);
        return pricing.Claims.Price(claim);
    }
}
