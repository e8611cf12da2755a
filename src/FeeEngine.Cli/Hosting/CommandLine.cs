namespace FeeEngine.Cli.Hosting;

/// <summary>
/// A small, strict argument reader: <c>--name value</c>, <c>--name=value</c>, repeatable options, flags and
/// positional arguments. Unknown options are errors, so a typo never silently changes a price.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];
    private readonly List<(string Name, string Value)> _ordered = [];

    private CommandLine() { }

    public IReadOnlyList<string> Positional => _positional;

    /// <summary>Every valued option in the order given (for commands where order pairs options, e.g. --hcpcs --modifier).</summary>
    public IReadOnlyList<(string Name, string Value)> Ordered => _ordered;

    /// <param name="valueOptions">Options that take a value (without the leading dashes).</param>
    /// <param name="flagOptions">Options that take no value.</param>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
    {
        var cl = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                cl._positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                if (flagOptions.Contains(name))
                {
                    if (value is not null) throw new UsageException($"option --{name} takes no value");
                    cl._flags.Add(name);
                }
                else if (valueOptions.Contains(name))
                {
                    if (value is null)
                    {
                        if (i + 1 >= args.Count) throw new UsageException($"option --{name} needs a value");
                        value = args[++i];
                    }
                    if (!cl._options.TryGetValue(name, out var list)) cl._options[name] = list = [];
                    list.Add(value);
                    cl._ordered.Add((name, value));
                }
                else
                {
                    throw new UsageException($"unknown option --{name}");
                }
            }
            else
            {
                cl._positional.Add(a);
            }
        }
        return cl;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name)
    {
        if (!_options.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw new UsageException($"option --{name} is given {list.Count} times; give it once");
        return list[0];
    }

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var list) ? list : [];

    public string Required(string name) => Value(name) ?? throw new UsageException($"option --{name} is required");
}

/// <summary>The command line was wrong: print the message and the command's usage, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);
