using System.Globalization;
using System.Text.Json;
using FeeEngine.Application.Jobs;
using FeeEngine.Cli.Hosting;
using FeeEngine.Data.Jobs;

namespace FeeEngine.Cli.Commands;

/// <summary><c>feeengine jobs submit</c>: queue a job for the workers (feeengine-worker).</summary>
public sealed class JobsSubmitCommand : ICommand
{
    public string Name => "jobs submit";
    public string Summary => "queue a job (price-file, reconcile, import-cms, export-underpayments) for the workers";
    public string Usage => """
        Usage: feeengine jobs submit price-file <in.csv> --out <out.csv> [--payer NAME]
               feeengine jobs submit reconcile <paid.csv|remit.835> --out results.csv [--claims claims.csv] [--payer NAME]
                                     [--tolerance-usd 1.00] [--tolerance-pct 2] [--tolerances FILE]
               feeengine jobs submit import-cms <file-or-folder> [...]
               feeengine jobs submit export-underpayments --run ID --out under.xlsx|under.csv

          Queues the job in the database; any feeengine-worker running against the same database (--db) takes it.
          Paths are stored as absolute paths: the workers must see the same files. Prints the job id.
          price-file jobs run in chunks of whole claims, committed as they go: a worker that dies loses its lease
          and another resumes the job from the last committed chunk, so no output row is lost or written twice.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "payer", "claims", "tolerance-usd", "tolerance-pct", "tolerances", "run"];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count == 1 && args.Positional[0] == Excel.Jobs.ExportUnderpaymentsJob.JobKind)
            return Submit(context, args.Positional[0], new Excel.Jobs.ExportUnderpaymentsArguments(args.Required("run"), Path.GetFullPath(args.Required("out"))));
        if (args.Positional.Count < 2) throw new UsageException("give the job kind (price-file, reconcile, import-cms, export-underpayments) and its input");
        var kind = args.Positional[0];
        var inputs = args.Positional.Skip(1).Select(Path.GetFullPath).ToList();
        foreach (var input in inputs)
            if (!File.Exists(input) && !Directory.Exists(input)) throw new FileNotFoundException($"file not found: {input}", input);
        string Out() => Path.GetFullPath(args.Required("out"));
        string? Full(string name) => args.Value(name) is { } p ? Path.GetFullPath(p) : null;
        object arguments = kind switch
        {
            JobKinds.PriceFile => new PriceFileArguments(Single(inputs), Out(), args.Value("payer")),
            JobKinds.Reconcile => new ReconcileArguments(Single(inputs), Out(), Full("claims"), args.Value("payer"),
                Dec(args, "tolerance-usd", 1.00m), Dec(args, "tolerance-pct", 2m), Full("tolerances")),
            JobKinds.ImportCms => new ImportCmsArguments(inputs),
            _ => throw new UsageException($"unknown job kind '{kind}': price-file, reconcile, import-cms or export-underpayments"),
        };
        return Submit(context, kind, arguments);
    }

    private static int Submit(CliContext context, string kind, object arguments)
    {
        var id = new JobStore(context.Database, context.Clock).Submit(kind, JsonSerializer.Serialize(arguments, arguments.GetType(), JobArguments.Json));
        context.Out.WriteLine(id);
        return 0;
    }

    private static string Single(List<string> inputs) =>
        inputs.Count == 1 ? inputs[0] : throw new UsageException("give exactly one input file");

    private static decimal Dec(CommandLine args, string name, decimal fallback) =>
        args.Value(name) is not { } text ? fallback
        : decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d
        : throw new UsageException($"--{name} '{text}' is not a number");
}

/// <summary><c>feeengine jobs list</c>: every job with its status and progress.</summary>
public sealed class JobsListCommand : ICommand
{
    public string Name => "jobs list";
    public string Summary => "list the jobs with their status and progress";
    public string Usage => "Usage: feeengine jobs list";
    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        var jobs = new JobStore(context.Database, context.Clock).List();
        if (jobs.Count == 0) context.Out.WriteLine("No jobs.");
        foreach (var j in jobs)
            context.Out.WriteLine($"{j.JobId}  {j.Kind,-10}  {j.Status,-9}  {JobsShowCommand.Progress(j),-22}  {j.WorkerId}");
        return 0;
    }
}

/// <summary><c>feeengine jobs show ID</c>: one job in full.</summary>
public sealed class JobsShowCommand : ICommand
{
    public string Name => "jobs show";
    public string Summary => "show a job: arguments, status, progress (rows done of total), worker, result or error";
    public string Usage => "Usage: feeengine jobs show <job-id>";
    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give one job id");
        var job = new JobStore(context.Database, context.Clock).Find(args.Positional[0]);
        if (job is null)
        {
            context.Error.WriteLine($"feeengine jobs show: no job {args.Positional[0]}");
            return 1;
        }
        var w = context.Out;
        w.WriteLine($"Job {job.JobId}: {job.Kind}, {job.Status}");
        w.WriteLine($"  arguments: {job.Arguments}");
        w.WriteLine($"  progress:  {Progress(job)}");
        w.WriteLine($"  created {job.CreatedAt}; started {job.StartedAt ?? "-"}; finished {job.FinishedAt ?? "-"}; attempts {job.Attempts}");
        if (job.WorkerId is not null) w.WriteLine($"  worker:    {job.WorkerId} (lease until {job.LeaseUntil ?? "-"})");
        if (job.Checkpoint is not null) w.WriteLine($"  checkpoint: {job.Checkpoint}");
        if (job.CancelRequested && job.Status == JobStatus.Running) w.WriteLine("  cancel requested: stops at its next chunk");
        if (job.Result is not null) w.WriteLine($"  result:    {job.Result}");
        if (job.Error is not null) w.WriteLine($"  error:     {job.Error}");
        return 0;
    }

    internal static string Progress(Job j) =>
        j.RowsTotal is { } total
            ? $"{j.RowsDone.ToString("N0", CultureInfo.InvariantCulture)} of {total.ToString("N0", CultureInfo.InvariantCulture)} rows"
            : $"{j.RowsDone.ToString("N0", CultureInfo.InvariantCulture)} rows";
}

/// <summary><c>feeengine jobs cancel ID</c>.</summary>
public sealed class JobsCancelCommand : ICommand
{
    public string Name => "jobs cancel";
    public string Summary => "cancel a queued job, or stop a running one at its next chunk";
    public string Usage => "Usage: feeengine jobs cancel <job-id>";
    public IReadOnlyCollection<string> ValueOptions { get; } = [];
    public IReadOnlyCollection<string> FlagOptions { get; } = [];

    public int Run(CommandLine args, CliContext context)
    {
        if (args.Positional.Count != 1) throw new UsageException("give one job id");
        var status = new JobStore(context.Database, context.Clock).Cancel(args.Positional[0]);
        switch (status)
        {
            case null:
                context.Error.WriteLine($"feeengine jobs cancel: no job {args.Positional[0]}");
                return 1;
            case JobStatus.Cancelled:
                context.Out.WriteLine($"{args.Positional[0]}: cancelled");
                return 0;
            case JobStatus.Running:
                context.Out.WriteLine($"{args.Positional[0]}: running; its worker stops it at the next chunk");
                return 0;
            default:
                context.Out.WriteLine($"{args.Positional[0]}: already {status}; nothing to cancel");
                return 0;
        }
    }
}
