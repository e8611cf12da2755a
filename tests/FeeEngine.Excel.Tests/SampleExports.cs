using FeeEngine.Cli.Tests;

namespace FeeEngine.Excel.Tests;

/// <summary>
/// The shipped sample (RVU25D, six localities), both sample contracts (Acme Health; Summit Care with its imported fee
/// schedule) and a reconciliation of schedules/sample/paid-lines.csv, in a temporary database: what the export
/// commands read.
/// </summary>
public sealed class SampleExports : IDisposable
{
    public SampleExports()
    {
        Cli = new CliRunner();
        Must(Cli.Run("import", "cms", RepositoryPaths.Sample));
        Must(Cli.Run("contracts", "load", Contract("acme-health-ppo.json"), Contract("summit-care-advantage.json")));
        Must(Cli.Run("contracts", "import", Contract("summit-care-fees-2025.csv"), "--payer", "Summit Care", "--contract", "Medicare Advantage Partner",
            "--effective-from", "2025-01-01", "--effective-to", "2025-12-31"));
        var reconcile = Must(Cli.Run("reconcile", Path.Combine(RepositoryPaths.Sample, "paid-lines.csv"), "--out", Path.Combine(Cli.Folder, "results.csv")));
        RunId = reconcile.Out.Split(' ', ':')[2];
    }

    public CliRunner Cli { get; }

    /// <summary>The id of the stored reconciliation run of the sample paid lines.</summary>
    public string RunId { get; }

    public string Path_(string name) => Path.Combine(Cli.Folder, name);

    private static string Contract(string name) => Path.Combine(RepositoryPaths.Schedules, "contracts", name);

    public static CliResult Must(CliResult result)
    {
        result.ExitCode.Should().Be(0, result.Error);
        return result;
    }

    public void Dispose() => Cli.Dispose();
}
