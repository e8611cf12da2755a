using FeeEngine.Core.Anesthesia;
using FeeEngine.Core.Claims;
using FeeEngine.Core.Contracts;
using FeeEngine.Core.Pfs;
using FeeEngine.Core.Routing;
using FeeEngine.Data;
using FeeEngine.Data.Stores;
using FeeEngine.Schedules;

namespace FeeEngine.Application.Pricing;

/// <summary>
/// The reference data a pricing command needs, loaded once: the stored CMS releases and ZIP files, and the dated
/// tables the project ships in <c>schedules/</c> (conversion factors, work GPCI floor periods).
/// </summary>
public sealed class PricingEnvironment
{
    private PricingEnvironment(MedicarePfsPricer pricer, MedicareClaimPricer claims, ZipLocalityCatalog zips, ContractBook contracts)
    {
        Pricer = pricer;
        Claims = claims;
        Zips = zips;
        Contracts = new ContractPricer(contracts, claims);
    }

    /// <summary>Single-row fee schedule amounts.</summary>
    public MedicarePfsPricer Pricer { get; }
    /// <summary>Claims with Medicare's payment policies: what the commands price with.</summary>
    public MedicareClaimPricer Claims { get; }
    public ZipLocalityCatalog Zips { get; }
    /// <summary>The stored payer contracts, pricing on top of <see cref="Claims"/>.</summary>
    public ContractPricer Contracts { get; }

    /// <param name="schedulesFolder">The folder of the project's dated tables (FEEENGINE_SCHEDULES); null for the copy beside the program.</param>
    /// <param name="years">Load only releases of these years (null: all).</param>
    public static PricingEnvironment Load(FeeEngineDatabase database, TimeProvider clock, string? schedulesFolder, IReadOnlyCollection<int>? years = null)
    {
        var schedules = SchedulesFolder(schedulesFolder);
        var cf = ConversionFactorTableReader.Read(Path.Combine(schedules, "conversion-factors.csv"));
        var floor = WorkGpciFloorReader.Read(Path.Combine(schedules, "work-gpci-floor.csv"));
        var store = new ReleaseStore(database, clock);
        // The ZIP file (some 43,000 rows) loads on the other core while the releases load here.
        var zips = Task.Run(store.LoadZipCatalog);
        var catalog = store.LoadCatalog(years);
        var pricer = new MedicarePfsPricer(catalog, cf, floor);
        var anesthesia = new AnesthesiaPricer(catalog, new AnesthesiaBaseUnitStore(database, clock).Load());
        var contracts = new ContractStore(database, clock).LoadBook();
        var others = OtherSchedulesOf(database, clock);
        return new PricingEnvironment(pricer, new MedicareClaimPricer(pricer, anesthesia, others), zips.GetAwaiter().GetResult(), contracts);
    }

    /// <summary>The same reference data with the contracts reloaded from the database (a contract loaded since).</summary>
    public PricingEnvironment WithContracts(FeeEngineDatabase database) =>
        new(Pricer, Claims, Zips, new ContractStore(database, TimeProvider.System).LoadBook());

    /// <summary>
    /// The other Medicare schedules with at least one stored file, in the order lines are offered to them. A schedule
    /// with no file is left out, so an unpriced line lists only the schedules that could have priced it.
    /// </summary>
    private static OtherSchedules OtherSchedulesOf(FeeEngineDatabase database, TimeProvider clock)
    {
        var routes = new List<IOtherSchedule>();
        var clfs = new ClfsStore(database, clock).Load();
        if (clfs.Count > 0) routes.Add(new ClfsRoute(clfs));
        var dmepos = new DmeposStore(database, clock).LoadCatalog();
        if (dmepos.Schedules.Count > 0) routes.Add(new DmeposRoute(dmepos));
        var asp = new AspStore(database, clock).Load();
        if (asp.Count > 0) routes.Add(new AspRoute(asp));
        return new OtherSchedules(routes);
    }

    /// <summary>The folder with the project's dated tables: the one configured (FEEENGINE_SCHEDULES), else the copy beside the program.</summary>
    public static string SchedulesFolder(string? configured)
    {
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "schedules") : configured;
        if (!File.Exists(Path.Combine(folder, "conversion-factors.csv")))
            throw new FileNotFoundException($"conversion-factors.csv not found in {folder}; set FEEENGINE_SCHEDULES to the project's schedules/ folder.");
        return folder;
    }
}
