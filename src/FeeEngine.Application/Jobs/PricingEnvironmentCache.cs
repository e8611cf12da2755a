using FeeEngine.Application.Pricing;
using FeeEngine.Data;

namespace FeeEngine.Application.Jobs;

/// <summary>
/// The pricing reference data a worker loads once and shares between its jobs (loading takes about half a second);
/// an import job in the same worker drops it so the next job sees the new release. Contracts are reloaded for each
/// job (cheap), so a contract loaded meanwhile applies to the next job.
/// </summary>
public sealed class PricingEnvironmentCache(FeeEngineDatabase database, string? schedulesFolder)
{
    private readonly Lock _lock = new();
    private PricingEnvironment? _environment;

    public PricingEnvironment Get()
    {
        lock (_lock) return _environment = _environment is null ? PricingEnvironment.Load(database, TimeProvider.System, schedulesFolder) : _environment.WithContracts(database);
    }

    public void Invalidate()
    {
        lock (_lock) _environment = null;
    }
}
