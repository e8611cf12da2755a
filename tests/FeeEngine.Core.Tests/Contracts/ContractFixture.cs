using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Tests.Fixtures;
using NodaTime;

namespace FeeEngine.Core.Tests.Contracts;

/// <summary>
/// Contracts over the claim fixture's reference data: RVU25D (2025-10-01) and, for frozen-year bases, the same rows
/// and GPCIs re-dated to 2024-01-01 as "RVU24-TEST", so that the 2024 amount differs from the 2025 one only by the
/// conversion factor (32.7442 on 2024-01-01 against 32.3465 in 2025). Worked amounts used throughout:
/// 99213 non-facility (POS 11) Alabama: 1.30 + 1.35 x 0.869 + 0.10 x 0.575 = 2.53065 RVUs;
///   x 32.3465 = 81.8576 -> 81.86 (2025); x 32.7442 = 82.8640 -> 82.86 (2024-01-01).
/// 99213 non-facility Manhattan: 1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656 = 3.1242; x 32.3465 -> 101.06.
/// 71046 non-facility Alabama: 0.22 + 0.77 x 0.869 + 0.02 x 0.575 = 0.90063; x 32.3465 -> 29.13.
/// </summary>
public static class ContractFixture
{
    public static readonly LocalDate November14 = new(2025, 11, 14);
    public static readonly LocalDate November15 = new(2025, 11, 15);

    public static MedicareClaimPricer Medicare { get; } = CreateMedicare();

    private static MedicareClaimPricer CreateMedicare()
    {
        var catalog = new PfsCatalog([
            new PfsRelease("RVU24-TEST", new LocalDate(2024, 1, 1), null, Claims2025Fixture.RvuRecords, Pfs2025Fixture.Gpci2025, Claims2025Fixture.Anes2025),
            Claims2025Fixture.Release(),
        ]);
        var pfs = new MedicarePfsPricer(catalog, Pfs2025Fixture.ConversionFactors(), Pfs2025Fixture.FloorThrough2026());
        return new MedicareClaimPricer(pfs, new AnesthesiaPricer(catalog, Claims2025Fixture.BaseUnits));
    }

    public static ContractPeriod Period(string from, string? to = null) =>
        new(Pfs2025Fixture.Date(from), to is null ? null : Pfs2025Fixture.Date(to));

    public static CodeScope Codes(string text) =>
        CodeScope.TryParseCodes(text, out var scope, out var error) ? scope : throw new ArgumentException(error, nameof(text));

    public static ContractTerm PercentOfMedicare(decimal percent, string? codes = null, MedicareBase? medicareBase = null, string? name = null) =>
        new(name ?? $"{percent}% of Medicare", codes is null ? CodeScope.All : Codes(codes), TermMethod.PercentOfMedicare, percent, medicareBase);

    public static ContractTerm PercentOfCharges(decimal percent, CodeScope? scope = null, string? name = null) =>
        new(name ?? $"{percent}% of charges", scope ?? CodeScope.All, TermMethod.PercentOfCharges, percent);

    public static FixedFee Fee(string code, decimal amount, string modifier = "") =>
        new(HcpcsCode.Parse(code), modifier.Length == 0 ? Modifier.None : Modifier.Parse(modifier), new Money.Money(amount));

    public static ContractVersion Version(string label, ContractPeriod period, params ContractTerm[] terms) => new(label, period, terms);

    public static ContractPricer Pricer(params Contract[] contracts) => new(new ContractBook(contracts), Medicare);

    /// <summary>A line on <paramref name="date"/> (default 2025-11-03), POS 11 (non-facility), Alabama unless given.</summary>
    public static ClaimLine Line(string id, string hcpcs, string modifiers = "", int units = 1, decimal? charge = null, LocalDate? date = null, LocalityId? locality = null, string pos = "11")
    {
        var line = Claims2025Fixture.Line(id, hcpcs, modifiers, units, charge, locality: locality, pos: pos);
        return date is { } d ? line with { Service = line.Service with { DateOfService = d } } : line;
    }

    public static Claim Claim(params ClaimLine[] lines) => new("C1", lines);

    public static ExpectedLinePrice Only(this ContractClaimPrice price) => price.Lines.Single();

    public static decimal ExpectedOf(this ContractClaimPrice price, string lineId)
    {
        var line = price.Lines.Single(l => l.Line.LineId == lineId);
        return line.Expected?.Amount ?? throw new InvalidOperationException($"line {lineId} unpriced: {line.Reason}");
    }
}
