using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Application.Pricing;

/// <summary>
/// Turns the text fields of a line (from the command line or a CSV row) into a <see cref="PfsLine"/>, or says which
/// field is wrong and why. Allocation-free on the happy path: price-file calls it for every row.
/// </summary>
public static class LineInput
{
    public static bool TryBuild(
        ReadOnlySpan<char> date, ReadOnlySpan<char> hcpcs, ReadOnlySpan<char> modifiers, ReadOnlySpan<char> units,
        ReadOnlySpan<char> pos, ReadOnlySpan<char> zip, ReadOnlySpan<char> locality, QpStatus qp,
        ZipLocalityCatalog zips, out PfsLine line, out string? error)
    {
        line = default;
        if (!EffectivePeriod.TryParseIso(date, out var dos)) { error = $"date_of_service '{date}' is not a date (YYYY-MM-DD)"; return false; }
        if (!HcpcsCode.TryParse(hcpcs, out var code)) { error = $"hcpcs '{hcpcs}' is not a HCPCS code (5 letters or digits)"; return false; }
        if (!ModifierList.TryParse(modifiers, out var mods, out var modError)) { error = $"modifiers: {modError}"; return false; }
        var unitCount = 1;
        if (!units.Trim().IsEmpty && (!int.TryParse(units, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out unitCount) || unitCount < 1))
        { error = $"units '{units}' is not a whole number of at least 1"; return false; }
        if (!PlaceOfService.TryParse(pos, out var place)) { error = $"pos '{pos}' is not a CMS place-of-service code"; return false; }
        if (!TryResolveLocality(zip, locality, dos, zips, out var loc, out var source, out error)) return false;
        line = new PfsLine(code, mods, loc, place, dos, unitCount, qp, source);
        return true;
    }

    /// <summary>
    /// A locality given directly wins; otherwise the ZIP is looked up in the ZIP file for the date of service.
    /// A ZIP that CMS splits between localities (plus-four flag) is priced at its ZIP5 locality, and says so.
    /// </summary>
    public static bool TryResolveLocality(
        ReadOnlySpan<char> zip, ReadOnlySpan<char> locality, LocalDate dos, ZipLocalityCatalog zips,
        out LocalityId id, out ZipLookup? source, out string? error)
    {
        id = default;
        source = null;
        error = null;
        if (!locality.Trim().IsEmpty)
        {
            if (LocalityId.TryParse(locality, out id)) return true;
            error = $"locality '{locality}' is not MMMMM-LL (MAC and locality number, e.g. 13202-01)";
            return false;
        }
        if (zip.Trim().IsEmpty) { error = "zip and locality are both empty: give one"; return false; }
        if (!ZipRelease.TryZipKey(zip, out _)) { error = $"zip '{zip}' is not a 5-digit ZIP code"; return false; }
        if (zips.Releases.Count == 0) { error = "no ZIP5 file is loaded: import CMS's ZIP5 file or give the locality"; return false; }
        source = zips.FindOrNull(zip, dos);
        if (source is null) { error = $"zip '{zip.Trim()}' is not in the loaded ZIP5 file for {EffectivePeriod.Iso(dos)}"; return false; }
        id = source.Record.Locality;
        return true;
    }
}
