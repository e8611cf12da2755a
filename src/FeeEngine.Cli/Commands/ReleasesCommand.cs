using System.Globalization;
using FeeEngine.Cli.Hosting;
using FeeEngine.Core.Time;
using FeeEngine.Data.Stores;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine releases</c>: what is loaded, and the dates each release prices.</summary>
public sealed class ReleasesCommand : ICommand
{
    public string Name => "releases";
    public string Summary => "list the loaded CMS releases and ZIP5 files with the dates they price";
    public string Usage => "Usage: feeengine releases";
    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        var store = new ReleaseStore(context.Database, context.Clock);
        var catalog = store.LoadCatalog();
        var stored = store.ListReleases().ToDictionary(r => r.ReleaseId);
        if (catalog.Releases.Count == 0) context.Out.WriteLine("No PFS release loaded: run 'feeengine import cms <folder>'.");
        foreach (var r in catalog.Releases)
        {
            context.Out.WriteLine($"{r.Id}: dates of service {EffectivePeriod.Format(r.EffectiveFrom, catalog.InForceUntil(r))}");
            foreach (var f in stored[r.Id].Files)
                context.Out.WriteLine($"  {f.Kind,-8} {f.SourceFile,-34} {f.Rows.ToString("N0", CultureInfo.InvariantCulture),8} rows  imported {f.ImportedAt}");
        }
        foreach (var z in store.ListZipReleases())
            context.Out.WriteLine($"{z.Id}: ZIP5 file {z.Source}, {z.Rows.ToString("N0", CultureInfo.InvariantCulture)} ZIPs, effective {EffectivePeriod.Iso(z.EffectiveFrom)}");
        return 0;
    }
}
