using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Bench;

/// <summary>
/// Times the IKU tree of a filled year four ways: IndicatorService in process (with and without the
/// loading of the year), GraphQL over the in-memory TestServer, and GraphQL over HTTP to the host run as
/// its own process. Usage: <c>dotnet run -c Release --project bench/Kinerja.Bench -- [--iterations N]
/// [--warmup N] [--warmup-seconds S]</c>; see bench/README.md.
/// </summary>
internal static class BenchProgram
{
    private const int Year = 2026;
    private const int DefaultIterations = 200;
    private const int DefaultWarmupRounds = 50;
    private const double DefaultWarmupSeconds = 5;

    // The host process starts cold: tiered JIT and dynamic PGO take seconds of steady requests to reach
    // optimised code (about 10 s on a busy 2-core machine), so its warm-up is this many times longer.
    private const int ColdProcessWarmupFactor = 4;

    private const string Usage = "usage: dotnet run -c Release --project bench/Kinerja.Bench -- [--iterations N] [--warmup N] [--warmup-seconds S]\n"
        + "       dotnet run -c Release --project bench/Kinerja.Bench -- load [--connections N] [--warmup-seconds S] [--runs N] [--run-seconds S]";

    private static readonly BenchPeriod[] Periods =
    [
        new("2026 TW2", Year, 2, false),
        new("2026 s.d. TW3 (cumulative)", Year, 3, true),
        new("2026 (year)", Year, null, false),
    ];

    private static HostProcess? _runningHost;

    public static async Task<int> Main(string[] args)
    {
        if (args is ["load", .. var load])
        {
            return await LoadBench.MainAsync(load);
        }
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(Usage);
            return 0;
        }
        if (!Options.TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the
        // current directory; `dotnet run` starts in the caller's directory, so work from the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        PrintMachine(options);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "kinerja-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        // A bench stopped with Ctrl+C (or SIGTERM) must leave neither the host process it started nor its data behind.
        void Abandon()
        {
            _runningHost?.Kill();
            try
            {
                if (Directory.Exists(dataDirectory))
                {
                    Directory.Delete(dataDirectory, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // best effort: the process is ending
            }
        }
        Console.CancelKeyPress += (_, _) => Abandon();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Abandon());
        var total = Stopwatch.StartNew();
        try
        {
            var rows = await RunAsync(dataDirectory, options);
            Console.WriteLine();
            Console.WriteLine($"Results ({options.Iterations} timed iterations per row, after the warm-up above; times in milliseconds;");
            Console.WriteLine("drift = median of the last fifth of the samples against the first fifth):");
            Console.WriteLine();
            Console.Write(Table.Format(rows));
            Console.WriteLine();
            Console.WriteLine($"Whole run: {total.Elapsed.TotalSeconds:0.0} s{Machine.LoadAverage("; load average at the end: ")}.");
            return 0;
        }
        catch (BenchCheckException e)
        {
            await Console.Error.WriteLineAsync($"CHECK FAILED: {e.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Could not delete {dataDirectory}: {e.Message}");
            }
        }
    }

    private static async Task<List<Row>> RunAsync(string dataDirectory, Options options)
    {
        var warmInProcess = new Warmup(options.WarmupRounds, TimeSpan.FromSeconds(options.WarmupSeconds));
        var warmColdProcess = new Warmup(options.WarmupRounds, TimeSpan.FromSeconds(options.WarmupSeconds * ColdProcessWarmupFactor));
        var iterations = options.Iterations;
        var rows = new List<Row>();
        var references = new Dictionary<BenchPeriod, string>();

        await HostProcess.CreateAdminAsync(dataDirectory);
        var factory = new BenchHost(dataDirectory);
        try
        {
            var client = factory.CreateClient();
            await GraphQLClient.SignInAsync(client);
            var directory = factory.Services.GetRequiredService<ModuleDirectory>();
            var service = factory.Services.GetRequiredService<IndicatorReads>();

            Console.WriteLine($"Data directory: {dataDirectory}");
            Console.Write("Filling 2026 through GraphQL mutations ... ");
            var fill = await new DataFiller(client, directory, Year).FillAsync();
            Console.WriteLine($"done in {fill.Elapsed.TotalSeconds:0.0} s.");
            Console.WriteLine($"  {fill.Indicators} indicators in the 2026 tree; entered: {fill.CountInputs} COUNT and {fill.PercentInputs} PERCENT; {fill.BaseMeasures} base measures.");
            Console.WriteLine($"  {fill.Realizations} recordRealization + {fill.Stocks} recordBaseMeasure + {fill.Targets} setTarget in {fill.Requests} requests (≤ {DataFiller.MutationsPerRequest} mutations each, plus the tree and value reads that place the targets).");
            if (fill.Indicators != 60 || fill.BaseMeasures != 8)
            {
                Console.WriteLine($"  NOTE: the spec has 60 indicators and 8 base measures; this build has {fill.Indicators} and {fill.BaseMeasures}.");
            }

            // The reference answers: everything else must give exactly these figures.
            Console.WriteLine();
            Console.WriteLine("The IKU as computed (reference for every case):");
            foreach (var period in Periods)
            {
                var iku = await service.IkuAsync(period.Year, period.Quarter, period.Cumulative, CancellationToken.None);
                IkuTree.CheckInProcess(iku, period.Label);
                references[period] = IkuTree.Signature(iku);
                Console.WriteLine($"  {period.Label}: {IkuTree.NodeCount(iku)} nodes ({IkuTree.StatusCounts(iku)})");
                foreach (var v in iku)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {v.Indicator.Code,-6} {v.Numerator,8:0.##} / {v.Denominator,8:0.##} = {v.Value,7:0.00} %  target {v.Target,6:0.##}  achievement {v.Achievement,7:0.00}  {v.Predicate}"));
                }
            }

            Console.WriteLine();
            Console.Write("a. IndicatorService.IkuAsync in process ... ");
            var inProcess = Rows(rows, "a. in process: IkuAsync (load + compute)", isRequest: false);
            await RoundsAsync(warmInProcess, iterations, async (period, timed) =>
            {
                var started = Stopwatch.GetTimestamp();
                var iku = await service.IkuAsync(period.Year, period.Quarter, period.Cumulative, CancellationToken.None);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Expect(references[period], IkuTree.Signature(iku), inProcess[period]);
                if (timed)
                {
                    inProcess[period].Add(elapsed);
                }
            });

            Console.Write("b. EvaluatorAsync, then Evaluate of the 4 IKU on that fresh evaluator ... ");
            var ikuCodes = directory.Indicators.Where(i => i.Level == IndicatorLevel.Iku).Select(i => i.Code).ToList();
            var load = Rows(rows, "b1. in process: EvaluatorAsync (load year)", isRequest: false);
            var compute = Rows(rows, "b2. in process: Evaluate 4 IKU (compute)", isRequest: false);
            await RoundsAsync(warmInProcess, iterations, async (period, timed) =>
            {
                var asked = Period.Create(period.Year, period.Quarter, period.Cumulative);
                var started = Stopwatch.GetTimestamp();
                var evaluator = await service.EvaluatorAsync(period.Year, [asked], CancellationToken.None);
                var loaded = Stopwatch.GetTimestamp();
                var iku = new List<IndicatorValue>(ikuCodes.Count);
                foreach (var code in ikuCodes)
                {
                    iku.Add(evaluator.Evaluate(code, asked));
                }
                var computed = Stopwatch.GetTimestamp();
                Expect(references[period], IkuTree.Signature(iku), compute[period]);
                if (timed)
                {
                    load[period].Add(Stopwatch.GetElapsedTime(started, loaded).TotalMilliseconds);
                    compute[period].Add(Stopwatch.GetElapsedTime(loaded, computed).TotalMilliseconds);
                }
            });

            Console.Write("c. GraphQL over the in-memory TestServer ... ");
            await TimeGraphQLAsync(Rows(rows, "c. GraphQL, in-memory TestServer", isRequest: true), client, references, warmInProcess, iterations);
            rows.Add(await TimeBaselineAsync("c0. { __typename } (TestServer baseline)", client, options.WarmupRounds, iterations));
        }
        finally
        {
            // The host process opens the same SQLite file: nothing of this process may hold it.
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Console.WriteLine($"d. GraphQL over HTTP to `dotnet {Path.GetFileName(HostProcess.HostAssembly)}` as its own process ...");
        var host = await HostProcess.StartAsync(dataDirectory, TimeSpan.FromSeconds(60));
        _runningHost = host;
        try
        {
            Console.WriteLine($"   host process {host.ProcessId} answering at {host.Address}");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.Address };
            await GraphQLClient.SignInAsync(http);
            Console.Write("   ");
            await TimeGraphQLAsync(Rows(rows, "d. GraphQL, HTTP to host process", isRequest: true), http, references, warmColdProcess, iterations);
            rows.Add(await TimeBaselineAsync("d0. { __typename } (HTTP baseline)", http, options.WarmupRounds, iterations));
        }
        finally
        {
            _runningHost = null;
            await host.DisposeAsync();
        }
        return rows;
    }

    private static async Task TimeGraphQLAsync(
        Dictionary<BenchPeriod, Row> rows, HttpClient client, Dictionary<BenchPeriod, string> references, Warmup warmup, int iterations)
    {
        var bodies = Periods.ToDictionary(p => p, p => GraphQLClient.Body(IkuTree.Query, p.Variables));
        await RoundsAsync(warmup, iterations, async (period, timed) =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await GraphQLClient.PostAsync(client, bodies[period]);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Expect(references[period], IkuTree.Signature(GraphQLClient.Data(answer)), rows[period]);
            if (timed)
            {
                rows[period].Add(elapsed);
            }
        });
    }

    /// <summary>
    /// The cost of a request that does no work (<c>{ __typename }</c>): what the transport, the endpoint and
    /// GraphQL parsing add to every answer, to set against the IKU rows of the same client.
    /// </summary>
    private static async Task<Row> TimeBaselineAsync(string name, HttpClient client, int warmup, int iterations)
    {
        var row = new Row(name, "-", isRequest: true);
        var body = GraphQLClient.Body("{ __typename }");
        for (var i = -warmup; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await GraphQLClient.PostAsync(client, body);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (GraphQLClient.Data(answer).GetProperty("__typename").GetString() != "Query")
            {
                throw new BenchCheckException($"{name}: unexpected answer {answer}");
            }
            if (i >= 0)
            {
                row.Add(elapsed);
            }
        }
        return row;
    }

    /// <summary>One row per period for a case, added to the table in period order.</summary>
    private static Dictionary<BenchPeriod, Row> Rows(List<Row> table, string name, bool isRequest)
    {
        var rows = Periods.ToDictionary(p => p, p => new Row(name, p.Label, isRequest));
        table.AddRange(rows.Values);
        return rows;
    }

    /// <summary>
    /// The warm-up rounds (at least so many, for at least so long), then the timed rounds; a round asks
    /// each period once, so the periods of a case are interleaved and share alike in any drift (tiered JIT
    /// settling, other load on the machine). Each call times itself and checks its answer outside the
    /// timed span. Prints how much warm-up and timing was done.
    /// </summary>
    private static async Task RoundsAsync(Warmup warmup, int iterations, Func<BenchPeriod, bool, Task> call)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (rounds < warmup.Rounds || clock.Elapsed < warmup.Duration)
        {
            foreach (var period in Periods)
            {
                await call(period, false);
            }
            rounds++;
        }
        var warmed = clock.Elapsed;
        clock.Restart();
        for (var i = 0; i < iterations; i++)
        {
            foreach (var period in Periods)
            {
                await call(period, true);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up {rounds} rounds in {warmed.TotalSeconds:0.0} s, timed {iterations} rounds in {clock.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>How much to warm up before timing: at least so many rounds and at least so long.</summary>
    private sealed record Warmup(int Rounds, TimeSpan Duration);

    private static void Expect(string reference, string actual, Row row)
    {
        if (!string.Equals(reference, actual, StringComparison.Ordinal))
        {
            throw new BenchCheckException($"{row.Case}, {row.Period}: the IKU tree differs from the in-process reference.\n  expected {reference}\n  actual   {actual}");
        }
    }

    private static void PrintMachine(Options options)
    {
        Console.WriteLine("Kinerja IKU benchmark");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.RuntimeIdentifier}, process {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"  GC: bench process {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Interactive ? ", concurrent" : "")}; host process {HostGcMode()}");
#if DEBUG
        Console.WriteLine("  build: DEBUG — numbers are not representative; run with -c Release");
#else
        Console.WriteLine("  build: Release");
#endif
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  iterations: {options.Iterations} timed per row; warm-up per case at least {options.WarmupRounds} rounds and {options.WarmupSeconds:0.#} s in process, {options.WarmupSeconds * ColdProcessWarmupFactor:0.#} s for the cold host process"));
        var load = Machine.LoadAverage("load average ");
        Console.WriteLine($"  other load: {(load.Length > 0 ? load : "unknown")} (on {Environment.ProcessorCount} processors; other processes' work shows in the p95)");
        Console.WriteLine();
    }

    /// <summary>What the host's runtimeconfig says about the GC (the Web SDK turns server GC on).</summary>
    private static string HostGcMode()
    {
        var file = Path.ChangeExtension(HostProcess.HostAssembly, ".runtimeconfig.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var server = document.RootElement.TryGetProperty("runtimeOptions", out var options)
                && options.TryGetProperty("configProperties", out var properties)
                && properties.TryGetProperty("System.GC.Server", out var value)
                && value.ValueKind == JsonValueKind.True;
            return server ? "server (Kinerja.Host.runtimeconfig.json)" : "workstation (Kinerja.Host.runtimeconfig.json)";
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return "unknown";
        }
    }

    private sealed record Options(int Iterations, int WarmupRounds, double WarmupSeconds)
    {
        public static bool TryParse(string[] args, out Options options, out string problem)
        {
            options = new Options(DefaultIterations, DefaultWarmupRounds, DefaultWarmupSeconds);
            problem = "";
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--iterations" or "-n" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                        options = options with { Iterations = n };
                        break;
                    case "--warmup" when int.TryParse(value, CultureInfo.InvariantCulture, out var w) && w >= 0:
                        options = options with { WarmupRounds = w };
                        break;
                    case "--warmup-seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t >= 0:
                        options = options with { WarmupSeconds = t };
                        break;
                    default:
                        problem = $"unknown or incomplete argument '{args[i]}'";
                        return false;
                }
                i++;
            }
            return true;
        }
    }
}
