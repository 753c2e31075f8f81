namespace Kinerja.Shared.Modules;

/// <summary>
/// A command-line verb a module brings (<c>dotnet run --project host -- rollup ...</c>). The host runs it
/// instead of the web server, with the same configuration.
/// </summary>
public interface IHostCommand
{
    /// <summary>The first word on the command line.</summary>
    string Name { get; }

    /// <summary>What it does, in a line of <c>--help</c>.</summary>
    string Summary { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

public static class CommandOptions
{
    /// <summary>The value of <c>--name value</c> or <c>--name=value</c> among a command's arguments; null when absent.</summary>
    public static string? Value(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name && i + 1 < args.Count)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }
        return null;
    }
}

/// <summary>
/// A command that runs before the start migrates and seeds the database (a restore into an empty one): the host
/// runs it without touching the data first.
/// </summary>
public interface IRunsBeforeStart;
