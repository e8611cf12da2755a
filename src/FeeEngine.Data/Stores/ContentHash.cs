using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FeeEngine.Core.Pfs;

namespace FeeEngine.Data.Stores;

/// <summary>
/// A fingerprint of a file's rows, independent of the file's format (CSV, TXT or XLSX of the same data hash alike)
/// and of row order: re-importing the same release is recognised and skipped.
/// </summary>
internal static class ContentHash
{
    public static string Of<T>(IEnumerable<T> rows, Func<T, string> canonical)
    {
        var lines = rows.Select(canonical).Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var line in lines)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(line));
            sha.AppendData("\n"u8);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Invariant text of a decimal without trailing zeros, so 0.1 and 0.10 hash alike.</summary>
    public static string N(decimal d) => (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Canonical(RvuRecord r) => string.Join('|',
        r.Key, r.Status, r.NotUsedForMedicare, N(r.WorkRvu.Value), N(r.NonFacilityPeRvu.Value), r.NonFacilityNa,
        N(r.FacilityPeRvu.Value), r.FacilityNa, N(r.MpRvu.Value), N(r.NonFacilityTotal.Value), N(r.FacilityTotal.Value),
        r.PcTcIndicator, r.GlobalDays, N(r.PreOpShare), N(r.IntraOpShare), N(r.PostOpShare), r.MultipleProcedure,
        r.BilateralSurgery, r.AssistantSurgery, r.CoSurgeons, r.TeamSurgery, r.PricingIndicator, r.EndoscopicBase,
        r.FileConversionFactor is { } cf ? N(cf.Value) : "", r.PhysicianSupervision, r.CalculationFlag, r.ImagingFamily,
        N(r.OppsNonFacilityPeRvu.Value), N(r.OppsFacilityPeRvu.Value), N(r.OppsMpRvu.Value));

    public static string Canonical(GpciRecord g) => string.Join('|',
        g.Locality, g.State, g.Name, N(g.WorkWithFloor.Value), g.WorkWithoutFloor is { } w ? N(w.Value) : "",
        N(g.PracticeExpense.Value), N(g.Malpractice.Value));

    public static string Canonical(AnesthesiaCfRecord a) => string.Join('|', a.Locality, a.Name, N(a.ConversionFactor));

    public static string Canonical(OppsCapRecord o) => string.Join('|',
        o.Key, o.ProcedureStatus, o.Locality, N(o.FacilityPrice.Amount), N(o.NonFacilityPrice.Amount));

    public static string Canonical(ZipLocalityRecord z) => string.Join('|',
        z.Zip, z.State, z.Locality, z.RuralIndicator, z.PlusFourFlag, z.YearQuarter);
}
