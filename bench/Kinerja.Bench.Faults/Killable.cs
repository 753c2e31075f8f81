using System.Diagnostics;
using Kinerja.Bench.Registers;

namespace Kinerja.Bench.Faults;

/// <summary>
/// A host command (<c>dotnet Kinerja.Host.dll import ...</c>, <c>rollup ...</c>) run as a process of its own, so
/// that it can be killed with SIGKILL (what <see cref="Process.Kill()"/> sends on Linux) in the middle of its work.
/// </summary>
internal static class Killable
{
    /// <summary>The command run to its end: its wall time, exit code and output.</summary>
    public static async Task<(TimeSpan Wall, int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var clock = Stopwatch.StartNew();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (clock.Elapsed, process.ExitCode, await output + await error);
    }

    /// <summary>
    /// Starts the command and kills it with SIGKILL after <paramref name="after"/>; true when it was still
    /// running then (the kill landed in its work), false when it had already ended.
    /// </summary>
    public static async Task<bool> KillAfterAsync(TimeSpan after, params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var running = await Task.WhenAny(exited, Task.Delay(after)) != exited;
        if (running)
        {
            process.Kill();
        }
        await exited;
        await Task.WhenAll(output, error);
        return running;
    }

    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(HostProcess.HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
    }
}
