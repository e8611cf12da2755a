using System.Globalization;
using FeeEngine.Core.Codes;

namespace FeeEngine.Core.Dmepos;

/// <summary>
/// A DMEPOS or PEN line priced (or not): the row and column used, the fee per unit and the total, or why there is no
/// price. Fees are whole cents and units whole numbers, so <see cref="Total"/> = <see cref="UnitFee"/> x
/// <see cref="Units"/> exactly: no rounding happens.
/// </summary>
public sealed record DmeposPrice
{
    public required HcpcsCode Code { get; init; }

    /// <summary>The schedule that priced the line (e.g. DMEPOS26_JAN); null when no schedule had the code.</summary>
    public string? ScheduleId { get; init; }

    /// <summary>Which kind of file priced the line (DMEPOS or PEN); null when not priced by a row.</summary>
    public DmeposFile? File { get; init; }

    /// <summary>The row used; null when no row could be chosen.</summary>
    public DmeposFee? Fee { get; init; }

    /// <summary>The state whose columns were read.</summary>
    public required string State { get; init; }

    /// <summary>True when the place of service is rural (ZIP5 rural indicator R or B).</summary>
    public required bool Rural { get; init; }

    /// <summary>The column the fee came from, e.g. "AL (R)" or "AL (NR)"; null when not priced.</summary>
    public string? Column { get; init; }

    /// <summary>
    /// True when the line is rural but the row's rural fee is 0, so the non-rural fee applies (CMS publishes a separate
    /// rural fee only where it differs).
    /// </summary>
    public bool RuralUsesNonRuralFee { get; init; }

    public Money.Money? UnitFee { get; init; }

    public required int Units { get; init; }

    /// <summary>Fee x units; null when not priced.</summary>
    public Money.Money? Total { get; init; }

    /// <summary>Why the line has no DMEPOS price, in plain words; null when priced.</summary>
    public string? NotPricedReason { get; init; }

    public bool IsPriced => Total is not null;

    /// <summary>One line a finance analyst can read, e.g. "DMEPOS26_JAN A4640 RR (CATG IN): AL (R) 8.22 x 2 = 16.44".</summary>
    public string Explanation
    {
        get
        {
            if (!IsPriced) return $"{Code}: not priced by the DMEPOS fee schedule: {NotPricedReason}";
            var category = Fee!.Category.Length > 0 ? $" (CATG {Fee.Category})" : "";
            var fallback = RuralUsesNonRuralFee ? $" (rural ZIP; the {State} (R) fee is 0, so the non-rural fee applies)" : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"{ScheduleId} {Fee.Key}{category}: {Column} {UnitFee} x {Units} = {Total}{fallback}");
        }
    }

    internal static DmeposPrice NotPriced(HcpcsCode code, string? scheduleId, DmeposFee? fee, string state, bool rural, int units, string reason, DmeposFile? file = null) =>
        new() { Code = code, ScheduleId = scheduleId, File = file, Fee = fee, State = state, Rural = rural, Units = units, NotPricedReason = reason };
}

/// <summary>The ZIP5 file's rural indicator, read the way the DMEPOS fee schedule reads it.</summary>
public static class DmeposRural
{
    /// <summary>R (rural) and B (super rural) ZIPs take the rural column; blank (urban) the non-rural one.</summary>
    public static bool IsRural(string ruralIndicator) =>
        ruralIndicator.Trim() is "R" or "r" or "B" or "b";
}
