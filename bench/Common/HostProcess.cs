using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kinerja.Bench.Common;

/// <summary>
/// The host run as an operator runs it: <c>dotnet Kinerja.Host.dll</c> as a process of its own, listening
/// on a free loopback port, over the bench's data directory. Stopped (killed, with its children) on dispose.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>How long the host's first answer took (<c>{ __typename }</c>, asked until it answers): its cheapest first request.</summary>
    public double FirstAnswerMilliseconds { get; private set; }

    /// <summary>The process's peak resident memory so far (VmHWM), in kB; null once it has gone.</summary>
    public long? PeakKilobytes => ProcStatus.Kilobytes(_process.Id, "VmHWM");

    /// <summary>
    /// The host the bench runs: the copy beside the bench, or another build (a ReadyToRun publish, say)
    /// named by <see cref="HostVariable"/>.
    /// </summary>
    public static string HostAssembly => Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } other
        ? Path.GetFullPath(other)
        : Path.Combine(AppContext.BaseDirectory, "Kinerja.Host.dll");

    public const string HostVariable = "KINERJA_BENCH_HOST";

    public const string AdminName = "bench-admin";
    public const string AdminPassword = "kata-sandi-bench-panjang";

    /// <summary>Makes the bench's administrator with the host's own command, the way an office makes its first one.</summary>
    /// <param name="settings">More switches, e.g. the database: <c>--Kinerja:Database:Provider=PostgreSQL</c>.</param>
    public static async Task CreateAdminAsync(string dataDirectory, IEnumerable<string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { HostAssembly, "user", "add", AdminName, "--role", "admin", $"--Kinerja:DataDirectory={dataDirectory}" }.Concat(settings ?? []))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(AdminPassword);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"user add failed ({process.ExitCode}): {error}");
        }
    }

    public static async Task<HostProcess> StartAsync(string dataDirectory, TimeSpan timeout, IEnumerable<string>? settings = null)
    {
        if (!File.Exists(HostAssembly))
        {
            throw new FileNotFoundException("Kinerja.Host.dll is not beside the bench; build the bench project (it references the host).", HostAssembly);
        }
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The content root: the host's appsettings.json is copied here with it.
            WorkingDirectory = Path.GetDirectoryName(HostAssembly),
        };
        start.ArgumentList.Add(HostAssembly);
        start.ArgumentList.Add($"--Urls={address.GetLeftPart(UriPartial.Authority)}");
        start.ArgumentList.Add($"--Kinerja:DataDirectory={dataDirectory}");
        // A bench sends everything as one account, far past the per-account rate limit meant for people.
        start.ArgumentList.Add("--Kinerja:RateLimit:PermitsPerMinute=0");
        foreach (var setting in settings ?? [])
        {
            start.ArgumentList.Add(setting);
        }
        // As an operator starts it: Production, whatever the shell running the bench says.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();

        try
        {
            await host.WaitUntilAnsweringAsync(timeout);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Stops the process at once (Ctrl+C of the bench).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The host process {_process.Id} did not stop cleanly: {e.Message}");
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout) =>
        FirstAnswerMilliseconds = await AskUntilOkAsync("/graphql?query=%7B__typename%7D", "answering", TimeSpan.FromMilliseconds(100), timeout);

    /// <summary>
    /// Waits until <c>/health/ready</c> answers 200: the host's own warm-up (this year's counts) has ended, so a timed request
    /// after it does not share the machine with that counting. An operator's monitor or proxy waits the same way.
    /// </summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) => AskUntilOkAsync("/health/ready", "ready", TimeSpan.FromMilliseconds(50), timeout);

    /// <summary>Asks <paramref name="path"/> until it answers 200; the milliseconds that answer took.</summary>
    private async Task<double> AskUntilOkAsync(string path, string what, TimeSpan pause, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host process stopped with code {_process.ExitCode} before {what}:\n{Output}");
            }
            try
            {
                var asked = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return asked.Elapsed.TotalMilliseconds;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy counting a large register past the client's timeout: asked again.
            }
            await Task.Delay(pause);
        }
        throw new TimeoutException($"The host process on {Address} was not {what} within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
