using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using NodaTime;
using static FeeEngine.Core.Tests.Fixtures.Pfs2025Fixture;

namespace FeeEngine.Core.Tests.Fixtures;

/// <summary>
/// The October 2025 release (RVU25D, in force 2025-10-01..2025-12-31) for claim-level tests: the PPRRVU rows of
/// <see cref="Pfs2025Fixture"/> plus the surgical, endoscopy, imaging, cardiovascular, ophthalmology, therapy,
/// add-on, injection and anesthesia rows the payment policies need, copied field for field from PPRRVU2025_Oct.csv
/// (numbers and indicators only: CPT descriptions are AMA copyright and are deliberately not here); the 2025 GPCIs
/// of Alabama 10112-00, Alaska 02102-01 and Manhattan 13202-01; the ANES2025 locality anesthesia CFs of the same
/// three localities; and a base-unit table holding only 00400 = 3 from 2025-01-01.
/// A line defaults to Alabama, POS 22 (facility rate), date of service 2025-11-03, one unit, a physician, no charge.
/// </summary>
public static class Claims2025Fixture
{
    /// <summary>The default date of service: a Monday in the October 2025 release, CF 32.3465.</summary>
    public static readonly LocalDate DateOfService = new(2025, 11, 3);

    public static readonly LocalityId Alabama = Pfs2025Fixture.Alabama;
    public static readonly LocalityId Alaska = Pfs2025Fixture.Alaska;
    public static readonly LocalityId Manhattan = Pfs2025Fixture.Manhattan;

    /// <summary>The default place of service: 22, outpatient hospital (facility rate).</summary>
    public const string DefaultPos = "22";

    /// <summary>
    /// PPRRVU2025_Oct.csv rows added to <see cref="Pfs2025Fixture.PprrvuRows"/>, in the same column order (every
    /// column but DESCRIPTION). Notable indicators: 27158 BILAT SURG 2; 73000 and its 26/TC rows BILAT SURG 3;
    /// 76641 BILAT SURG 1 with MULT PROC 0; 11300 BILAT SURG 9; 15756 CO-SURG 2; 11042 ASST SURG 1 and CO-SURG 0;
    /// 11045 and 64484 global ZZZ (add-ons); 43239/43249 ENDO BASE 43235, 45380/45385 ENDO BASE 45378, 29880/29881
    /// ENDO BASE 29870; 96372 is status A in this release (not T); 00400 and 00790 status J (anesthesia).
    /// </summary>
    public const string ClaimRows = """
        27486,,A,,21.12,17.18,NA,17.18,,4.30,42.60,42.60,0,090,0.10,0.69,0.21,2,1,2,1,0,,32.3465,09,0,99,0.00,0.00,0.00
        27130,,A,,19.60,15.34,NA,15.34,,3.99,38.93,38.93,0,090,0.10,0.69,0.21,2,1,2,1,0,,32.3465,09,0,99,0.00,0.00,0.00
        27158,,A,,21.04,17.08,NA,17.08,,4.31,42.43,42.43,0,090,0.10,0.69,0.21,2,2,2,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        29870,,A,,5.19,10.76,,6.56,,1.01,16.96,12.76,0,090,0.10,0.69,0.21,2,1,1,1,0,,32.3465,09,0,99,0.00,0.00,0.00
        29880,,A,,7.39,8.40,NA,8.40,,1.47,17.26,17.26,0,090,0.10,0.69,0.21,3,1,0,1,0,29870,32.3465,09,0,99,0.00,0.00,0.00
        29881,,A,,7.03,8.22,NA,8.22,,1.39,16.64,16.64,0,090,0.10,0.69,0.21,3,1,0,0,0,29870,32.3465,09,0,99,0.00,0.00,0.00
        43235,,A,,2.09,6.18,,1.29,,0.27,8.54,3.65,0,000,0.00,0.00,0.00,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        43239,,A,,2.39,8.36,,1.42,,0.29,11.04,4.10,0,000,0.00,0.00,0.00,3,0,1,0,0,43235,32.3465,09,0,99,0.00,0.00,0.00
        43249,,A,,2.67,27.63,,1.54,,0.34,30.64,4.55,0,000,0.00,0.00,0.00,3,0,1,0,0,43235,32.3465,09,0,99,0.00,0.00,0.00
        45380,,A,,3.56,8.79,,1.93,,0.47,12.82,5.96,0,000,0.00,0.00,0.00,3,0,1,0,0,45378,32.3465,09,0,99,0.00,0.00,0.00
        45385,,A,,4.57,8.33,,2.38,,0.56,13.46,7.51,0,000,0.00,0.00,0.00,3,0,1,0,0,45378,32.3465,09,0,99,0.00,0.00,0.00
        71250,,A,,1.08,2.91,,2.91,NA,0.06,4.05,4.05,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,3.66,3.66,0.06
        71250,26,A,,1.08,0.39,,0.39,,0.05,1.52,1.52,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,0.00,0.00,0.00
        71250,TC,A,,0.00,2.52,,2.52,NA,0.01,2.53,2.53,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,01,0,88,3.27,3.27,0.01
        74177,,A,,1.82,7.25,,7.25,NA,0.12,9.19,9.19,1,XXX,0.00,0.00,0.00,4,0,9,0,0,,32.3465,09,0,88,11.67,11.67,0.13
        74177,26,A,,1.82,0.66,,0.66,,0.10,2.58,2.58,1,XXX,0.00,0.00,0.00,4,0,9,0,0,,32.3465,09,0,88,0.00,0.00,0.00
        74177,TC,A,,0.00,6.59,,6.59,NA,0.02,6.61,6.61,1,XXX,0.00,0.00,0.00,4,0,9,0,0,,32.3465,02,0,88,11.01,11.01,0.03
        70450,,A,,0.85,2.35,,2.35,NA,0.05,3.25,3.25,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,3.58,3.58,0.06
        70450,26,A,,0.85,0.31,,0.31,,0.04,1.20,1.20,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,0.00,0.00,0.00
        70450,TC,A,,0.00,2.04,,2.04,NA,0.01,2.05,2.05,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,01,0,88,3.27,3.27,0.02
        73000,,A,,0.16,0.80,,0.80,NA,0.02,0.98,0.98,1,XXX,0.00,0.00,0.00,0,3,0,0,0,,32.3465,09,0,99,2.76,2.76,0.05
        73000,26,A,,0.16,0.07,,0.07,,0.01,0.24,0.24,1,XXX,0.00,0.00,0.00,0,3,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        73000,TC,A,,0.00,0.73,,0.73,NA,0.01,0.74,0.74,1,XXX,0.00,0.00,0.00,0,3,0,0,0,,32.3465,01,0,99,2.69,2.69,0.04
        76641,,A,,0.73,2.28,,2.28,NA,0.05,3.06,3.06,1,XXX,0.00,0.00,0.00,0,1,0,0,0,,32.3465,09,0,99,3.54,3.54,0.06
        76641,26,A,,0.73,0.27,,0.27,,0.04,1.04,1.04,1,XXX,0.00,0.00,0.00,0,1,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        76641,TC,A,,0.00,2.01,,2.01,NA,0.01,2.02,2.02,1,XXX,0.00,0.00,0.00,0,1,0,0,0,,32.3465,01,0,99,3.27,3.27,0.02
        93306,,A,,1.46,4.28,,4.28,NA,0.07,5.81,5.81,1,XXX,0.00,0.00,0.00,6,0,0,0,0,,32.3465,09,0,99,17.34,17.34,0.17
        93306,26,A,,1.46,0.52,,0.52,,0.04,2.02,2.02,1,XXX,0.00,0.00,0.00,6,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        93306,TC,A,,0.00,3.76,,3.76,NA,0.03,3.79,3.79,1,XXX,0.00,0.00,0.00,6,0,0,0,0,,32.3465,01,0,99,16.82,16.82,0.13
        93880,,A,,0.80,4.73,,4.73,NA,0.09,5.62,5.62,1,XXX,0.00,0.00,0.00,6,2,0,0,0,,32.3465,09,0,99,7.68,7.68,0.11
        93880,26,A,,0.80,0.26,,0.26,,0.06,1.12,1.12,1,XXX,0.00,0.00,0.00,6,2,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        93880,TC,A,,0.00,4.47,,4.47,NA,0.03,4.50,4.50,1,XXX,0.00,0.00,0.00,6,2,0,0,0,,32.3465,01,0,99,7.42,7.42,0.05
        92134,,A,,0.32,0.63,,0.63,NA,0.02,0.97,0.97,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,09,0,99,1.99,1.99,0.05
        92134,26,A,,0.32,0.20,,0.20,,0.01,0.53,0.53,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        92134,TC,A,,0.00,0.43,,0.43,NA,0.01,0.44,0.44,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,01,0,99,1.79,1.79,0.04
        92250,,A,,0.40,0.68,,0.68,NA,0.02,1.10,1.10,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,09,0,99,4.10,4.10,0.09
        92250,26,A,,0.40,0.20,,0.20,,0.01,0.61,0.61,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        92250,TC,A,,0.00,0.48,,0.48,NA,0.01,0.49,0.49,1,XXX,0.00,0.00,0.00,7,2,0,0,0,,32.3465,01,0,99,3.90,3.90,0.08
        97140,,A,,0.43,0.40,,0.40,NA,0.01,0.84,0.84,7,XXX,0.00,0.00,0.00,5,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        97530,,A,,0.44,0.62,,0.62,NA,0.01,1.07,1.07,7,XXX,0.00,0.00,0.00,5,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        11042,,A,,1.01,2.73,,0.68,,0.13,3.87,1.82,0,000,0.00,0.00,0.00,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        11045,,A,,0.50,0.62,,0.17,,0.07,1.19,0.74,0,ZZZ,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        11300,,A,,0.60,2.29,,0.35,,0.06,2.95,1.01,0,000,0.00,0.00,0.00,2,9,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        15756,,A,,36.94,25.52,NA,25.52,,6.00,68.46,68.46,0,090,0.10,0.71,0.19,2,0,2,2,0,,32.3465,09,0,99,0.00,0.00,0.00
        15823,,A,,6.81,11.18,,9.07,,0.60,18.59,16.48,0,090,0.10,0.71,0.19,2,1,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        20610,,A,,0.79,1.04,,0.44,,0.13,1.96,1.36,0,000,0.00,0.00,0.00,2,1,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        64483,,A,,1.90,5.24,,1.27,,0.16,7.30,3.33,0,000,0.00,0.00,0.00,2,1,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        64484,,A,,1.00,2.20,,0.43,,0.08,3.28,1.51,0,ZZZ,0.00,0.00,0.00,0,1,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        69436,,A,,2.01,2.55,NA,2.55,,0.29,4.85,4.85,0,010,0.10,0.80,0.10,2,1,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        96372,,A,,0.17,0.25,,0.25,NA,0.01,0.43,0.43,5,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        00400,,J,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        00790,,J,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        """;

    /// <summary>Every RVU row of the release: <see cref="Pfs2025Fixture.RvuRecords"/> and <see cref="ClaimRows"/>.</summary>
    public static IReadOnlyList<RvuRecord> RvuRecords { get; } = [.. Pfs2025Fixture.RvuRecords, .. ParseRows(ClaimRows)];

    /// <summary>ANES2025.csv locality anesthesia conversion factors (published rounded to 2 places).</summary>
    public static IReadOnlyList<AnesthesiaCfRecord> Anes2025 { get; } =
    [
        new(Alabama, "ALABAMA", 19.31m),
        new(Alaska, "ALASKA*", 27.86m),
        new(Manhattan, "MANHATTAN", 22.76m),
    ];

    /// <summary>Anesthesia base units: only 00400 = 3 from 2025-01-01 (00790 is deliberately missing).</summary>
    public static AnesthesiaBaseUnitTable BaseUnits { get; } = new(
    [
        new AnesthesiaBaseUnit(HcpcsCode.Parse("00400"), 3m, Rvu25AEffective) { Source = "Claims2025Fixture" },
    ]);

    /// <summary>RVU25D alone, effective 2025-10-01, with PPRRVU, GPCI and ANES files.</summary>
    public static PfsRelease Release() => new("RVU25D", Rvu25DEffective, null, RvuRecords, Gpci2025, Anes2025);

    public static PfsCatalog Catalog() => new([Release()]);

    public static MedicarePfsPricer PfsPricer() => new(Catalog(), ConversionFactors(), FloorThrough2026());

    public static AnesthesiaPricer AnesthesiaPricer() => new(Catalog(), BaseUnits);

    /// <summary>A new claim pricer over the fixture's reference data.</summary>
    public static MedicareClaimPricer Pricer()
    {
        var catalog = Catalog();
        return new MedicareClaimPricer(new MedicarePfsPricer(catalog, ConversionFactors(), FloorThrough2026()), new AnesthesiaPricer(catalog, BaseUnits));
    }

    /// <summary>One pricer shared by the tests (the pricers are pure and safe to share).</summary>
    public static MedicareClaimPricer Shared { get; } = Pricer();

    /// <summary>Prices a claim with <see cref="Shared"/>.</summary>
    public static ClaimPrice Price(Claim claim) => Shared.Price(claim);

    /// <summary>The fee schedule amount of one unit of a row, before any claim-level policy (the "single fee").</summary>
    public static decimal Fee(string hcpcs, string modifiers = "", LocalityId? locality = null, string pos = DefaultPos) =>
        Shared.Pfs.Price(Service(hcpcs, modifiers, locality ?? Alabama, pos, 1)).UnitAmount.Amount;

    /// <summary>
    /// A claim line. Modifiers as in a price file, separated by ':' ("RT", "26:59"); defaults: Alabama, POS 22,
    /// 2025-11-03, one unit, a physician, no billed charge, no anesthesia minutes.
    /// </summary>
    public static ClaimLine Line(
        string id,
        string hcpcs,
        string modifiers = "",
        int units = 1,
        decimal? charge = null,
        ProviderType provider = ProviderType.Physician,
        int? minutes = null,
        LocalityId? locality = null,
        string pos = DefaultPos) =>
        new(id, Service(hcpcs, modifiers, locality ?? Alabama, pos, units), charge is { } c ? new Money.Money(c) : null, provider, minutes);

    /// <summary>A claim of lines given as (line id, HCPCS, modifiers) with every other default.</summary>
    public static Claim Claim(params (string Id, string Hcpcs, string Modifiers)[] lines) =>
        Claim(Alabama, DefaultPos, lines);

    /// <summary>A claim of lines given as (line id, HCPCS, modifiers) in a locality and place of service.</summary>
    public static Claim Claim(LocalityId locality, string pos, params (string Id, string Hcpcs, string Modifiers)[] lines) =>
        new("C1", lines.Select(l => Line(l.Id, l.Hcpcs, l.Modifiers, locality: locality, pos: pos)).ToArray());

    /// <summary>A claim of fully specified lines.</summary>
    public static Claim Claim(params ClaimLine[] lines) => new("C1", lines);

    /// <summary>A claim whose patient still owes <paramref name="deductibleRemaining"/> of the Part B deductible.</summary>
    public static Claim ClaimWithDeductible(decimal deductibleRemaining, params ClaimLine[] lines) =>
        new("C1", lines, new Money.Money(deductibleRemaining));

    /// <summary>The priced line with the given line id.</summary>
    public static ClaimLinePrice LineById(this ClaimPrice price, string id) =>
        price.Lines.Single(l => l.Line.LineId == id);

    /// <summary>The priced line's allowed amount; throws when the line was not priced, with its message.</summary>
    public static decimal AllowedOf(this ClaimPrice price, string id)
    {
        var line = price.LineById(id);
        return line.Allowed?.Amount ?? throw new InvalidOperationException($"line {id} was not priced: {line.Outcome} {line.Message}");
    }

    private static PfsLine Service(string hcpcs, string modifiers, LocalityId locality, string pos, int units)
    {
        if (!ModifierList.TryParse(modifiers, out var list, out var error))
            throw new ArgumentException($"bad modifiers in test: {error}", nameof(modifiers));
        return new PfsLine(HcpcsCode.Parse(hcpcs), list, locality, PlaceOfService.Parse(pos), DateOfService, units);
    }
}
