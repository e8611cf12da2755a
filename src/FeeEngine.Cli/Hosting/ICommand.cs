namespace FeeEngine.Cli.Hosting;

/// <summary>One <c>feeengine</c> command.</summary>
public interface ICommand
{
    /// <summary>The words that select it, e.g. "import cms".</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>Full usage text printed by <c>--help</c>.</summary>
    string Usage { get; }

    IReadOnlyCollection<string> ValueOptions { get; }
    IReadOnlyCollection<string> FlagOptions { get; }

    /// <returns>The process exit code.</returns>
    int Run(CommandLine args, CliContext context);
}
