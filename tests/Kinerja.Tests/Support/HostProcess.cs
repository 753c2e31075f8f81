using System.Diagnostics;
using System.Text;

namespace Kinerja.Tests.Support;

/// <summary>The host as a separate process, run the way an operator runs it.</summary>
public static class HostProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args) =>
        RunWithInputAsync(timeout, "", args);

    /// <summary>Runs the host with <paramref name="input"/> on its standard input (a password, say).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(TimeSpan timeout, string input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kinerja.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Host tidak selesai dalam {timeout}: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host to serve, its output and errors added to <paramref name="log"/> (locked) as they come; the caller stops it.</summary>
    public static Process Serve(StringBuilder log, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kinerja.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
