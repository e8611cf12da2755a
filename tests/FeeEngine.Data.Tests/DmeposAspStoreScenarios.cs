using Dapper;
using FeeEngine.Core.Asp;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Dmepos;
using FeeEngine.Core.Money;
using FeeEngine.Data.Stores;
using NodaTime;

namespace FeeEngine.Data.Tests;

/// <summary>
/// DMEPOS/PEN and ASP storage (issue 7): schedules load back exactly, re-importing the same file is a no-op, a
/// different file for a stored id is refused naming both. Run on SQLite and on PostgreSQL.
/// </summary>
internal static class DmeposAspStoreScenarios
{
    private static readonly LocalDate January = new(2026, 1, 1);

    public static DmeposSchedule Dmepos(decimal alRural = 8.22m) => new("DMEPOS26_JAN", DmeposFile.Dmepos, January,
    [
        new DmeposFee(HcpcsCode.Parse("A4640"), Modifier.Parse("RR"), Modifier.None, "D", "IN", new Money(0m), new Money(0m),
            [new("AL", new Money(6.33m), new Money(alRural)), new("AK", new Money(6.88m), new Money(0m))]),
        new DmeposFee(HcpcsCode.Parse("A4216"), Modifier.None, Modifier.None, "J", "OS", new Money(0.63m), new Money(0.54m),
            [new("AL", new Money(0.58m), new Money(0m)), new("AK", new Money(0.99m), new Money(0m))]),
    ]);

    public static DmeposSchedule Pen() => new("DMEPEN26_JAN", DmeposFile.ParenteralEnteral, January,
    [
        new DmeposFee(HcpcsCode.Parse("E0776"), Modifier.Parse("RR"), Modifier.Parse("KE"), "", "", null, null,
            [new("AL", new Money(0m), new Money(22.98m))]),
    ]);

    public static AspSchedule Asp(decimal j1885 = 0.123m) => new("ASP 2026 Q1", January, new LocalDate(2026, 3, 31),
    [
        new AspRate(HcpcsCode.Parse("J9035"), "10 MG", 64.328m, 20m),
        new AspRate(HcpcsCode.Parse("J1885"), "15 MG", j1885, null),
    ]);

    public static void Dmepos_and_pen_files_load_back_exactly_and_a_reimport_is_a_no_op(FeeEngineDatabase db)
    {
        var store = new DmeposStore(db, TimeProvider.System);

        store.Import(Dmepos(), "/cms/DMEPOS26_JAN.xlsx").Should().BeTrue();
        store.Import(Pen(), "DMEPEN26_JAN.xlsx").Should().BeTrue();
        store.Import(Dmepos(), "DMEPOS26_JAN.csv").Should().BeFalse();

        var loaded = store.Load();
        loaded.Select(s => (s.Id, s.File, s.EffectiveFrom, s.EffectiveTo, s.Count)).Should().BeEquivalentTo(new[]
        {
            ("DMEPOS26_JAN", DmeposFile.Dmepos, January, new LocalDate(2026, 12, 31), 2),
            ("DMEPEN26_JAN", DmeposFile.ParenteralEnteral, January, new LocalDate(2026, 12, 31), 1),
        });
        var dmepos = loaded.Single(s => s.Id == "DMEPOS26_JAN");
        dmepos.Fees.Select(f => f.Key).Should().Equal("A4640 RR", "A4216");
        var a4216 = dmepos.Fees.Last();
        (a4216.Jurisdiction, a4216.Category, a4216.Ceiling, a4216.Floor).Should().Be(("J", "OS", new Money(0.63m), new Money(0.54m)));
        a4216.States.Should().Equal(Dmepos().Fees.Last().States);
        var pen = loaded.Single(s => s.Id == "DMEPEN26_JAN").Fees.Single();
        (pen.Category, pen.Ceiling, pen.FindState("AL")!.Rural).Should().Be(("", (Money?)null, new Money(22.98m)));
        store.LoadCatalog().Price(HcpcsCode.Parse("A4640"), new ModifierList(Modifier.Parse("RR")), new LocalDate(2026, 5, 1), "AL", rural: true, units: 2)
            .Total.Should().Be(new Money(16.44m));
    }

    public static void A_different_dmepos_file_under_a_stored_id_is_refused_naming_both(FeeEngineDatabase db)
    {
        var store = new DmeposStore(db, TimeProvider.System);
        store.Import(Dmepos(), "DMEPOS26_JAN.xlsx");

        var act = () => store.Import(Dmepos(alRural: 8.23m), "DMEPOS26_JAN_v2.xlsx");

        act.Should().Throw<ImportConflictException>().WithMessage(
            "DMEPOS26_JAN_v2.xlsx: DMEPOS26_JAN is already stored from DMEPOS26_JAN.xlsx with other fees. Nothing was imported*");
        store.Load().Single().Fees.First().FindState("AL")!.Rural.Should().Be(new Money(8.22m));
    }

    public static void Asp_rates_load_back_exactly_and_a_different_file_for_the_quarter_is_refused(FeeEngineDatabase db)
    {
        var store = new AspStore(db, TimeProvider.System);

        store.Import(Asp(), "asp-2026-q1-sample.csv").Should().BeTrue();
        store.Import(Asp(), "again.csv").Should().BeFalse();
        var conflict = () => store.Import(Asp(j1885: 0.124m), "other.csv");

        conflict.Should().Throw<ImportConflictException>().WithMessage("other.csv: ASP 2026 Q1 is already stored from asp-2026-q1-sample.csv with other rates*");
        var q1 = store.Load().Single();
        (q1.Id, q1.EffectiveFrom, q1.EffectiveTo, q1.Count).Should().Be(("ASP 2026 Q1", January, new LocalDate(2026, 3, 31), 2));
        q1.FindOrNull(HcpcsCode.Parse("J9035")).Should().Be(new AspRate(HcpcsCode.Parse("J9035"), "10 MG", 64.328m, 20m));
        q1.FindOrNull(HcpcsCode.Parse("J1885")).Should().Be(new AspRate(HcpcsCode.Parse("J1885"), "15 MG", 0.123m, null));
    }
}

public sealed class SqliteDmeposAspStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact] public void Dmepos_and_pen_files_load_back_exactly_and_a_reimport_is_a_no_op() => DmeposAspStoreScenarios.Dmepos_and_pen_files_load_back_exactly_and_a_reimport_is_a_no_op(_db.Database);
    [Fact] public void A_different_dmepos_file_under_a_stored_id_is_refused_naming_both() => DmeposAspStoreScenarios.A_different_dmepos_file_under_a_stored_id_is_refused_naming_both(_db.Database);
    [Fact] public void Asp_rates_load_back_exactly_and_a_different_file_for_the_quarter_is_refused() => DmeposAspStoreScenarios.Asp_rates_load_back_exactly_and_a_different_file_for_the_quarter_is_refused(_db.Database);

    [Fact]
    public void Fees_and_payment_limits_are_stored_as_integers_never_REAL()
    {
        new DmeposStore(_db.Database, TimeProvider.System).Import(DmeposAspStoreScenarios.Dmepos(), "DMEPOS26_JAN.xlsx");
        new AspStore(_db.Database, TimeProvider.System).Import(DmeposAspStoreScenarios.Asp(), "asp.csv");
        using var connection = _db.Database.Open();

        connection.QuerySingle<string>("SELECT typeof(ceiling_cents) || ':' || ceiling_cents || ' ' || state_fees FROM dmepos_fee WHERE hcpcs = 'A4216'")
            .Should().Be("integer:63 AL:58:0 AK:99:0");
        connection.QuerySingle<string>("SELECT typeof(payment_limit_mills) || ':' || payment_limit_mills || ':' || coinsurance_basis_points FROM asp_rate WHERE hcpcs = 'J9035'")
            .Should().Be("integer:64328:2000");
    }
}

/// <summary>The same scenarios on PostgreSQL; skipped, with the reason, unless FEEENGINE_POSTGRES is set (CI sets it).</summary>
public sealed class PostgresDmeposAspStoreTests
{
    private static void On(Action<FeeEngineDatabase> scenario)
    {
        using var db = new PostgresDatabase();
        scenario(db.Database);
    }

    [PostgresFact] public void Dmepos_and_pen_files_load_back_exactly_and_a_reimport_is_a_no_op() => On(DmeposAspStoreScenarios.Dmepos_and_pen_files_load_back_exactly_and_a_reimport_is_a_no_op);
    [PostgresFact] public void A_different_dmepos_file_under_a_stored_id_is_refused_naming_both() => On(DmeposAspStoreScenarios.A_different_dmepos_file_under_a_stored_id_is_refused_naming_both);
    [PostgresFact] public void Asp_rates_load_back_exactly_and_a_different_file_for_the_quarter_is_refused() => On(DmeposAspStoreScenarios.Asp_rates_load_back_exactly_and_a_different_file_for_the_quarter_is_refused);
}
