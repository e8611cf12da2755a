namespace FeeEngine.Core.Pfs;

/// <summary>
/// Exact fixed-point copies of the published rates, for the pricing hot path. CMS publishes RVUs with 2 decimals,
/// GPCIs with 3 and conversion factors with 4, so RVU x GPCI x CF is an exact integer at scale 10^9 and fits a
/// <see cref="long"/> with room to spare (checked arithmetic throws rather than wraps). The result is the same
/// number the <see cref="decimal"/> formula gives, computed without decimal multiplications; a value with more
/// decimals than published is not scaled, and that row is priced by the decimal formula instead.
/// </summary>
internal static class ScaledRates
{
    public const long RvuScale = 100;        // 2 decimals
    public const long GpciScale = 1_000;     // 3 decimals
    public const long CfScale = 10_000;      // 4 decimals
    public const long AmountScale = RvuScale * GpciScale * CfScale; // 10^9
    private const long CentsDivisor = AmountScale / 100;            // 10^7

    /// <summary>The value times <paramref name="scale"/> as a whole number, if it is one (and not absurdly large).</summary>
    public static bool TryScale(decimal value, long scale, out long scaled)
    {
        var s = value * scale;
        if (s == decimal.Truncate(s) && s >= 0 && s <= 100_000_000m)
        {
            scaled = (long)s;
            return true;
        }
        scaled = 0;
        return false;
    }

    /// <summary>Rounds a non-negative scale-10^9 amount to whole cents, half away from zero (<see cref="Money.PfsRounding"/>).</summary>
    public static long ToCents(long amount) => (amount + (CentsDivisor / 2)) / CentsDivisor;

    /// <summary>
    /// Whole cents of a non-negative decimal with at most two decimals, read from its bits (no decimal arithmetic);
    /// false for anything else.
    /// </summary>
    public static bool TryToCents(decimal value, out long cents)
    {
        cents = 0;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0) return false;
        var mantissa = ((long)(uint)bits[1] << 32) | (uint)bits[0];
        if (mantissa == 0) return true; // zero, whatever its sign bit or scale (decimal arithmetic can yield -0.00)
        if (bits[3] < 0) return false;
        var scale = (bits[3] >> 16) & 0xFF;
        if (scale > 2)
        {
            // More decimals than cents: whole cents only when the extra digits are zeros (e.g. 0.1000 from a multiplication).
            for (var i = 2; i < scale; i++)
            {
                if (mantissa % 10 != 0) return false;
                mantissa /= 10;
            }
            scale = 2;
        }
        if (mantissa > long.MaxValue / 100) return false;
        cents = scale == 2 ? mantissa : scale == 1 ? mantissa * 10 : mantissa * 100;
        return true;
    }

    // The casts split a non-negative long into the decimal's low and middle 32-bit words; they must not be checked.
    public static decimal CentsToDecimal(long cents) =>
        unchecked(new((int)(cents & 0xFFFFFFFF), (int)(cents >> 32), 0, isNegative: false, scale: 2));

    public static decimal AmountToDecimal(long amount) =>
        unchecked(new((int)(amount & 0xFFFFFFFF), (int)(amount >> 32), 0, isNegative: false, scale: 9));
}

/// <summary>An RVU row with its rates in fixed point (see <see cref="ScaledRates"/>).</summary>
internal sealed class RvuEntry
{
    public RvuEntry(RvuRecord record)
    {
        Record = record;
        // Copies of what every priced line reads, so the hot path touches this small object only.
        Status = record.Status;
        PricedFromRvus = PfsStatus.IsPricedFromRvus(record.Status);
        NonFacilityNa = record.NonFacilityNa;
        OppsCapped = record.IsOppsCapped;
        MultipleProcedure = record.MultipleProcedure;
        AddOn = record.GlobalDays == "ZZZ";
        // The family key of an endoscopy as a code, read once here rather than parsed on every claim. A base that
        // does not read back as the same five characters is left to the general path (EndoscopicBaseIsCode false).
        if (record.EndoscopicBase.Length == 5 && Codes.HcpcsCode.TryParse(record.EndoscopicBase, out var endoBase) && endoBase.ToString() == record.EndoscopicBase)
        {
            EndoscopicBase = endoBase;
            EndoscopicBaseIsCode = true;
        }
        HasEndoscopicBase = record.EndoscopicBase.Length == 5;
        Exact = ScaledRates.TryScale(record.WorkRvu.Value, ScaledRates.RvuScale, out Work)
              & ScaledRates.TryScale(record.NonFacilityPeRvu.Value, ScaledRates.RvuScale, out NonFacilityPe)
              & ScaledRates.TryScale(record.FacilityPeRvu.Value, ScaledRates.RvuScale, out FacilityPe)
              & ScaledRates.TryScale(record.MpRvu.Value, ScaledRates.RvuScale, out Mp)
              & ScaledRates.TryScale(record.OppsNonFacilityPeRvu.Value, ScaledRates.RvuScale, out OppsNonFacilityPe)
              & ScaledRates.TryScale(record.OppsFacilityPeRvu.Value, ScaledRates.RvuScale, out OppsFacilityPe)
              & ScaledRates.TryScale(record.OppsMpRvu.Value, ScaledRates.RvuScale, out OppsMp);
    }

    public readonly RvuRecord Record;
    public readonly char Status;
    public readonly bool PricedFromRvus, NonFacilityNa, OppsCapped, AddOn;
    public readonly char MultipleProcedure;
    /// <summary>ENDO BASE is five characters (the row belongs to an endoscopy family, as the general path groups them).</summary>
    public readonly bool HasEndoscopicBase;
    /// <summary>ENDO BASE reads as a code (<see cref="EndoscopicBase"/>).</summary>
    public readonly bool EndoscopicBaseIsCode;
    public readonly Codes.HcpcsCode EndoscopicBase;
    public readonly bool Exact;
    public readonly long Work, NonFacilityPe, FacilityPe, Mp, OppsNonFacilityPe, OppsFacilityPe, OppsMp;
}

/// <summary>A locality's GPCIs in fixed point (see <see cref="ScaledRates"/>).</summary>
internal sealed class GpciEntry
{
    public GpciEntry(GpciRecord record)
    {
        Record = record;
        WorkWithoutFloor = -1;
        Exact = ScaledRates.TryScale(record.WorkWithFloor.Value, ScaledRates.GpciScale, out WorkWithFloor)
              & ScaledRates.TryScale(record.PracticeExpense.Value, ScaledRates.GpciScale, out PracticeExpense)
              & ScaledRates.TryScale(record.Malpractice.Value, ScaledRates.GpciScale, out Malpractice)
              & (record.WorkWithoutFloor is not { } w || ScaledRates.TryScale(w.Value, ScaledRates.GpciScale, out WorkWithoutFloor));
    }

    public readonly GpciRecord Record;
    public readonly bool Exact;
    public readonly long WorkWithFloor, WorkWithoutFloor, PracticeExpense, Malpractice;
}
