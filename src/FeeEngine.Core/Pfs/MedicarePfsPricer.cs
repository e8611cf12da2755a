using FeeEngine.Core.Codes;
using FeeEngine.Core.Time;

namespace FeeEngine.Core.Pfs;

/// <summary>
/// Prices single lines under the Medicare Physician Fee Schedule:
/// <c>[(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF</c>, facility or non-facility PE by
/// place of service, computed in <see cref="decimal"/> at full precision and rounded once to cents.
/// Pure: all reference data comes in through the constructor.
/// </summary>
public sealed class MedicarePfsPricer(PfsCatalog catalog, ConversionFactorTable conversionFactors, WorkGpciFloorPolicy floor)
{
    /// <summary>Non-participating providers are paid 95% of the fee schedule amount (SSA 1848(b)(4)).</summary>
    public const decimal NonParticipatingShare = 0.95m;

    /// <summary>Limiting charge = 115% of the non-par amount = 1.0925 x the fee schedule amount (SSA 1848(g)).</summary>
    public const decimal LimitingChargeFactor = 1.0925m;

    public PfsCatalog Catalog => catalog;

    private static readonly Modifier TeamSurgery = Modifier.Parse("66");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<NodaTime.LocalDate, DateContext> _dates = new();

    /// <summary>
    /// The fee schedule amount of the line's PPRRVU row (after the OPPS cap) times units, before the claim-level
    /// payment policies, which <see cref="Claims.MedicareClaimPricer"/> applies.
    /// </summary>
    public PfsPrice Price(in PfsLine line)
    {
        // The usual line, priced without leaving this method: a unit or more, no modifier that makes it an error or
        // by report, a release with the row priced from RVUs, the locality's GPCIs, a conversion factor, and rates
        // exact in fixed point. Any other line goes to PriceInDetail, which words each reason (and prices the rest
        // alike). Kept small on purpose: the detail path's messages and decimal formula would make every call pay
        // for their stack space.
        if (line.Units >= 1)
        {
            var rowModifier = RowModifier(line.Modifiers, out var modifierError, out var byReport);
            var day = DateContextFor(line.DateOfService);
            if (modifierError is null && byReport is null && day.Release is { HasRvus: true } release && day.GpciRelease is { } gpciRelease)
            {
                ref readonly var slot = ref release.FindRvuSlot(new RvuKey(line.Code, rowModifier));
                if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(in slot) && slot.Facts.Has(RvuFlags.PricedFromRvus) && slot.Facts.Has(RvuFlags.Exact)
                    && gpciRelease.FindGpciEntry(line.Locality) is { Exact: true } gpci)
                {
                    var qualifying = line.Qp == QpStatus.Qualifying;
                    var cfScaled = qualifying ? day.QualifyingScaled : day.NonQualifyingScaled;
                    if ((qualifying ? day.Qualifying : day.NonQualifying) is not null && cfScaled > 0)
                        return PricedInFixedPoint(line, day, release, slot, gpci, cfScaled);
                }
            }
        }
        return PriceInDetail(line);
    }

    /// <summary>A line the fixed-point formula prices (see <see cref="Price"/>): the PFS amount, the OPPS cap, the setting.</summary>
    private static PfsPrice PricedInFixedPoint(in PfsLine line, DateContext day, PfsRelease release, in RvuSlot slot, GpciEntry gpci, long cfScaled)
    {
        var rate = SettingOf(line, day, slot.Facts, gpci);
        var facility = rate.Paid == Setting.Facility;
        // Exact fixed point (ScaledRates): the same number as the decimal formula, without decimal multiplications.
        var pfsCents = ScaledRates.ToCents(ScaledAmount(slot, gpci, cfScaled, rate.Unfloored, facility));
        var oppsCents = slot.Facts.Has(RvuFlags.OppsCapped) ? ScaledRates.ToCents(ScaledAmount(slot.Entry!, gpci, cfScaled, rate.Unfloored, facility, opps: true)) : -1;
        return Priced(line, day, release, slot, gpci, rate, pfsCents, oppsCents, unscaled: null);
    }

    /// <summary>A priced line: the OPPS cap applied when the OPPS-based amount is lower.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static PfsPrice Priced(in PfsLine line, DateContext day, PfsRelease release, in RvuSlot slot, GpciEntry gpci,
        (Setting Requested, Setting Paid, bool NaApplied, bool Unfloored) rate, long pfsCents, long oppsCents, PfsPrice.DecimalAmounts? unscaled)
    {
        var capApplied = oppsCents >= 0 && oppsCents < pfsCents;
        return new PfsPrice(line, PricingOutcome.Priced, null)
        {
            Entry = slot.Entry,
            RowFacts = slot.Facts,
            RvuRelease = release,
            GpciEntry = gpci,
            Day = day,
            UsesWorkGpciWithoutFloor = rate.Unfloored,
            RequestedSetting = rate.Requested,
            Setting = rate.Paid,
            NonFacilityNaApplied = rate.NaApplied,
            Unscaled = unscaled,
            UnitCents = capApplied ? oppsCents : pfsCents,
            OppsCapApplied = capApplied,
        };
    }

    /// <summary>
    /// Any line, each check in turn with the reason a line is not priced, and the decimal formula for rates with
    /// more decimals than CMS publishes: what <see cref="Price"/> does for the lines its fast path does not take.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private PfsPrice PriceInDetail(in PfsLine line)
    {
        if (line.Units < 1)
            return Fail(line, $"units must be a whole number of at least 1, got {line.Units}");

        var rowModifier = RowModifier(line.Modifiers, out var modifierError, out var byReport);
        if (modifierError is not null) return Fail(line, modifierError);

        var day = DateContextFor(line.DateOfService);
        var release = day.Release;
        if (release is null) return Fail(line, day.NoReleaseMessage!);
        if (!release.HasRvus) return Fail(line, $"release {release.Id} in force on {EffectivePeriod.Iso(line.DateOfService)} has no PPRRVU file loaded");

        ref readonly var slot = ref release.FindRvuSlot(new RvuKey(line.Code, rowModifier));
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(in slot))
            return MissingRow(line, release, rowModifier);
        // The row's fields are read from the slot; the entry and its record only on the rarer paths.
        var facts = slot.Facts;

        if (!facts.Has(RvuFlags.PricedFromRvus))
            return NotPayableStatus(line, release, slot.Entry!.Record);

        if (byReport is not null)
        {
            var row = slot.Entry!.Record;
            if (line.Modifiers.Contains(TeamSurgery) && row.TeamSurgery is '0' or '9')
                return new PfsPrice(line, PricingOutcome.NotPayable,
                    $"not payable: modifier 66 (team surgery) is not allowed for {row.Key}: its TEAM SURG indicator is {row.TeamSurgery} ({(row.TeamSurgery == '0' ? "team surgeons not permitted" : "concept does not apply")})")
                { RvuRelease = release, Rvu = row };
            return new PfsPrice(line, PricingOutcome.NotPayable,
                $"contractor priced: modifier {byReport} is priced by report by the MAC, not from the fee schedule")
            { RvuRelease = release, Rvu = row };
        }

        var gpciRelease = day.GpciRelease;
        if (gpciRelease is null)
            return Fail(line, $"no GPCI file is loaded for {line.DateOfService.Year} (release {release.Id} has none)", release, slot.Entry!.Record);
        var gpci = gpciRelease.FindGpciEntry(line.Locality);
        if (gpci is null)
            return Fail(line, $"locality {line.Locality} is not in the GPCI file of release {gpciRelease.Id}", release, slot.Entry!.Record);

        var qualifying = line.Qp == QpStatus.Qualifying;
        var cf = qualifying ? day.Qualifying : day.NonQualifying;
        if (cf is null)
            return Fail(line, $"no conversion factor in schedules/conversion-factors.csv covers {EffectivePeriod.Iso(line.DateOfService)}", release, slot.Entry!.Record);
        var cfScaled = qualifying ? day.QualifyingScaled : day.NonQualifyingScaled;

        if (facts.Has(RvuFlags.Exact) && gpci.Exact && cfScaled > 0)
            return PricedInFixedPoint(line, day, release, slot, gpci, cfScaled);
        return PricedInDecimal(line, day, release, slot, gpci, cf.Pfs.Value);
    }

    /// <summary>The rate paid (facility when the non-facility rate is NA) and the work GPCI's floor, as both formulas take them.</summary>
    private static (Setting Requested, Setting Paid, bool NaApplied, bool Unfloored) SettingOf(in PfsLine line, DateContext day, RowFacts facts, GpciEntry gpci)
    {
        var requested = line.PlaceOfService.Setting;
        var naApplied = requested == Setting.NonFacility && facts.Has(RvuFlags.NonFacilityNa);
        return (requested, naApplied ? Setting.Facility : requested, naApplied, day.Floor is null && gpci.WorkWithoutFloor >= 0);
    }

    /// <summary>A line whose rates have more decimals than CMS publishes: the decimal formula, rounded once to cents.</summary>
    private static PfsPrice PricedInDecimal(in PfsLine line, DateContext day, PfsRelease release, in RvuSlot slot, GpciEntry gpci, decimal cf)
    {
        var rate = SettingOf(line, day, slot.Facts, gpci);
        var facility = rate.Paid == Setting.Facility;
        var row = slot.Entry!.Record;
        var g = gpci.Record;
        var workGpci = rate.Unfloored ? g.WorkWithoutFloor!.Value.Value : g.WorkWithFloor.Value;
        decimal oppsRaw = 0m;
        long oppsCents = -1;
        var pe = facility ? row.FacilityPeRvu.Value : row.NonFacilityPeRvu.Value;
        var pfsRaw = RvuFormula(row.WorkRvu.Value, workGpci, pe, g.PracticeExpense.Value, row.MpRvu.Value, g.Malpractice.Value, cf);
        var pfsCents = (long)(Money.PfsRounding.ToCents(new Money.Money(pfsRaw)).Amount * 100m);
        if (row.IsOppsCapped)
        {
            var oppsPe = facility ? row.OppsFacilityPeRvu.Value : row.OppsNonFacilityPeRvu.Value;
            oppsRaw = RvuFormula(row.WorkRvu.Value, workGpci, oppsPe, g.PracticeExpense.Value, row.OppsMpRvu.Value, g.Malpractice.Value, cf);
            oppsCents = (long)(Money.PfsRounding.ToCents(new Money.Money(oppsRaw)).Amount * 100m);
        }
        return Priced(line, day, release, slot, gpci, rate, pfsCents, oppsCents, new PfsPrice.DecimalAmounts(pfsRaw, oppsRaw, pfsCents, oppsCents));
    }

    /// <summary>
    /// Starts loading the line's PPRRVU row into the cache (see <see cref="RvuTable.Prefetch"/>): a claim pricer
    /// calls it for each of a claim's lines before pricing them. Changes nothing.
    /// </summary>
    internal void Prefetch(in PfsLine line)
    {
        if (DateContextFor(line.DateOfService).Release is not { } release) return;
        var rowModifier = RowModifier(line.Modifiers, out _, out _);
        release.PrefetchRvu(new RvuKey(line.Code, rowModifier));
    }

    /// <summary>
    /// The RVU formula at scale 10^9 (see <see cref="ScaledRates"/>), with the OPPS PE and MP RVUs when
    /// <paramref name="opps"/>. Unchecked is safe: the value types bound RVUs (&lt;= 99999), GPCIs (&lt;= 10) and CFs
    /// (&lt;= 1000), so the largest possible product, 3 x 10^7 x 10^4 x 10^7, is below long.MaxValue.
    /// </summary>
    internal static long ScaledAmount(RvuEntry entry, GpciEntry gpci, long cfScaled, bool unflooredWork, bool facility, bool opps)
    {
        var wg = unflooredWork ? gpci.WorkWithoutFloor : gpci.WorkWithFloor;
        var pe = opps ? (facility ? entry.OppsFacilityPe : entry.OppsNonFacilityPe) : (facility ? entry.FacilityPe : entry.NonFacilityPe);
        var mp = opps ? entry.OppsMp : entry.Mp;
        return unchecked(((entry.Work * wg) + (pe * gpci.PracticeExpense) + (mp * gpci.Malpractice)) * cfScaled);
    }

    /// <summary>The same formula from a table slot's fixed-point RVUs (never the OPPS ones, which only the entry holds).</summary>
    private static long ScaledAmount(in RvuSlot slot, GpciEntry gpci, long cfScaled, bool unflooredWork, bool facility)
    {
        var wg = unflooredWork ? gpci.WorkWithoutFloor : gpci.WorkWithFloor;
        long pe = facility ? slot.FacilityPe : slot.NonFacilityPe;
        return unchecked(((slot.Work * wg) + (pe * gpci.PracticeExpense) + (slot.Mp * gpci.Malpractice)) * cfScaled);
    }

    // Recent dates by day number, direct-mapped: a file's lines draw from a few hundred dates, and a slot read is
    // cheaper than the dictionary. A reference write is atomic and a slot is used only when its date matches, so
    // the pricer stays safe to share between threads.
    private const int RecentDates = 512; // a power of two: the slot is a mask, not a division
    private readonly DateContext?[] _recentDates = new DateContext?[RecentDates];

    private DateContext DateContextFor(NodaTime.LocalDate date)
    {
        var slot = unchecked((((date.Year * 12) + date.Month) * 32) + date.Day) & (RecentDates - 1); // 16 months of days, no collisions
        var recent = _recentDates[slot];
        if (recent is not null && recent.Date == date) return recent;
        var context = _dates.TryGetValue(date, out var found)
            ? found
            : _dates.GetOrAdd(date, d => new DateContext(d, catalog, conversionFactors, floor));
        _recentDates[slot] = context;
        return context;
    }

    /// <summary>The CMS formula at full precision; the caller rounds once.</summary>
    public static decimal RvuFormula(decimal work, decimal workGpci, decimal pe, decimal peGpci, decimal mp, decimal mpGpci, decimal cf) =>
        ((work * workGpci) + (pe * peGpci) + (mp * mpGpci)) * cf;

    /// <summary>
    /// The modifier that selects the PPRRVU row: 26, TC or 53 (each has its own rows). 52 and 66 make the line
    /// contractor priced. Payment-policy modifiers (50, 51, 62, 80, AS...) do not change the row: the claim pricer
    /// (<see cref="Claims.MedicareClaimPricer"/>) applies them.
    /// </summary>
    private static Modifier RowModifier(in ModifierList modifiers, out string? error, out string? byReport)
    {
        error = null;
        byReport = null;
        var row = Modifier.None;
        for (var i = 0; i < modifiers.Count; i++)
        {
            var m = modifiers[i];
            if (m == Modifier.ProfessionalComponent || m == Modifier.TechnicalComponent || m == Modifier.Discontinued)
            {
                if (!row.IsNone && row != m)
                {
                    error = $"modifiers {row} and {m} cannot be billed together on one line";
                    return row;
                }
                row = m;
            }
            else if (ClaimLevelModifiers.ContractorPriced(m) is { } report)
            {
                byReport = report;
            }
        }
        return row;
    }

    private static PfsPrice MissingRow(in PfsLine line, PfsRelease release, Modifier rowModifier)
    {
        var global = rowModifier.IsNone ? null : release.FindRvuOrNull(new RvuKey(line.Code, Modifier.None));
        if (rowModifier.IsNone || (global is null && release.FindRvuOrNull(new RvuKey(line.Code, Modifier.ProfessionalComponent)) is null))
            return Fail(line, CodeNotInRelease(line.Code, release.Id));
        if (global is not null && !PfsStatus.IsPricedFromRvus(global.Status))
            return NotPayableStatus(line, release, global);
        if (rowModifier == Modifier.Discontinued)
            return new PfsPrice(line, PricingOutcome.NotPayable,
                $"contractor priced: {line.Code} has no separate modifier-53 row in {release.Id} (only 44388, 45378, G0105 and G0121 do); the MAC prices a discontinued procedure case by case")
            { RvuRelease = release, Rvu = global };
        var indicator = global?.PcTcIndicator ?? '9';
        return Fail(line, $"modifier {rowModifier} is not allowed for {line.Code}: its PC/TC indicator is {indicator} ({PcTcIndicators.Meaning(indicator)}) and {release.Id} has no {line.Code}-{rowModifier} row", release, global);
    }

    // A code the release lacks is an error for the PFS alone, but only "not payable" once the other schedules
    // (lab, DMEPOS, drugs) have not listed it either: the claim router tells the two apart by this text.
    private const string NotInReleaseText = " is not in the PFS release ";

    private static string CodeNotInRelease(HcpcsCode code, string releaseId) => $"HCPCS {code}{NotInReleaseText}{releaseId}";

    /// <summary>Whether a PFS result says the code is missing from the release (rather than a problem with the line or the data).</summary>
    internal static bool IsCodeNotInRelease(in PfsPrice price) =>
        price.Outcome == PricingOutcome.Error && price.Message is { } m && m.StartsWith("HCPCS ", StringComparison.Ordinal) && m.Contains(NotInReleaseText, StringComparison.Ordinal);

    private static PfsPrice NotPayableStatus(in PfsLine line, PfsRelease release, RvuRecord row) =>
        new(line, PricingOutcome.NotPayable, $"not payable under the PFS: {row.Key} has status {row.Status} ({PfsStatus.Meaning(row.Status)})")
        { RvuRelease = release, Rvu = row };

    private static PfsPrice Fail(in PfsLine line, string message, PfsRelease? release = null, RvuRecord? row = null) =>
        new(line, PricingOutcome.Error, message) { RvuRelease = release, Rvu = row };
}
