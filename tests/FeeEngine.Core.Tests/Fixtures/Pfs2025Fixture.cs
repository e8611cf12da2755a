using System.Globalization;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Core.Tests.Fixtures;

/// <summary>
/// CMS's published CY2025 figures for a handful of codes and localities, held in memory: the PPRRVU rows of the
/// October 2025 release (RVU25D, identical for these codes in the January release RVU25A), the 2025 GPCIs of
/// Alabama, Alaska and Manhattan, the conversion-factor table of the reference and a work GPCI floor policy.
/// Numbers only: CPT descriptions are AMA copyright and are deliberately not here.
/// </summary>
public static class Pfs2025Fixture
{
    public static readonly LocalDate Rvu25AEffective = new(2025, 1, 1);
    public static readonly LocalDate Rvu25DEffective = new(2025, 10, 1);
    /// <summary>A date of service in the October 2025 release.</summary>
    public static readonly LocalDate October2025 = new(2025, 10, 15);

    public static readonly LocalityId Alabama = LocalityId.Parse("10112-00");
    public static readonly LocalityId Alaska = LocalityId.Parse("02102-01");
    public static readonly LocalityId Manhattan = LocalityId.Parse("13202-01");

    /// <summary>
    /// PPRRVU2025_Oct.csv rows, every column but DESCRIPTION, in the file's order:
    /// HCPCS, MOD, STATUS, NOT USED FOR MEDICARE, WORK RVU, NON-FAC PE RVU, NON-FAC NA, FACILITY PE RVU, FACILITY NA,
    /// MP RVU, NON-FAC TOTAL, FACILITY TOTAL, PCTC, GLOB DAYS, PRE OP, INTRA OP, POST OP, MULT PROC, BILAT SURG,
    /// ASST SURG, CO-SURG, TEAM SURG, ENDO BASE, CONV FACTOR, PHYSICIAN SUPERVISION, CALCULATION FLAG,
    /// DIAGNOSTIC IMAGING FAMILY, NON-FAC PE USED FOR OPPS, FAC PE USED FOR OPPS, MP USED FOR OPPS.
    /// </summary>
    public const string PprrvuRows = """
        99213,,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        99214,,A,,1.92,1.80,,0.83,,0.15,3.87,2.90,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        97110,,A,,0.45,0.43,,0.43,NA,0.01,0.89,0.89,7,XXX,0.00,0.00,0.00,5,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        71046,,A,,0.22,0.77,,0.77,NA,0.02,1.01,1.01,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,2.76,2.76,0.05
        71046,26,A,,0.22,0.08,,0.08,,0.01,0.31,0.31,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        71046,TC,A,,0.00,0.69,,0.69,NA,0.01,0.70,0.70,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,01,0,99,2.68,2.68,0.04
        88305,,A,,0.75,1.38,,1.38,NA,0.02,2.15,2.15,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        88305,26,A,,0.75,0.32,,0.32,,0.01,1.08,1.08,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        88305,TC,A,,0.00,1.06,,1.06,NA,0.01,1.07,1.07,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        93000,,A,,0.17,0.24,,0.24,NA,0.02,0.43,0.43,4,XXX,0.00,0.00,0.00,6,0,0,0,0,,32.3465,01,0,99,0.00,0.00,0.00
        93005,,A,,0.00,0.18,,0.18,NA,0.01,0.19,0.19,3,XXX,0.00,0.00,0.00,6,0,0,0,0,,32.3465,01,0,99,0.00,0.00,0.00
        93010,,A,,0.17,0.06,,0.06,,0.01,0.24,0.24,2,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        27447,,A,,19.60,15.30,NA,15.30,,3.98,38.88,38.88,0,090,0.10,0.69,0.21,2,1,2,1,0,,32.3465,09,0,99,0.00,0.00,0.00
        10060,,A,,1.22,2.49,,1.89,,0.13,3.84,3.24,0,010,0.10,0.80,0.10,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        71275,,A,,1.82,6.64,,6.64,NA,0.13,8.59,8.59,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,6.13,6.13,0.13
        71275,26,A,,1.82,0.65,,0.65,,0.10,2.57,2.57,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,09,0,88,0.00,0.00,0.00
        71275,TC,A,,0.00,5.99,,5.99,NA,0.03,6.02,6.02,1,XXX,0.00,0.00,0.00,4,0,0,0,0,,32.3465,02,0,88,5.48,5.48,0.03
        45378,,A,,3.26,6.44,,1.79,,0.43,10.13,5.48,0,000,0.00,0.00,0.00,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        45378,53,A,,1.63,3.22,,0.90,,0.22,5.07,2.75,0,000,0.00,0.00,0.00,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        85060,,A,,0.45,0.22,NA,0.22,,0.03,0.70,0.70,8,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        11055,,R,,0.35,1.72,,0.08,,0.03,2.10,0.46,0,000,0.00,0.00,0.00,2,0,1,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        96523,,T,,0.04,0.67,,0.67,NA,0.01,0.72,0.72,5,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        0042T,,C,,0.00,0.00,,0.00,,0.00,0.00,0.00,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,0.00,0.00,0.00
        80053,,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        36415,,X,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        36416,,B,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        0001F,,I,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        J1100,,E,,0.00,0.00,,0.00,,0.00,0.00,0.00,9,XXX,0.00,0.00,0.00,9,9,9,9,9,,32.3465,09,0,99,0.00,0.00,0.00
        """;

    /// <summary>The RVU rows of <see cref="PprrvuRows"/>.</summary>
    public static IReadOnlyList<RvuRecord> RvuRecords { get; } = ParseRows(PprrvuRows);

    /// <summary>CY2025 GPCIs (GPCI2025.csv): work (with 1.0 floor; Alaska 1.5), PE, MP.</summary>
    public static IReadOnlyList<GpciRecord> Gpci2025 { get; } =
    [
        Gpci(Alabama, "AL", "ALABAMA", 1.000m, 0.869m, 0.575m),
        Gpci(Alaska, "AK", "ALASKA*", 1.500m, 1.081m, 0.592m),
        Gpci(Manhattan, "NY", "MANHATTAN", 1.065m, 1.166m, 1.656m),
    ];

    /// <summary>RVU25A (2025-01-01) and RVU25D (2025-10-01), each with the PPRRVU rows and GPCIs above.</summary>
    public static PfsCatalog Catalog() =>
        new([
            new PfsRelease("RVU25A", Rvu25AEffective, null, RvuRecords, Gpci2025),
            new PfsRelease("RVU25D", Rvu25DEffective, null, RvuRecords, Gpci2025),
        ]);

    /// <summary>The reference's conversion-factor table (schedules/conversion-factors.csv), 2019..2026.</summary>
    public static ConversionFactorTable ConversionFactors() => new(
    [
        Cf("2019-01-01", "2019-12-31", null, 36.0391m, 22.2730m),
        Cf("2020-01-01", "2020-12-31", null, 36.0896m, 22.2016m),
        Cf("2021-01-01", "2021-12-31", null, 34.8931m, 21.5600m),
        Cf("2022-01-01", "2022-12-31", null, 34.6062m, 21.5623m),
        Cf("2023-01-01", "2023-12-31", null, 33.8872m, 21.1249m),
        Cf("2024-01-01", "2024-03-08", null, 32.7442m, 20.4349m),
        Cf("2024-03-09", "2024-12-31", null, 33.2875m, 20.7739m),
        Cf("2025-01-01", "2025-12-31", null, 32.3465m, 20.3178m),
        Cf("2026-01-01", "2026-12-31", QpStatus.NonQualifying, 33.4009m, 20.4976m),
        Cf("2026-01-01", "2026-12-31", QpStatus.Qualifying, 33.5675m, 20.5998m),
    ]);

    /// <summary>The 1.0 work GPCI floor in force for every date of service 2019-01-01..2026-12-31.</summary>
    public static WorkGpciFloorPolicy FloorThrough2026() =>
        new([new WorkGpciFloorPeriod(Date("2019-01-01"), Date("2026-12-31"), "test: floor in law 2019-2026")]);

    public static MedicarePfsPricer Pricer() => new(Catalog(), ConversionFactors(), FloorThrough2026());

    public static MedicarePfsPricer Pricer(PfsCatalog catalog, WorkGpciFloorPolicy? floor = null) =>
        new(catalog, ConversionFactors(), floor ?? FloorThrough2026());

    /// <summary>Prices one line with the 2025 fixture; see <see cref="Line"/>.</summary>
    public static PfsPrice Price(string hcpcs, string modifiers, LocalityId locality, string pos, string date = "2025-10-15", int units = 1) =>
        Pricer().Price(Line(hcpcs, modifiers, locality, pos, date, units));

    /// <summary>A claim line from text as it appears in a price file: modifiers separated by ':', POS two digits, ISO date.</summary>
    public static PfsLine Line(string hcpcs, string modifiers, LocalityId locality, string pos, string date = "2025-10-15", int units = 1, QpStatus qp = QpStatus.NonQualifying)
    {
        if (!ModifierList.TryParse(modifiers, out var list, out var error))
            throw new ArgumentException($"bad modifiers in test: {error}", nameof(modifiers));
        return new PfsLine(HcpcsCode.Parse(hcpcs), list, locality, PlaceOfService.Parse(pos), Date(date), units, qp);
    }

    public static PfsLine Line(string hcpcs, string modifiers, string locality, string pos, string date = "2025-10-15", int units = 1, QpStatus qp = QpStatus.NonQualifying) =>
        Line(hcpcs, modifiers, LocalityId.Parse(locality), pos, date, units, qp);

    public static LocalDate Date(string iso) => EffectivePeriod.ParseIso(iso);

    public static GpciRecord Gpci(LocalityId locality, string state, string name, decimal work, decimal pe, decimal mp, decimal? workWithoutFloor = null) =>
        new()
        {
            Locality = locality,
            State = state,
            Name = name,
            WorkWithFloor = new Gpci(work),
            WorkWithoutFloor = workWithoutFloor is { } w ? new Gpci(w) : null,
            PracticeExpense = new Gpci(pe),
            Malpractice = new Gpci(mp),
        };

    public static ConversionFactorEntry Cf(string from, string to, QpStatus? qp, decimal pfs, decimal anesthesia) =>
        new(Date(from), Date(to), qp, new ConversionFactor(pfs), anesthesia, $"reference table {from}..{to}");

    /// <summary>Parses rows in the column order of <see cref="PprrvuRows"/> (the PPRRVU CSV without DESCRIPTION).</summary>
    public static IReadOnlyList<RvuRecord> ParseRows(string rows) =>
        rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseRow)
            .ToArray();

    private static RvuRecord ParseRow(string row)
    {
        var c = row.Split(',');
        if (c.Length != 30) throw new ArgumentException($"expected 30 cells, got {c.Length}: {row}", nameof(row));
        return new RvuRecord
        {
            Code = HcpcsCode.Parse(c[0]),
            Modifier = Modifier.Parse(c[1]),
            Status = c[2][0],
            NotUsedForMedicare = c[3],
            WorkRvu = Rvu(c[4]),
            NonFacilityPeRvu = Rvu(c[5]),
            NonFacilityNa = c[6] == "NA",
            FacilityPeRvu = Rvu(c[7]),
            FacilityNa = c[8] == "NA",
            MpRvu = Rvu(c[9]),
            NonFacilityTotal = Rvu(c[10]),
            FacilityTotal = Rvu(c[11]),
            PcTcIndicator = c[12][0],
            GlobalDays = c[13],
            PreOpShare = Dec(c[14]),
            IntraOpShare = Dec(c[15]),
            PostOpShare = Dec(c[16]),
            MultipleProcedure = c[17][0],
            BilateralSurgery = c[18][0],
            AssistantSurgery = c[19][0],
            CoSurgeons = c[20][0],
            TeamSurgery = c[21][0],
            EndoscopicBase = c[22],
            FileConversionFactor = new ConversionFactor(Dec(c[23])),
            PhysicianSupervision = c[24],
            CalculationFlag = c[25],
            ImagingFamily = c[26],
            OppsNonFacilityPeRvu = Rvu(c[27]),
            OppsFacilityPeRvu = Rvu(c[28]),
            OppsMpRvu = Rvu(c[29]),
        };
    }

    private static Rvu Rvu(string s) => new(Dec(s));
    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);
}
