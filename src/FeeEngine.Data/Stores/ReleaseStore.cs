using System.Data.Common;
using System.Globalization;
using Dapper;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;
using NodaTime;

namespace FeeEngine.Data.Stores;

/// <summary>
/// Stores CMS PFS releases and ZIP5 files, and loads them back as the pure core's catalogs.
/// Every import runs in one transaction: a file that fails leaves nothing behind.
/// </summary>
public sealed partial class ReleaseStore(FeeEngineDatabase database, TimeProvider clock)
{
    public const string KindPprrvu = "PPRRVU";
    public const string KindGpci = "GPCI";
    public const string KindAnesthesia = "ANES";
    public const string KindOppsCap = "OPPSCAP";

    /// <summary>
    /// Stores a release. Files already stored for the release with the same content are skipped (re-import is a no-op);
    /// a file whose content differs from the stored one is a conflict, and so is a different effective date.
    /// </summary>
    public IReadOnlyList<FileImportOutcome> Import(PfsReleaseImport import, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var existing = connection.QuerySingleOrDefault<ReleaseRow>(
            new CommandDefinition("SELECT release_id AS ReleaseId, effective_from AS EffectiveFrom, effective_to AS EffectiveTo FROM pfs_release WHERE release_id = @ReleaseId",
                new { import.ReleaseId }, tx, cancellationToken: cancellationToken));
        var from = EffectivePeriod.Iso(import.EffectiveFrom);
        var to = import.EffectiveTo is { } t ? EffectivePeriod.Iso(t) : null;
        if (existing is null)
        {
            var sameDate = connection.ExecuteScalar<string?>(new CommandDefinition(
                "SELECT release_id FROM pfs_release WHERE effective_from = @from", new { from }, tx, cancellationToken: cancellationToken));
            if (sameDate is not null)
                throw new ImportConflictException($"Release {sameDate} already takes effect on {from}; release {import.ReleaseId} cannot take effect on the same date. Give another --effective-from or remove {sameDate}.");
            connection.Execute(new CommandDefinition(
                "INSERT INTO pfs_release (release_id, effective_from, effective_to, imported_at) VALUES (@ReleaseId, @from, @to, @now)",
                new { import.ReleaseId, from, to, now }, tx, cancellationToken: cancellationToken));
        }
        else if (existing.EffectiveFrom != from || existing.EffectiveTo != to)
        {
            throw new ImportConflictException(
                $"Release {import.ReleaseId} is already stored effective {existing.EffectiveFrom}..{existing.EffectiveTo}; this import says {from}..{to}. Nothing was imported.");
        }

        var outcomes = new List<FileImportOutcome>();
        if (import.Rvus is { } rvus)
            outcomes.Add(ImportFile(connection, tx, import.ReleaseId, KindPprrvu, rvus, ContentHash.Canonical, InsertRvus, now, cancellationToken));
        if (import.Gpcis is { } gpcis)
            outcomes.Add(ImportFile(connection, tx, import.ReleaseId, KindGpci, gpcis, ContentHash.Canonical, InsertGpcis, now, cancellationToken));
        if (import.Anesthesia is { } anes)
            outcomes.Add(ImportFile(connection, tx, import.ReleaseId, KindAnesthesia, anes, ContentHash.Canonical, InsertAnesthesia, now, cancellationToken));
        if (import.OppsCaps is { } caps)
            outcomes.Add(ImportFile(connection, tx, import.ReleaseId, KindOppsCap, caps, ContentHash.Canonical, InsertOppsCaps, now, cancellationToken));
        tx.Commit();
        return outcomes;
    }

    /// <summary>Stores a ZIP5 file; the same content again is a no-op.</summary>
    public FileImportOutcome ImportZip(ZipImport import, CancellationToken cancellationToken = default)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        var hash = ContentHash.Of(import.File.Rows, ContentHash.Canonical);
        var stored = connection.Query<(string Hash, string Source)>(new CommandDefinition(
            "SELECT content_hash, source_file FROM zip_release WHERE zip_release_id = @ZipReleaseId", new { import.ZipReleaseId }, tx, cancellationToken: cancellationToken)).ToList();
        if (stored.Count > 0 && stored[0] is var s)
        {
            if (s.Hash != hash)
                throw new ImportConflictException($"ZIP file {import.ZipReleaseId} is already stored (from {s.Source}) with different content; nothing was imported.");
            tx.Commit();
            return new FileImportOutcome(import.ZipReleaseId, "ZIP5", import.File.SourceFile, import.File.Rows.Count, AlreadyLoaded: true);
        }
        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        connection.Execute(new CommandDefinition(
            "INSERT INTO zip_release (zip_release_id, effective_from, source_file, row_count, content_hash, imported_at) VALUES (@id, @from, @source, @count, @hash, @now)",
            new { id = import.ZipReleaseId, from = EffectivePeriod.Iso(import.EffectiveFrom), source = Path.GetFileName(import.File.SourceFile), count = import.File.Rows.Count, hash, now },
            tx, cancellationToken: cancellationToken));
        connection.Execute(new CommandDefinition(
            "INSERT INTO zip_locality (zip_release_id, zip, state, mac, locality, rural, plus_four, year_quarter) VALUES (@Id, @Zip, @State, @Mac, @Locality, @Rural, @PlusFour, @YearQuarter)",
            import.File.Rows.Select(z => new { Id = import.ZipReleaseId, z.Zip, z.State, z.Locality.Mac, Locality = z.Locality.Number, Rural = z.RuralIndicator, PlusFour = z.PlusFourFlag ? 1 : 0, z.YearQuarter }),
            tx, cancellationToken: cancellationToken));
        tx.Commit();
        return new FileImportOutcome(import.ZipReleaseId, "ZIP5", import.File.SourceFile, import.File.Rows.Count, AlreadyLoaded: false);
    }

    private static FileImportOutcome ImportFile<T>(
        DbConnection connection, DbTransaction tx, string releaseId, string kind, ImportedFile<T> file,
        Func<T, string> canonical, Action<DbConnection, DbTransaction, string, IReadOnlyList<T>, CancellationToken> insert,
        string now, CancellationToken cancellationToken)
    {
        var hash = ContentHash.Of(file.Rows, canonical);
        var stored = connection.Query<(string Hash, string Source)>(new CommandDefinition(
            "SELECT content_hash, source_file FROM pfs_release_file WHERE release_id = @releaseId AND kind = @kind",
            new { releaseId, kind }, tx, cancellationToken: cancellationToken)).ToList();
        if (stored.Count > 0 && stored[0] is var s)
        {
            if (s.Hash != hash)
                throw new ImportConflictException(
                    $"Release {releaseId} already has a {kind} file (from {s.Source}) with different content than {Path.GetFileName(file.SourceFile)}; nothing was imported. A corrected CMS file is a new release: import it with its own --effective-from.");
            return new FileImportOutcome(releaseId, kind, file.SourceFile, file.Rows.Count, AlreadyLoaded: true);
        }
        insert(connection, tx, releaseId, file.Rows, cancellationToken);
        connection.Execute(new CommandDefinition(
            "INSERT INTO pfs_release_file (release_id, kind, source_file, row_count, content_hash, imported_at) VALUES (@releaseId, @kind, @source, @count, @hash, @now)",
            new { releaseId, kind, source = Path.GetFileName(file.SourceFile), count = file.Rows.Count, hash, now }, tx, cancellationToken: cancellationToken));
        return new FileImportOutcome(releaseId, kind, file.SourceFile, file.Rows.Count, AlreadyLoaded: false);
    }

    private static string D(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static void InsertRvus(DbConnection c, DbTransaction tx, string releaseId, IReadOnlyList<RvuRecord> rows, CancellationToken ct) =>
        c.Execute(new CommandDefinition(
            """
            INSERT INTO pfs_rvu (release_id, hcpcs, modifier, status, not_used_for_medicare, work_rvu, nonfac_pe_rvu, nonfac_na, fac_pe_rvu, fac_na,
              mp_rvu, nonfac_total, fac_total, pctc, global_days, pre_op, intra_op, post_op, mult_proc, bilat_surg, asst_surg, co_surg, team_surg,
              pricing_indicator, endo_base, conv_factor, phys_supervision, calc_flag, imaging_family, opps_nonfac_pe, opps_fac_pe, opps_mp)
            VALUES (@ReleaseId, @Hcpcs, @Modifier, @Status, @NotUsed, @Work, @NonFacPe, @NonFacNa, @FacPe, @FacNa,
              @Mp, @NonFacTotal, @FacTotal, @PcTc, @GlobalDays, @PreOp, @IntraOp, @PostOp, @MultProc, @Bilat, @Asst, @CoSurg, @Team,
              @PricingIndicator, @EndoBase, @Cf, @Supervision, @CalcFlag, @Family, @OppsNonFacPe, @OppsFacPe, @OppsMp)
            """,
            rows.Select(r => new
            {
                ReleaseId = releaseId, Hcpcs = r.Code.ToString(), Modifier = r.Modifier.ToString(), Status = r.Status.ToString(),
                NotUsed = r.NotUsedForMedicare, Work = D(r.WorkRvu.Value), NonFacPe = D(r.NonFacilityPeRvu.Value), NonFacNa = r.NonFacilityNa ? 1 : 0,
                FacPe = D(r.FacilityPeRvu.Value), FacNa = r.FacilityNa ? 1 : 0, Mp = D(r.MpRvu.Value), NonFacTotal = D(r.NonFacilityTotal.Value),
                FacTotal = D(r.FacilityTotal.Value), PcTc = r.PcTcIndicator.ToString(), r.GlobalDays, PreOp = D(r.PreOpShare), IntraOp = D(r.IntraOpShare),
                PostOp = D(r.PostOpShare), MultProc = r.MultipleProcedure.ToString(), Bilat = r.BilateralSurgery.ToString(), Asst = r.AssistantSurgery.ToString(),
                CoSurg = r.CoSurgeons.ToString(), Team = r.TeamSurgery.ToString(), r.PricingIndicator, EndoBase = r.EndoscopicBase,
                Cf = r.FileConversionFactor is { } cf ? D(cf.Value) : null, Supervision = r.PhysicianSupervision, CalcFlag = r.CalculationFlag,
                Family = r.ImagingFamily, OppsNonFacPe = D(r.OppsNonFacilityPeRvu.Value), OppsFacPe = D(r.OppsFacilityPeRvu.Value), OppsMp = D(r.OppsMpRvu.Value),
            }), tx, cancellationToken: ct));

    private static void InsertGpcis(DbConnection c, DbTransaction tx, string releaseId, IReadOnlyList<GpciRecord> rows, CancellationToken ct) =>
        c.Execute(new CommandDefinition(
            "INSERT INTO pfs_gpci (release_id, mac, locality, state, name, work_gpci, work_gpci_without_floor, pe_gpci, mp_gpci) VALUES (@ReleaseId, @Mac, @Locality, @State, @Name, @Work, @WorkWithoutFloor, @Pe, @Mp)",
            rows.Select(g => new
            {
                ReleaseId = releaseId, g.Locality.Mac, Locality = g.Locality.Number, g.State, g.Name, Work = D(g.WorkWithFloor.Value),
                WorkWithoutFloor = g.WorkWithoutFloor is { } w ? D(w.Value) : null, Pe = D(g.PracticeExpense.Value), Mp = D(g.Malpractice.Value),
            }), tx, cancellationToken: ct));

    private static void InsertAnesthesia(DbConnection c, DbTransaction tx, string releaseId, IReadOnlyList<AnesthesiaCfRecord> rows, CancellationToken ct) =>
        c.Execute(new CommandDefinition(
            "INSERT INTO pfs_anesthesia_cf (release_id, mac, locality, name, anesthesia_cf) VALUES (@ReleaseId, @Mac, @Locality, @Name, @Cf)",
            rows.Select(a => new { ReleaseId = releaseId, a.Locality.Mac, Locality = a.Locality.Number, a.Name, Cf = D(a.ConversionFactor) }),
            tx, cancellationToken: ct));

    private static void InsertOppsCaps(DbConnection c, DbTransaction tx, string releaseId, IReadOnlyList<OppsCapRecord> rows, CancellationToken ct) =>
        c.Execute(new CommandDefinition(
            "INSERT INTO pfs_opps_cap (release_id, hcpcs, modifier, proc_status, mac, locality, facility_price_cents, nonfacility_price_cents) VALUES (@ReleaseId, @Hcpcs, @Modifier, @Status, @Mac, @Locality, @Fac, @NonFac)",
            rows.Select(o => new
            {
                ReleaseId = releaseId, Hcpcs = o.Key.Code.ToString(), Modifier = o.Key.Modifier.ToString(), Status = o.ProcedureStatus.ToString(),
                o.Locality.Mac, Locality = o.Locality.Number, Fac = Cents(o.FacilityPrice), NonFac = Cents(o.NonFacilityPrice),
            }), tx, cancellationToken: ct));

    /// <summary>Money is stored as integer cents; a price with fractions of a cent would be silently changed, so it is refused.</summary>
    private static long Cents(Core.Money.Money m) =>
        m.IsWholeCents ? (long)(m.Amount * 100m) : throw new ArgumentException($"Price {m.Amount} is not a whole number of cents.", nameof(m));

    internal sealed record ReleaseRow(string ReleaseId, string EffectiveFrom, string? EffectiveTo);

    /// <summary>Lists the stored releases with their files, oldest first.</summary>
    public IReadOnlyList<StoredRelease> ListReleases()
    {
        using var connection = database.Open();
        var releases = connection.Query<ReleaseRow>(
            "SELECT release_id AS ReleaseId, effective_from AS EffectiveFrom, effective_to AS EffectiveTo FROM pfs_release ORDER BY effective_from").ToList();
        var files = connection.Query<(string ReleaseId, string Kind, string Source, long Rows, string ImportedAt)>(
            "SELECT release_id, kind, source_file, row_count, imported_at FROM pfs_release_file ORDER BY release_id, kind").ToList();
        return releases.Select(r => new StoredRelease(
            r.ReleaseId, EffectivePeriod.ParseIso(r.EffectiveFrom), r.EffectiveTo is null ? null : EffectivePeriod.ParseIso(r.EffectiveTo),
            files.Where(f => f.ReleaseId == r.ReleaseId).Select(f => new StoredReleaseFile(f.Kind, f.Source, (int)f.Rows, f.ImportedAt)).ToList())).ToList();
    }

    /// <summary>The stored ZIP files: id, effective date and row count.</summary>
    public IReadOnlyList<(string Id, LocalDate EffectiveFrom, int Rows, string Source)> ListZipReleases()
    {
        using var connection = database.Open();
        return connection.Query<(string Id, string From, long Rows, string Source)>(
                "SELECT zip_release_id, effective_from, row_count, source_file FROM zip_release ORDER BY effective_from")
            .Select(z => (z.Id, EffectivePeriod.ParseIso(z.From), (int)z.Rows, z.Source)).ToList();
    }
}
