using FeeEngine.Cli.Commands;
using FeeEngine.Cli.Hosting;

// Composition root: the commands, the console and the system clock. Everything else lives in the commands.
var app = new CliApp(CommandCatalog.All());
return app.Run(args, new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System));
