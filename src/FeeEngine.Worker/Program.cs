using FeeEngine.Application.Jobs;
using FeeEngine.Data;
using FeeEngine.Data.Jobs;
using FeeEngine.Excel.Jobs;
using FeeEngine.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Composition root: options from the command line and FEEENGINE_* variables, the database, the job handlers.
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddEnvironmentVariables("FEEENGINE_");
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--db"] = "Db", ["--worker-id"] = "WorkerId", ["--lease-seconds"] = "LeaseSeconds", ["--poll-ms"] = "PollMilliseconds", ["--schedules"] = "Schedules", ["--chunk-rows"] = "ChunkRows",
});
var options = new WorkerOptions();
builder.Configuration.Bind(options);
options.Validate();
var workerId = options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
var database = FeeEngineDatabase.FromLocation(options.Db);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(new JobRunner(new JobStore(database, TimeProvider.System), workerId,
    [.. JobHandlers.All(database, options.Schedules, options.ChunkRows), new ExportUnderpaymentsJob(database)], TimeSpan.FromSeconds(options.LeaseSeconds), Console.Out));
builder.Services.AddHostedService<WorkerService>();
builder.Build().Run();
