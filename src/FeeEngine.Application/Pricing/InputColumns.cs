namespace FeeEngine.Application.Pricing;

/// <summary>Where each price-file input column is, by header name (any order; optional columns may be absent: -1).</summary>
public sealed record InputColumns(
    int ClaimId, int Line, int Date, int Hcpcs, int Modifiers, int Units, int Pos, int Zip, int Locality, int Billed,
    int ProviderType, int AnesthesiaMinutes, int Deductible, int Qp, int Payer, int Count)
{
    public static InputColumns FromHeader(string header, string inputName)
    {
        var names = header.TrimStart('\uFEFF').Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var missing = PriceFileRunner.RequiredColumns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{inputName} line 1: missing column(s) {string.Join(", ", missing)}; the header must name {string.Join(',', PriceFileRunner.RequiredColumns)}.");
        int I(string name) => Array.IndexOf(names, name);
        return new InputColumns(I("claim_id"), I("line"), I("date_of_service"), I("hcpcs"), I("modifiers"), I("units"), I("pos"), I("zip"),
            I("locality"), I("billed_charge"), I("provider_type"), I("anesthesia_minutes"), I("deductible_remaining"), I("qp"), I("payer"), names.Length);
    }

    /// <summary>Fields a buffer for <see cref="ClaimKey"/> needs: up to claim_id and date_of_service.</summary>
    public int KeyFields => Math.Max(ClaimId, Date) + 1;

    /// <summary>
    /// A row's claim key: claim_id and date_of_service joined by a unit separator, splitting only the leading fields
    /// (null for a row too short to have them: it becomes an error row).
    /// </summary>
    /// <param name="ranges">A buffer of at least <see cref="KeyFields"/> ranges.</param>
    public string? ClaimKey(string row, Range[] ranges)
    {
        var n = CsvFields.SplitFirst(row, ranges, out var text);
        if (n < KeyFields) return null;
        var t = text.AsSpan();
        return string.Concat(t[ranges[ClaimId]].Trim(), "\u001F", t[ranges[Date]].Trim());
    }
}
