using FeeEngine.Core.Contracts;
using FeeEngine.Core.Tests.Contracts;
using FeeEngine.Data.Stores;
using NodaTime;

namespace FeeEngine.Data.Tests;

/// <summary>
/// What every contract store must do, whatever the database: the same scenarios run on SQLite
/// (<see cref="SqliteContractStoreTests"/>) and SQL Server (<see cref="SqlServerContractStoreTests"/>).
/// </summary>
internal static class ContractStoreScenarios
{
    private static Contract Acme(decimal firstPercent = 110m) => Contract.Create("Acme Health", "PPO", [
        new ContractVersion("2025-A", new ContractPeriod(new LocalDate(2025, 1, 1), new LocalDate(2025, 11, 14)),
            [ContractFixture.PercentOfMedicare(firstPercent, "99202-99499", name: "E&M"),
             new ContractTerm("Lab", CodeScope.TryCategory("pathology-laboratory", out var lab, out _) ? lab : CodeScope.All, TermMethod.PercentOfCharges, 40.5m)],
            ContractFixture.PercentOfCharges(45m, name: "default"),
            new FeeSchedule("carve", new ContractPeriod(new LocalDate(2025, 1, 1), new LocalDate(2025, 11, 14)), [ContractFixture.Fee("99214", 135.55m), ContractFixture.Fee("71046", 12.40m, "26")]),
            LesserOfBilled: true),
        new ContractVersion("2025-B", new ContractPeriod(new LocalDate(2025, 11, 15), null),
            [ContractFixture.PercentOfMedicare(120m, medicareBase: new MedicareBase(new LocalDate(2024, 1, 1), Core.Codes.LocalityId.Parse("05102-18")), name: "frozen")],
            MedicarePolicies: false),
    ]);

    private static FeeSchedule Fees(string from, string? to, decimal amount) =>
        new("fees.xlsx", ContractFixture.Period(from, to), [ContractFixture.Fee("99213", amount), ContractFixture.Fee("00100", 450m)]);

    public static void A_contract_loads_back_exactly_as_stored(FeeEngineDatabase db)
    {
        var store = new ContractStore(db, TimeProvider.System);

        store.SaveContract(Acme(), "acme.json", "hash-1").Should().Be(SaveOutcome.Created);
        var loaded = store.LoadBook().Contracts.Single();

        loaded.ToString().Should().Be("Acme Health / PPO");
        var a = loaded.Versions[0];
        a.Period.ToString().Should().Be("2025-01-01..2025-11-14");
        a.LesserOfBilled.Should().BeTrue();
        a.MedicarePolicies.Should().BeTrue();
        a.Terms.Select(t => t.Describe()).Should().Equal("110% of Medicare (date of service) for 99202-99499", "40.5% of billed charges for category pathology-laboratory (80047-89398)");
        a.Default!.Name.Should().Be("default");
        a.CarveOuts!.Fees.Select(f => f.ToString()).Should().BeEquivalentTo(["99214 135.55", "71046-26 12.40"]);
        var b = loaded.Versions[1];
        b.Period.To.Should().BeNull();
        b.MedicarePolicies.Should().BeFalse();
        b.Terms.Single().Describe().Should().Be("120% of Medicare as of 2024-01-01, locality 05102-18 for all codes");
    }

    public static void Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions(FeeEngineDatabase db)
    {
        var store = new ContractStore(db, TimeProvider.System);
        store.SaveContract(Acme(), "acme.json", "hash-1");

        store.SaveContract(Acme(), "acme.json", "hash-1").Should().Be(SaveOutcome.Unchanged);
        store.SaveContract(Acme(firstPercent: 112m), "acme.json", "hash-2").Should().Be(SaveOutcome.Replaced);

        store.LoadBook().Contracts.Single().Versions[0].Terms[0].Percent.Should().Be(112m);
    }

    public static void A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused(FeeEngineDatabase db)
    {
        var store = new ContractStore(db, TimeProvider.System);
        store.SaveContract(Acme(), "acme.json", "hash-1");

        store.SaveFeeSchedule("acme health", "ppo", Fees("2025-01-01", "2025-12-31", 90m), "f1").Should().Be(SaveOutcome.Created);
        store.SaveFeeSchedule("Acme Health", "PPO", Fees("2025-01-01", "2025-12-31", 90m), "f1").Should().Be(SaveOutcome.Unchanged);
        store.SaveFeeSchedule("Acme Health", "PPO", Fees("2025-01-01", "2025-12-31", 92.5m), "f2").Should().Be(SaveOutcome.Replaced);
        var overlap = () => store.SaveFeeSchedule("Acme Health", "PPO", Fees("2025-07-01", null, 99m), "f3");

        overlap.Should().Throw<ContractValidationException>().WithMessage("Fee schedule fees.xlsx (2025-07-01..) for 'Acme Health/PPO' overlaps the stored fee schedule fees.xlsx (2025-01-01..2025-12-31). Nothing was imported*");
        var contract = store.LoadBook().Contracts.Single();
        contract.Versions.Should().HaveCount(2, "the versions loaded from the contract file are kept");
        contract.FeeSchedules.Single().Fees.Select(f => f.ToString()).Should().BeEquivalentTo(["99213 92.50", "00100 450.00"]);
    }

    public static void A_fee_schedule_for_a_new_contract_creates_it_without_versions(FeeEngineDatabase db)
    {
        var store = new ContractStore(db, TimeProvider.System);

        store.SaveFeeSchedule("Summit Care", "Advantage", Fees("2025-01-01", null, 88m), "f1");

        var contract = store.LoadBook().Contracts.Single();
        contract.ToString().Should().Be("Summit Care / Advantage");
        contract.Versions.Should().BeEmpty();
        store.List().Single().FeeSchedules.Should().Equal("fees.xlsx 2025-01-01..: 2 fees");
    }
}

public sealed class SqliteContractStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact] public void A_contract_loads_back_exactly_as_stored() => ContractStoreScenarios.A_contract_loads_back_exactly_as_stored(_db.Database);
    [Fact] public void Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions() => ContractStoreScenarios.Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions(_db.Database);
    [Fact] public void A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused() => ContractStoreScenarios.A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused(_db.Database);
    [Fact] public void A_fee_schedule_for_a_new_contract_creates_it_without_versions() => ContractStoreScenarios.A_fee_schedule_for_a_new_contract_creates_it_without_versions(_db.Database);

    [Fact]
    public void Amounts_and_percentages_are_stored_exactly_as_integer_cents_and_decimal_text()
    {
        var store = new ContractStore(_db.Database, TimeProvider.System);
        store.SaveFeeSchedule("Summit Care", "Advantage", Fees("2025-01-01", null, 88.10m), "f1");
        store.SaveContract(Contract.Create("P", "C", [ContractFixture.Version("v", ContractFixture.Period("2025-01-01"), ContractFixture.PercentOfMedicare(112.35m))]), "p.json", "h");

        using var connection = _db.Database.Open();
        Dapper.SqlMapper.QuerySingle<string>(connection, "SELECT typeof(amount_cents) || ':' || amount_cents FROM payer_fee WHERE hcpcs = '99213'").Should().Be("integer:8810");
        Dapper.SqlMapper.QuerySingle<string>(connection, "SELECT typeof(percent_value) || ':' || percent_value FROM contract_term").Should().Be("text:112.35");
    }

    private static FeeSchedule Fees(string from, string? to, decimal amount) =>
        new("fees.xlsx", ContractFixture.Period(from, to), [ContractFixture.Fee("99213", amount)]);
}

/// <summary>The same scenarios on SQL Server; skipped, with the reason, unless FEEENGINE_SQLSERVER is set.</summary>
public sealed class SqlServerContractStoreTests
{
    private static void On(Action<FeeEngineDatabase> scenario)
    {
        using var db = new SqlServerDatabase();
        scenario(db.Database);
    }

    [SqlServerFact] public void A_contract_loads_back_exactly_as_stored() => On(ContractStoreScenarios.A_contract_loads_back_exactly_as_stored);
    [SqlServerFact] public void Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions() => On(ContractStoreScenarios.Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions);
    [SqlServerFact] public void A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused() => On(ContractStoreScenarios.A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused);
    [SqlServerFact] public void A_fee_schedule_for_a_new_contract_creates_it_without_versions() => On(ContractStoreScenarios.A_fee_schedule_for_a_new_contract_creates_it_without_versions);
}

/// <summary>The same scenarios on PostgreSQL; skipped, with the reason, unless FEEENGINE_POSTGRES is set (CI sets it).</summary>
public sealed class PostgresContractStoreTests
{
    private static void On(Action<FeeEngineDatabase> scenario)
    {
        using var db = new PostgresDatabase();
        scenario(db.Database);
    }

    [PostgresFact] public void A_contract_loads_back_exactly_as_stored() => On(ContractStoreScenarios.A_contract_loads_back_exactly_as_stored);
    [PostgresFact] public void Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions() => On(ContractStoreScenarios.Loading_the_same_file_again_is_a_no_op_and_a_changed_file_replaces_the_versions);
    [PostgresFact] public void A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused() => On(ContractStoreScenarios.A_fee_schedule_is_stored_replaced_by_its_start_date_and_an_overlap_is_refused);
    [PostgresFact] public void A_fee_schedule_for_a_new_contract_creates_it_without_versions() => On(ContractStoreScenarios.A_fee_schedule_for_a_new_contract_creates_it_without_versions);
}
