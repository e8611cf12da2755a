using Dapper;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Tests.Fixtures;
using FeeEngine.Data.Stores;

namespace FeeEngine.Data.Tests;

public sealed class ReleaseStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ReleaseStore _store;

    public ReleaseStoreTests() => _store = new ReleaseStore(_db.Database, TimeProvider.System);

    public void Dispose() => _db.Dispose();

    private static PfsReleaseImport Rvu25D() => new("RVU25D", Pfs2025Fixture.Rvu25DEffective, null)
    {
        Rvus = new ImportedFile<RvuRecord>("PPRRVU2025_Oct.csv", Pfs2025Fixture.RvuRecords),
        Gpcis = new ImportedFile<GpciRecord>("GPCI2025.csv", Pfs2025Fixture.Gpci2025),
        Anesthesia = new ImportedFile<AnesthesiaCfRecord>("ANES2025.csv",
            [new AnesthesiaCfRecord(Pfs2025Fixture.Alabama, "ALABAMA", 19.31m), new AnesthesiaCfRecord(Pfs2025Fixture.Alaska, "ALASKA", 27.86m)]),
        OppsCaps = new ImportedFile<OppsCapRecord>("OPPSCAP_Oct.csv",
            [new OppsCapRecord(new RvuKey(HcpcsCode.Parse("71275"), Modifier.None), 'A', Pfs2025Fixture.Alabama, new(233.60m), new(233.60m))]),
    };

    [Fact]
    public void A_stored_release_loads_back_with_every_field_exact()
    {
        _store.Import(Rvu25D());

        var release = _store.LoadCatalog(includeOppsCaps: true).Releases.Should().ContainSingle().Subject;
        release.Id.Should().Be("RVU25D");
        release.EffectiveFrom.Should().Be(Pfs2025Fixture.Rvu25DEffective);
        release.Rvus.Should().BeEquivalentTo(Pfs2025Fixture.RvuRecords);
        release.Gpcis.Should().BeEquivalentTo(Pfs2025Fixture.Gpci2025);
        release.FindAnesthesiaOrNull(Pfs2025Fixture.Alabama)!.ConversionFactor.Should().Be(19.31m);
        release.OppsCaps.Should().ContainSingle().Which.NonFacilityPrice.Amount.Should().Be(233.60m);
    }

    [Fact]
    public void Pricing_loads_leave_the_OPPSCAP_check_prices_out()
    {
        _store.Import(Rvu25D());

        _store.LoadCatalog().Releases.Single().OppsCaps.Should().BeEmpty();
    }

    [Fact]
    public void Prices_from_the_store_match_prices_from_memory()
    {
        _store.Import(Rvu25D());
        var fromStore = Pfs2025Fixture.Pricer(_store.LoadCatalog());

        var price = fromStore.Price(Pfs2025Fixture.Line("99213", "", Pfs2025Fixture.Manhattan, "11"));

        price.Allowed.Amount.Should().Be(101.06m);
    }

    [Fact]
    public void Amounts_are_stored_as_exact_text_never_as_REAL()
    {
        _store.Import(Rvu25D());
        using var connection = _db.Database.Open();

        var types = connection.Query<string>("SELECT DISTINCT typeof(work_rvu) FROM pfs_rvu UNION SELECT DISTINCT typeof(pe_gpci) FROM pfs_gpci UNION SELECT DISTINCT typeof(facility_price_cents) FROM pfs_opps_cap").ToList();

        types.Should().BeEquivalentTo(["text", "integer"]);
        connection.ExecuteScalar<string>("SELECT pe_gpci FROM pfs_gpci WHERE mac = '13202'").Should().Be("1.166");
    }

    [Fact]
    public void Re_importing_the_same_release_is_a_no_op()
    {
        _store.Import(Rvu25D());

        var again = _store.Import(Rvu25D());

        again.Should().OnlyContain(o => o.AlreadyLoaded);
        using var connection = _db.Database.Open();
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pfs_rvu").Should().Be(Pfs2025Fixture.RvuRecords.Count);
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pfs_release").Should().Be(1);
    }

    [Fact]
    public void Re_importing_a_release_with_different_content_is_refused_and_changes_nothing()
    {
        _store.Import(Rvu25D());
        var changed = Rvu25D() with
        {
            Rvus = new ImportedFile<RvuRecord>("PPRRVU2025_Oct_v2.csv",
                Pfs2025Fixture.RvuRecords.Select(r => r.Key.ToString() == "99213" ? r with { WorkRvu = new Rvu(1.31m) } : r).ToList()),
        };

        var act = () => _store.Import(changed);

        act.Should().Throw<ImportConflictException>().WithMessage("*RVU25D*PPRRVU*different content*");
        _store.LoadCatalog().Releases.Single().FindRvuOrNull(new RvuKey(HcpcsCode.Parse("99213"), Modifier.None))!.WorkRvu.Value.Should().Be(1.30m);
    }

    [Fact]
    public void A_release_that_fails_half_way_leaves_nothing_in_the_store()
    {
        // The GPCI rows collide on their key after the RVUs were inserted: the whole release must roll back.
        var broken = Rvu25D() with
        {
            Gpcis = new ImportedFile<GpciRecord>("GPCI2025.csv", [.. Pfs2025Fixture.Gpci2025, Pfs2025Fixture.Gpci2025[0]]),
        };

        var act = () => _store.Import(broken);

        act.Should().Throw<Exception>();
        using var connection = _db.Database.Open();
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pfs_rvu").Should().Be(0);
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pfs_release").Should().Be(0);
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM pfs_release_file").Should().Be(0);
    }

    [Fact]
    public void Two_releases_cannot_take_effect_on_the_same_date()
    {
        _store.Import(Rvu25D());

        var act = () => _store.Import(Rvu25D() with { ReleaseId = "RVU25D-COPY" });

        act.Should().Throw<ImportConflictException>().WithMessage("*RVU25D already takes effect on 2025-10-01*");
    }

    [Fact]
    public void Loading_by_year_skips_releases_of_other_years()
    {
        _store.Import(Rvu25D());
        _store.Import(new PfsReleaseImport("RVU24A", new NodaTime.LocalDate(2024, 1, 1), null)
        {
            Rvus = new ImportedFile<RvuRecord>("PPRRVU24_JAN.csv", Pfs2025Fixture.RvuRecords),
        });

        _store.LoadCatalog([2024]).Releases.Select(r => r.Id).Should().Equal("RVU24A");
        _store.LoadCatalog().Releases.Select(r => r.Id).Should().Equal("RVU24A", "RVU25D");
    }

    [Fact]
    public void Zip_files_round_trip_and_re_import_is_a_no_op()
    {
        ZipLocalityRecord[] zips =
        [
            new() { Zip = "10001", State = "NY", Locality = Pfs2025Fixture.Manhattan, YearQuarter = "20254" },
            new() { Zip = "99501", State = "AK", Locality = Pfs2025Fixture.Alaska, RuralIndicator = "", PlusFourFlag = true, YearQuarter = "20254" },
        ];
        var import = new ZipImport("ZIP5-20254", new NodaTime.LocalDate(2025, 10, 1), new ImportedFile<ZipLocalityRecord>("ZIP5_OCT2025.txt", zips));

        _store.ImportZip(import).AlreadyLoaded.Should().BeFalse();
        _store.ImportZip(import).AlreadyLoaded.Should().BeTrue();

        var catalog = _store.LoadZipCatalog();
        catalog.FindOrNull("10001", new NodaTime.LocalDate(2025, 11, 1))!.Record.Locality.Should().Be(Pfs2025Fixture.Manhattan);
        catalog.FindOrNull("99501", new NodaTime.LocalDate(2025, 11, 1))!.Record.PlusFourFlag.Should().BeTrue();
    }

    [Fact]
    public void Opening_a_database_twice_applies_each_migration_once()
    {
        using var connection = _db.Database.Open();
        var before = Sql.Migrator.CurrentVersion(connection);

        _ = FeeEngineDatabase.Sqlite(_db.FilePath);

        Sql.Migrator.CurrentVersion(connection).Should().Be(before).And.Be(Sql.Migrations.All.Max(m => m.Version));
        connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version").Should().Be(Sql.Migrations.All.Count);
    }
}
