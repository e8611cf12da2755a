using Dapper;
using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Codes;
using FeeEngine.Data.Stores;
using NodaTime;

namespace FeeEngine.Data.Tests;

public sealed class AnesthesiaBaseUnitStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly AnesthesiaBaseUnitStore _store;

    public AnesthesiaBaseUnitStoreTests() => _store = new AnesthesiaBaseUnitStore(_db.Database, TimeProvider.System);

    public void Dispose() => _db.Dispose();

    private static AnesthesiaBaseUnit Row(string code, decimal units, int year = 2025) =>
        new(HcpcsCode.Parse(code), units, new LocalDate(year, 1, 1));

    private static readonly AnesthesiaBaseUnit[] Sample =
    [
        Row("00400", 3m), Row("00790", 7.0m), Row("00840", 6m), Row("01402", 7.25m), Row("00400", 4m, 2026),
    ];

    [Fact]
    public void Stored_base_units_load_back_exactly_with_their_source_file()
    {
        _store.Import("/some/folder/units.csv", Sample).Should().Be(5);

        var table = _store.Load();

        table.Count.Should().Be(5);
        table.Rows.Select(r => (r.Code, r.BaseUnits, r.EffectiveFrom)).Should().BeEquivalentTo(Sample.Select(r => (r.Code, r.BaseUnits, r.EffectiveFrom)));
        table.Rows.Should().OnlyContain(r => r.Source == "units.csv");
        table.FindOrNull(HcpcsCode.Parse("00790"), new LocalDate(2025, 6, 1))!.BaseUnits.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("7.0");
        table.FindOrNull(HcpcsCode.Parse("00400"), new LocalDate(2026, 6, 1))!.BaseUnits.Should().Be(4m);
    }

    [Fact]
    public void Base_units_are_stored_as_exact_text_never_as_REAL()
    {
        _store.Import("units.csv", Sample);
        using var connection = _db.Database.Open();

        connection.Query<string>("SELECT DISTINCT typeof(base_units) FROM anesthesia_base_unit").Should().Equal("text");
        connection.ExecuteScalar<string>("SELECT base_units FROM anesthesia_base_unit WHERE hcpcs = '01402'").Should().Be("7.25");
    }

    [Fact]
    public void Re_importing_the_same_values_stores_nothing_new()
    {
        _store.Import("units.csv", Sample);

        _store.Import("units-again.csv", [.. Sample, Row("00400", 3.00m)]).Should().Be(0);

        _store.Load().Rows.Should().OnlyContain(r => r.Source == "units.csv");
        _store.Load().Count.Should().Be(5);
    }

    [Fact]
    public void Only_the_new_rows_of_a_file_are_stored()
    {
        _store.Import("units.csv", Sample[..2]);

        _store.Import("more.csv", Sample).Should().Be(3);

        _store.Load().Count.Should().Be(5);
    }

    [Fact]
    public void A_different_value_for_a_stored_code_and_date_is_a_conflict_naming_both_values_and_nothing_is_written()
    {
        _store.Import("units.csv", Sample);

        var act = () => _store.Import("changed.csv", [Row("00810", 5m), Row("00400", 5m), Row("00790", 8m)]);

        act.Should().Throw<ImportConflictException>().WithMessage(
            "changed.csv conflicts with stored anesthesia base units (2): 00400 effective 2025-01-01: stored 3 (from units.csv), new 5; " +
            "00790 effective 2025-01-01: stored 7.0 (from units.csv), new 8. Nothing was imported.*");
        var table = _store.Load();
        table.Count.Should().Be(5);
        table.FindOrNull(HcpcsCode.Parse("00810"), new LocalDate(2025, 6, 1)).Should().BeNull();
        table.FindOrNull(HcpcsCode.Parse("00400"), new LocalDate(2025, 6, 1))!.BaseUnits.Should().Be(3m);
    }

    [Fact]
    public void One_import_giving_a_code_and_date_two_values_is_refused()
    {
        var act = () => _store.Import("bad.csv", [Row("00400", 3m), Row("00400", 4m)]);

        act.Should().Throw<ArgumentException>().WithMessage("*00400 effective 2025-01-01 are given twice: 3 and 4*");
        _store.Load().Count.Should().Be(0);
    }

    [Fact]
    public void An_empty_database_loads_an_empty_table()
    {
        _store.Load().Count.Should().Be(0);
    }
}
