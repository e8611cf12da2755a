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
    /// </summary>
    public PfsCatalog LoadCatalog(IReadOnlyCollection<int>? years = null)
    {
        using var connection = database.Open();
        var releases = connection.Query<ReleaseRow>(
                "SELECT release_id AS ReleaseId, effective_from AS EffectiveFrom, effective_to AS EffectiveTo FROM pfs_release ORDER BY effective_from")
            .Where(r => years is null || years.Contains(EffectivePeriod.ParseIso(r.EffectiveFrom).Year))
            .ToList();
        return new PfsCatalog(releases.Select(r => LoadRelease(connection, r)));
    }

    private static PfsRelease LoadRelease(DbConnection connection, ReleaseRow r)
    {
        var args = new { r.ReleaseId };
        var rvus = connection.Query<RvuRow>(
            """
            SELECT hcpcs AS Hcpcs, modifier AS Modifier, status AS Status, not_used_for_medicare AS NotUsed, work_rvu AS Work,
              nonfac_pe_rvu AS NonFacPe, nonfac_na AS NonFacNa, fac_pe_rvu AS FacPe, fac_na AS FacNa, mp_rvu AS Mp,
              nonfac_total AS NonFacTotal, fac_total AS FacTotal, pctc AS PcTc, global_days AS GlobalDays, pre_op AS PreOp,
              intra_op AS IntraOp, post_op AS PostOp, mult_proc AS MultProc, bilat_surg AS Bilat, asst_surg AS Asst,
              co_surg AS CoSurg, team_surg AS Team, pricing_indicator AS PricingIndicator, endo_base AS EndoBase,
              conv_factor AS Cf, phys_supervision AS Supervision, calc_flag AS CalcFlag, imaging_family AS Family,
              opps_nonfac_pe AS OppsNonFacPe, opps_fac_pe AS OppsFacPe, opps_mp AS OppsMp
            FROM pfs_rvu WHERE release_id = @ReleaseId
            """, args).Select(ToRecord).ToList();
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
        var caps = connection.Query<(string Hcpcs, string Modifier, string Status, string Mac, string Locality, long Fac, long NonFac)>(
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
        return new ZipLocalityCatalog(releases.Select(z => new ZipRelease(
            z.Id, EffectivePeriod.ParseIso(z.From),
            connection.Query<(string Zip, string State, string Mac, string Locality, string Rural, long PlusFour, string YearQuarter)>(
                    "SELECT zip, state, mac, locality, rural, plus_four, year_quarter FROM zip_locality WHERE zip_release_id = @Id", new { z.Id })
                .Select(x => new ZipLocalityRecord
                {
                    Zip = x.Zip, State = x.State, Locality = Locality(x.Mac, x.Locality), RuralIndicator = x.Rural,
                    PlusFourFlag = x.PlusFour == 1, YearQuarter = x.YearQuarter,
                }))));
    }

    private static LocalityId Locality(string mac, string number) =>
        LocalityId.TryFromParts(mac, number, out var id) ? id : throw new InvalidDataException($"Stored locality '{mac}-{number}' is not valid.");

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static char C(string text) => text.Length > 0 ? text[0] : ' ';

    private static RvuRecord ToRecord(RvuRow x) => new()
    {
        Code = HcpcsCode.Parse(x.Hcpcs),
        Modifier = Modifier.Parse(x.Modifier),
        Status = C(x.Status),
        NotUsedForMedicare = x.NotUsed,
        WorkRvu = new Rvu(Dec(x.Work)),
        NonFacilityPeRvu = new Rvu(Dec(x.NonFacPe)),
        NonFacilityNa = x.NonFacNa == 1,
        FacilityPeRvu = new Rvu(Dec(x.FacPe)),
        FacilityNa = x.FacNa == 1,
        MpRvu = new Rvu(Dec(x.Mp)),
        NonFacilityTotal = new Rvu(Dec(x.NonFacTotal)),
        FacilityTotal = new Rvu(Dec(x.FacTotal)),
        PcTcIndicator = C(x.PcTc),
        GlobalDays = x.GlobalDays,
        PreOpShare = Dec(x.PreOp),
        IntraOpShare = Dec(x.IntraOp),
        PostOpShare = Dec(x.PostOp),
        MultipleProcedure = C(x.MultProc),
        BilateralSurgery = C(x.Bilat),
        AssistantSurgery = C(x.Asst),
        CoSurgeons = C(x.CoSurg),
        TeamSurgery = C(x.Team),
        PricingIndicator = x.PricingIndicator,
        EndoscopicBase = x.EndoBase,
        FileConversionFactor = x.Cf is null ? null : new ConversionFactor(Dec(x.Cf)),
        PhysicianSupervision = x.Supervision,
        CalculationFlag = x.CalcFlag,
        ImagingFamily = x.Family,
        OppsNonFacilityPeRvu = new Rvu(Dec(x.OppsNonFacPe)),
        OppsFacilityPeRvu = new Rvu(Dec(x.OppsFacPe)),
        OppsMpRvu = new Rvu(Dec(x.OppsMp)),
    };

    // Dapper maps the SELECT aliases onto these; every number is read as the exact text it was stored as.
    private sealed class RvuRow
    {
        public string Hcpcs { get; set; } = "";
        public string Modifier { get; set; } = "";
        public string Status { get; set; } = "";
        public string NotUsed { get; set; } = "";
        public string Work { get; set; } = "0";
        public string NonFacPe { get; set; } = "0";
        public long NonFacNa { get; set; }
        public string FacPe { get; set; } = "0";
        public long FacNa { get; set; }
        public string Mp { get; set; } = "0";
        public string NonFacTotal { get; set; } = "0";
        public string FacTotal { get; set; } = "0";
        public string PcTc { get; set; } = "9";
        public string GlobalDays { get; set; } = "";
        public string PreOp { get; set; } = "0";
        public string IntraOp { get; set; } = "0";
        public string PostOp { get; set; } = "0";
        public string MultProc { get; set; } = "9";
        public string Bilat { get; set; } = "9";
        public string Asst { get; set; } = "9";
        public string CoSurg { get; set; } = "9";
        public string Team { get; set; } = "9";
        public string PricingIndicator { get; set; } = "";
        public string EndoBase { get; set; } = "";
        public string? Cf { get; set; }
        public string Supervision { get; set; } = "";
        public string CalcFlag { get; set; } = "";
        public string Family { get; set; } = "";
        public string OppsNonFacPe { get; set; } = "0";
        public string OppsFacPe { get; set; } = "0";
        public string OppsMp { get; set; } = "0";
    }

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
