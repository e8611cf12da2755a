using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace FeeEngine.Worker.Tests;

/// <summary>A feeengine-worker process started from the worker project's build output, its output kept in a log file.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process, string id)
    {
        _process = process;
        Id = id;
    }

    public string Id { get; }
    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(string id, string db, string logFolder, int leaseSeconds = 2, int chunkRows = 100)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { WorkerDll(), "--db", db, "--worker-id", id, "--lease-seconds", leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--poll-ms", "50", "--chunk-rows", chunkRows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--schedules", Repository.Schedules })
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start feeengine-worker");
        var log = new StreamWriter(Path.Combine(logFolder, $"{id}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine("ERR " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WorkerProcess(process, id);
    }

    /// <summary>SIGKILL: the process dies at once, mid-chunk, without releasing its job.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the worker finishes or releases its chunk and stops.</summary>
    public bool Stop(TimeSpan wait)
    {
        if (_process.HasExited) return true;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill!.WaitForExit();
        return _process.WaitForExit(wait);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static string WorkerDll([CallerFilePath] string source = "")
    {
        // This test assembly runs from tests/FeeEngine.Worker.Tests/bin/<Configuration>/net10.0; the worker was built
        // (as a project reference) into src/FeeEngine.Worker/bin/<Configuration>/net10.0.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Repository.Root, "src", "FeeEngine.Worker", "bin", configuration, "net10.0", "feeengine-worker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"feeengine-worker.dll not found at {dll} (from {source})");
    }
}

/// <summary>The repository's folders, found by walking up from this source file.</summary>
public static class Repository
{
    public static string Root { get; } = Find();
    public static string Schedules => Path.Combine(Root, "schedules");
    public static string Sample => Path.Combine(Root, "schedules", "sample");

    private static string Find([CallerFilePath] string source = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FeeEngine.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FeeEngine.sln not found above {source}");
    }
}
