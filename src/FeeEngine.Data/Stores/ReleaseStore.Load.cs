using System.Data.Common;
using System.Globalization;
using Dapper;
using FeeEngine.Core.Codes;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Time;

namespace FeeEngine.Data.Stores;

public sealed partial class ReleaseStore
{
    /// <summary>
    /// Loads stored releases into the pure core's catalog. With <paramref name="years"/>, only releases taking effect
    /// in those calendar years are loaded (a release never reaches into another year, so nothing is missed).
    /// CMS's OPPSCAP prices are not needed to price (the engine computes the cap from the RVUs) and are loaded only
    /// when asked for, e.g. to check the engine against them.
    /// </summary>
    public PfsCatalog LoadCatalog(IReadOnlyCollection<int>? years = null, bool includeOppsCaps = false)
    {
        using var connection = database.Open();
        var releases = connection.Query<ReleaseRow>(
                "SELECT release_id AS ReleaseId, effective_from AS EffectiveFrom, effective_to AS EffectiveTo FROM pfs_release ORDER BY effective_from")
            .Where(r => years is null || years.Contains(EffectivePeriod.ParseIso(r.EffectiveFrom).Year))
            .ToList();
        return new PfsCatalog(releases.Select(r => LoadRelease(connection, r, includeOppsCaps)));
    }

    private static PfsRelease LoadRelease(DbConnection connection, ReleaseRow r, bool includeOppsCaps)
    {
        var args = new { r.ReleaseId };
        var rvus = ReadRvus(connection, r.ReleaseId);
        var gpcis = connection.Query<GpciRow>(
            "SELECT mac AS Mac, locality AS Locality, state AS State, name AS Name, work_gpci AS Work, work_gpci_without_floor AS WorkWithoutFloor, pe_gpci AS Pe, mp_gpci AS Mp FROM pfs_gpci WHERE release_id = @ReleaseId",
            args).Select(g => new GpciRecord
            {
                Locality = Locality(g.Mac, g.Locality),
                State = g.State,
                Name = g.Name,
                WorkWithFloor = new Gpci(Dec(g.Work)),
                WorkWithoutFloor = g.WorkWithoutFloor is null ? null : new Gpci(Dec(g.WorkWithoutFloor)),
                PracticeExpense = new Gpci(Dec(g.Pe)),
                Malpractice = new Gpci(Dec(g.Mp)),
            }).ToList();
        var anes = connection.Query<(string Mac, string Locality, string Name, string Cf)>(
                "SELECT mac, locality, name, anesthesia_cf FROM pfs_anesthesia_cf WHERE release_id = @ReleaseId", args)
            .Select(a => new AnesthesiaCfRecord(Locality(a.Mac, a.Locality), a.Name, Dec(a.Cf))).ToList();
        var caps = !includeOppsCaps ? [] : connection.Query<(string Hcpcs, string Modifier, string Status, string Mac, string Locality, long Fac, long NonFac)>(
                "SELECT hcpcs, modifier, proc_status, mac, locality, facility_price_cents, nonfacility_price_cents FROM pfs_opps_cap WHERE release_id = @ReleaseId", args)
            .Select(o => new OppsCapRecord(
                new RvuKey(HcpcsCode.Parse(o.Hcpcs), Modifier.Parse(o.Modifier)), o.Status[0], Locality(o.Mac, o.Locality),
                new Core.Money.Money(o.Fac / 100m), new Core.Money.Money(o.NonFac / 100m))).ToList();
        return new PfsRelease(
            r.ReleaseId, EffectivePeriod.ParseIso(r.EffectiveFrom), r.EffectiveTo is null ? null : EffectivePeriod.ParseIso(r.EffectiveTo),
            rvus, gpcis, anes, caps);
    }

    /// <summary>Loads every stored ZIP5 file into the core's ZIP catalog.</summary>
    public ZipLocalityCatalog LoadZipCatalog()
    {
        using var connection = database.Open();
        var releases = connection.Query<(string Id, string From)>("SELECT zip_release_id, effective_from FROM zip_release").ToList();
        return new ZipLocalityCatalog(releases.Select(z => new ZipRelease(z.Id, EffectivePeriod.ParseIso(z.From), ReadZips(connection, z.Id))));
    }

    // A plain reader rather than Dapper's mapping: some 43,000 rows a file, read at every pricing start.
    private static List<ZipLocalityRecord> ReadZips(DbConnection connection, string zipReleaseId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT zip, state, mac, locality, rural, plus_four, year_quarter FROM zip_locality WHERE zip_release_id = @id";
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = zipReleaseId;
        command.Parameters.Add(p);
        using var reader = command.ExecuteReader();
        var zips = new List<ZipLocalityRecord>();
        while (reader.Read())
        {
            zips.Add(new ZipLocalityRecord
            {
                Zip = reader.GetString(0), State = reader.GetString(1), Locality = Locality(reader.GetString(2), reader.GetString(3)),
                RuralIndicator = reader.GetString(4), PlusFourFlag = reader.GetInt64(5) == 1, YearQuarter = reader.GetString(6),
            });
        }
        return zips;
    }

    // A plain reader, not Dapper's mapping: ~19,000 rows of 31 columns are read at every pricing start, and the
    // mapped path was five times slower (0.3 s against 0.06 s for SQLite itself).
    private static List<RvuRecord> ReadRvus(DbConnection connection, string releaseId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT hcpcs, modifier, status, not_used_for_medicare, work_rvu, nonfac_pe_rvu, nonfac_na, fac_pe_rvu, fac_na, mp_rvu,
              nonfac_total, fac_total, pctc, global_days, pre_op, intra_op, post_op, mult_proc, bilat_surg, asst_surg,
              co_surg, team_surg, pricing_indicator, endo_base, conv_factor, phys_supervision, calc_flag, imaging_family,
              opps_nonfac_pe, opps_fac_pe, opps_mp
            FROM pfs_rvu WHERE release_id = @id
            """;
        var p = command.CreateParameter();
        p.ParameterName = "@id";
        p.Value = releaseId;
        command.Parameters.Add(p);
        using var x = command.ExecuteReader();
        var rows = new List<RvuRecord>();
        while (x.Read())
        {
            rows.Add(new RvuRecord
            {
                Code = HcpcsCode.Parse(x.GetString(0)),
                Modifier = Modifier.Parse(x.GetString(1)),
                Status = C(x.GetString(2)),
                NotUsedForMedicare = x.GetString(3),
                WorkRvu = new Rvu(Dec(x.GetString(4))),
                NonFacilityPeRvu = new Rvu(Dec(x.GetString(5))),
                NonFacilityNa = x.GetInt64(6) == 1,
                FacilityPeRvu = new Rvu(Dec(x.GetString(7))),
                FacilityNa = x.GetInt64(8) == 1,
                MpRvu = new Rvu(Dec(x.GetString(9))),
                NonFacilityTotal = new Rvu(Dec(x.GetString(10))),
                FacilityTotal = new Rvu(Dec(x.GetString(11))),
                PcTcIndicator = C(x.GetString(12)),
                GlobalDays = x.GetString(13),
                PreOpShare = Dec(x.GetString(14)),
                IntraOpShare = Dec(x.GetString(15)),
                PostOpShare = Dec(x.GetString(16)),
                MultipleProcedure = C(x.GetString(17)),
                BilateralSurgery = C(x.GetString(18)),
                AssistantSurgery = C(x.GetString(19)),
                CoSurgeons = C(x.GetString(20)),
                TeamSurgery = C(x.GetString(21)),
                PricingIndicator = x.GetString(22),
                EndoscopicBase = x.GetString(23),
                FileConversionFactor = x.IsDBNull(24) ? null : new ConversionFactor(Dec(x.GetString(24))),
                PhysicianSupervision = x.GetString(25),
                CalculationFlag = x.GetString(26),
                ImagingFamily = x.GetString(27),
                OppsNonFacilityPeRvu = new Rvu(Dec(x.GetString(28))),
                OppsFacilityPeRvu = new Rvu(Dec(x.GetString(29))),
                OppsMpRvu = new Rvu(Dec(x.GetString(30))),
            });
        }
        return rows;
    }

    private static LocalityId Locality(string mac, string number) =>
        LocalityId.TryFromParts(mac, number, out var id) ? id : throw new InvalidDataException($"Stored locality '{mac}-{number}' is not valid.");

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static char C(string text) => text.Length > 0 ? text[0] : ' ';

    private sealed class GpciRow
    {
        public string Mac { get; set; } = "";
        public string Locality { get; set; } = "";
        public string State { get; set; } = "";
        public string Name { get; set; } = "";
        public string Work { get; set; } = "";
        public string? WorkWithoutFloor { get; set; }
        public string Pe { get; set; } = "";
        public string Mp { get; set; } = "";
    }
}
