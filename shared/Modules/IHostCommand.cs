namespace Kinerja.Shared.Modules;

/// <summary>
/// A command-line verb a module brings (<c>dotnet run --project host -- rollup ...</c>). The host runs it
/// instead of the web server, with the same configuration.
/// </summary>
public interface IHostCommand
{
    /// <summary>The first word on the command line.</summary>
    string Name { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
