using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kinerja.Shared.Modules;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Bench;

/// <summary>
/// The host under load over HTTP: wrk (Debian's package) at 32 connections against the host run as its own
/// process on a filled year, after one warm-up, a few timed runs per case: requests/s, p50, p99 and the
/// host's peak memory for <c>/</c>, <c>{ __typename }</c>, the IKU tree, <c>value</c> and a mix with one
/// write in four. Usage: <c>dotnet run -c Release --project bench/Kinerja.Bench -- load [options]</c>.
/// </summary>
internal static partial class LoadBench
{
    private const int Year = 2026;
    private const string Wrk = "/usr/bin/wrk";

    private const string Usage = "usage: dotnet run -c Release --project bench/Kinerja.Bench -- load [--connections N] [--threads N] "
        + "[--warmup-seconds S] [--runs N] [--run-seconds S] [--starts N] [--cases NAME,NAME]";

    private const string ValueQuery = """
        { value(indicator: "IKU-1", year: 2026) { indicator { code } numerator denominator value target achievement predicate status } }
        """;

    // A write the mix repeats with a changing value: an entered COUNT under IKU-1, so each write changes the tree.
    private const string WriteMutation = """
        mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 2, value: VALUE }) { status } }
        """;

    private sealed record Options(int Connections, int Threads, double WarmupSeconds, int Runs, double RunSeconds, int Starts, string[]? Cases = null);

    private sealed record Case(string Name, string Method, string Path, IReadOnlyList<string> Bodies, int WriteIndex = -1);

    private sealed record Run(double RequestsPerSecond, double P50, double P99, long Requests, long Errors);

    public static async Task<int> MainAsync(string[] args)
    {
        if (!TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        if (!File.Exists(Wrk))
        {
            await Console.Error.WriteLineAsync($"{Wrk} is missing: apt-get install wrk");
            return 2;
        }
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine("Kinerja load benchmark (wrk over HTTP against the host process)");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors; {Machine.LoadAverage("load average ")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {options.Connections} connections, {options.Threads} wrk threads; warm-up {options.WarmupSeconds:0.#} s, then {options.Runs} runs of {options.RunSeconds:0.#} s per case"));
#if DEBUG
        Console.WriteLine("  build: DEBUG — numbers are not representative; run with -c Release");
#endif
        var dataDirectory = Path.Combine(Path.GetTempPath(), "kinerja-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        HostProcess? host = null;
        Console.CancelKeyPress += (_, _) => host?.Kill();
        try
        {
            await HostProcess.CreateAdminAsync(dataDirectory);
            await using (var factory = new BenchHost(dataDirectory))
            {
                var client = factory.CreateClient();
                await GraphQLClient.SignInAsync(client);
                Console.Write($"Filling {Year} through GraphQL mutations ... ");
                var fill = await new DataFiller(client, factory.Services.GetRequiredService<ModuleDirectory>(), Year).FillAsync();
                Console.WriteLine($"{fill.Realizations} realisations, {fill.Stocks} stocks, {fill.Targets} targets in {fill.Elapsed.TotalSeconds:0.0} s.");
            }
            SqliteConnection.ClearAllPools();

            // Start-up on an existing data directory (the fill made and migrated it): until the first answer.
            var starts = new List<double>();
            for (var i = 0; i < options.Starts; i++)
            {
                var clock = Stopwatch.StartNew();
                await using (await HostProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(60)))
                {
                    starts.Add(clock.Elapsed.TotalSeconds);
                }
                SqliteConnection.ClearAllPools();
            }
            if (starts.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Start-up of the host on the filled data directory, until its first answer: {string.Join(", ", starts.Select(t => $"{t:0.00} s"))} (target < 3 s)"));
            }

            host = await HostProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(60));
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.Address };
            await GraphQLClient.SignInAsync(http);
            var token = http.DefaultRequestHeaders.Authorization!.Parameter!;
            // { __typename } always runs: it is the baseline of every ratio.
            var cases = (await CasesAsync(http))
                .Where(c => options.Cases is null || c.Name == "{ __typename }"
                    || options.Cases.Any(n => c.Name.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            var scripts = Path.Combine(dataDirectory, "wrk");
            Directory.CreateDirectory(scripts);

            Console.WriteLine($"Host process {host.ProcessId} at {host.Address}; warming up on every case in turn for {options.WarmupSeconds:0.#} s ...");
            // The warm-up sends the mix's write as a write too (a new value each time), so that the writes and the
            // recounts they cause are compiled and warm before the timed runs, as the reads are.
            var warmBodies = cases.Where(c => c.Method == "POST").SelectMany(c => c.Bodies).ToList();
            var mix = cases.FirstOrDefault(c => c.WriteIndex >= 0);
            var everything = new Case("warm-up", "POST", GraphQLClient.Path, warmBodies,
                mix is null ? -1 : warmBodies.IndexOf(mix.Bodies[mix.WriteIndex]));
            var warmUp = await WrkAsync(host, Script(scripts, everything, token, countGraphQLErrors: true),
                options with { Runs = 1, RunSeconds = options.WarmupSeconds });
            if (warmUp.Errors > 0)
            {
                throw new BenchCheckException($"warm-up: {warmUp.Errors} answers were not 2xx or carried GraphQL errors");
            }

            var results = new List<(Case Case, List<Run> Runs, long PeakKilobytes)>();
            foreach (var @case in cases)
            {
                ResetPeak(host.ProcessId);
                var runs = new List<Run>();
                var script = Script(scripts, @case, token);
                for (var i = 0; i < options.Runs; i++)
                {
                    runs.Add(await WrkAsync(host, script, options));
                }
                var peak = host.PeakKilobytes ?? 0;
                results.Add((@case, runs, peak));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {@case.Name,-22} {string.Join("  ", runs.Select(r => $"{r.RequestsPerSecond,8:0} req/s p50 {r.P50,6:0.00} ms p99 {r.P99,7:0.00} ms"))}  peak {peak / 1024.0:0} MB"));
                if (runs.Any(r => r.Errors > 0))
                {
                    throw new BenchCheckException($"{@case.Name}: {runs.Sum(r => r.Errors)} answers were not 2xx");
                }
            }
            Print(results);
            Console.WriteLine($"Host process peak memory over the whole run (VmHWM since the last case's reset): {host.PeakKilobytes / 1024 ?? 0} MB; {Machine.LoadAverage("load average at the end: ")}");
            return 0;
        }
        catch (BenchCheckException e)
        {
            await Console.Error.WriteLineAsync($"CHECK FAILED: {e.Message}");
            return 1;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>The cases, each checked once for a sane answer before it is timed (wrk counts only HTTP errors).</summary>
    private static async Task<List<Case>> CasesAsync(HttpClient http)
    {
        var typename = Encoding.UTF8.GetString(GraphQLClient.Body("{ __typename }"));
        var iku = Encoding.UTF8.GetString(GraphQLClient.Body(IkuTree.Query, new { year = Year }));
        var value = Encoding.UTF8.GetString(GraphQLClient.Body(ValueQuery));
        var write = Encoding.UTF8.GetString(GraphQLClient.Body(WriteMutation)).Replace("VALUE", "%d", StringComparison.Ordinal);

        using (var home = await http.GetAsync("/"))
        {
            home.EnsureSuccessStatusCode();
        }
        IkuTree.Signature(await GraphQLClient.DataAsync(http, IkuTree.Query, new { year = Year }));
        var figure = (await GraphQLClient.DataAsync(http, ValueQuery)).GetProperty("value");
        if (figure.GetProperty("status").GetString() != "OK")
        {
            throw new BenchCheckException($"value(IKU-1, {Year}) is not OK: {figure}");
        }
        await GraphQLClient.DataAsync(http, WriteMutation.Replace("VALUE", "17", StringComparison.Ordinal));
        return
        [
            new("/", "GET", "/", [""]),
            new("{ __typename }", "POST", GraphQLClient.Path, [typename]),
            new("iku (year)", "POST", GraphQLClient.Path, [iku]),
            new("value (IKU-1)", "POST", GraphQLClient.Path, [value]),
            new("mixed 3 iku : 1 write", "POST", GraphQLClient.Path, [iku, iku, iku, write], WriteIndex: 3),
        ];
    }

    /// <summary>A wrk script that sends the case's bodies in turn; the write gets a new value each time.</summary>
    /// <remarks>
    /// With <paramref name="countGraphQLErrors"/> every answer's body goes through Lua to count those with GraphQL
    /// errors (sent with 200): for the warm-up only, since it slows wrk, which shares the host's processors.
    /// </remarks>
    private static string Script(string folder, Case @case, string token, bool countGraphQLErrors = false)
    {
        var lua = new StringBuilder();
        lua.AppendLine("local bodies = {");
        foreach (var body in @case.Bodies)
        {
            lua.Append("  [==[").Append(body).AppendLine("]==],");
        }
        lua.AppendLine("}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local write = {@case.WriteIndex + 1}");
        lua.AppendLine(CultureInfo.InvariantCulture, $"local headers = {{ [\"Content-Type\"] = \"application/json\", [\"Authorization\"] = \"Bearer {token}\" }}");
        lua.AppendLine("local i = 0");
        lua.AppendLine("request = function()");
        lua.AppendLine("  i = i + 1");
        lua.AppendLine("  local k = (i - 1) % #bodies + 1");
        lua.AppendLine("  local body = bodies[k]");
        lua.AppendLine("  if k == write then body = string.format(body, 10 + i % 40) end");
        lua.AppendLine(@case.Method == "GET"
            ? $"  return wrk.format(\"GET\", \"{@case.Path}\", headers)"
            : $"  return wrk.format(\"POST\", \"{@case.Path}\", headers, body)");
        lua.AppendLine("end");
        if (countGraphQLErrors)
        {
            lua.AppendLine("""
                local threads = {}
                function setup(thread) table.insert(threads, thread) end
                graphqlErrors = 0
                function response(status, headers, body)
                  if body ~= nil and string.find(body, '"errors"', 1, true) then graphqlErrors = graphqlErrors + 1 end
                end
                function done(summary, latency, requests)
                  local n = 0
                  for _, thread in ipairs(threads) do n = n + thread:get("graphqlErrors") end
                  io.write(string.format("GraphQL errors: %d\n", n))
                end
                """);
        }
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.lua");
        File.WriteAllText(file, lua.ToString());
        return file;
    }

    private static async Task<Run> WrkAsync(HostProcess host, string script, Options options)
    {
        var start = new ProcessStartInfo(Wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "-t", options.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", options.Connections.ToString(CultureInfo.InvariantCulture),
            "-d", string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(options.RunSeconds))}s"),
            "--timeout", "10s", "--latency", "-s", script, host.Address.ToString(),
        })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BenchCheckException($"wrk exited {process.ExitCode}: {error}{output}");
        }
        return Parse(output);
    }

    private static Run Parse(string output)
    {
        double Latency(string percentile)
        {
            var match = Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!match.Success)
            {
                throw new BenchCheckException($"no {percentile}% latency in wrk's answer:\n{output}");
            }
            var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return match.Groups[2].Value switch { "us" => number / 1000, "s" => number * 1000, _ => number };
        }
        var rps = RequestsPerSecond().Match(output);
        var requests = RequestCount().Match(output);
        var errors = NonSuccess().Match(output);
        var socketErrors = SocketErrors().Match(output);
        var graphQLErrors = GraphQLErrors().Match(output);
        if (!rps.Success || !requests.Success)
        {
            throw new BenchCheckException($"wrk's answer has no Requests/sec:\n{output}");
        }
        var failed = (errors.Success ? long.Parse(errors.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (socketErrors.Success ? socketErrors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0)
            + (graphQLErrors.Success ? long.Parse(graphQLErrors.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
        return new Run(double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture), Latency("50"), Latency("99"),
            long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture), failed);
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"^GraphQL errors: (\d+)", RegexOptions.Multiline)]
    private static partial Regex GraphQLErrors();

    /// <summary>Sets the process's peak resident memory back to its current size (Linux), so each case has its own peak.</summary>
    private static void ResetPeak(int processId)
    {
        try
        {
            File.WriteAllText($"/proc/{processId}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not allowed: the peak is then the process's whole life so far.
        }
    }

    private static void Print(List<(Case Case, List<Run> Runs, long PeakKilobytes)> results)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var baseline = Median(results.Single(r => r.Case.Name == "{ __typename }").Runs.Select(r => r.RequestsPerSecond));
        Console.WriteLine();
        Console.WriteLine("| case | req/s (median of runs) | of { __typename } | p50 ms | p99 ms (worst run) | host peak MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (@case, runs, peak) in results)
        {
            var rps = Median(runs.Select(r => r.RequestsPerSecond));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {@case.Name} | {rps:0} | {rps / baseline * 100:0.0} % | {Median(runs.Select(r => r.P50)):0.00} | {runs.Max(r => r.P99):0.00} | {peak / 1024.0:0} |"));
        }
    }

    private static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options(Connections: 32, Threads: 2, WarmupSeconds: 60, Runs: 3, RunSeconds: 15, Starts: 3);
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (double?)null;
            switch (args[i])
            {
                case "--connections" when number is { } c: options = options with { Connections = (int)c }; break;
                case "--threads" when number is { } t: options = options with { Threads = (int)t }; break;
                case "--warmup-seconds" when number is { } w: options = options with { WarmupSeconds = w }; break;
                case "--runs" when number is { } r: options = options with { Runs = (int)r }; break;
                case "--run-seconds" when number is { } s: options = options with { RunSeconds = s }; break;
                case "--starts" when number is { } count: options = options with { Starts = (int)count }; break;
                case "--cases" when value is not null: options = options with { Cases = value.Split(',', StringSplitOptions.RemoveEmptyEntries) }; break;
                default:
                    problem = $"unknown or incomplete argument '{args[i]}'";
                    return false;
            }
        }
        return true;
    }
}
