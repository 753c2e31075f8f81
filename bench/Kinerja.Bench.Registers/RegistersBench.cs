using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Kinerja.Bench.Registers;

/// <summary>
/// The registers benchmark: generates a Kabupaten Gresik of a million PMKS persons, imports it with the
/// host's CLI (child processes, timed, peak memory), counts every stock and kegiatan indicator of 2026
/// triwulan 2 through GraphQL against a host process (cold and warm), and sets that against the same counts
/// as plain SQL in the sqlite3 shell. Every count is checked against what the generator knows it must be.
/// See bench/README.md.
/// </summary>
internal static partial class RegistersBench
{
    private const int Year = 2026;
    private const int Quarter = 2;
    private const int WarmupYear = 2025;

    private static readonly DateOnly QuarterStart = new(2026, 4, 1);
    private static readonly DateOnly QuarterEnd = new(2026, 6, 30);

    // Targets of the brief.
    private const long TargetPeakKilobytes = 400 * 1024;
    private const double TargetRatio = 1.5;
    private const double TargetRestartMilliseconds = 1000;
    private const double TargetImportOfFloor = 0.9;

    private static HostProcess? _runningHost;
    private static readonly List<string> Findings = new();
    private static readonly List<(string What, string Figure, string Verdict)> Summary = new();
    private static readonly GrowthRow Growth = new();
    private static string _loadAtStart = "";

    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }
        if (!Options.TryParse(args, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync(Options.Usage);
            return 2;
        }
        if (!options.PostgreSql && !SqliteShell.Available)
        {
            await Console.Error.WriteLineAsync($"{SqliteShell.Program} is missing (apt-get install sqlite3): the floor needs it.");
            return 2;
        }
        var work = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "kinerja-bench-registers", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        void Abandon()
        {
            _runningHost?.Kill();
            if (!options.Keep)
            {
                TryDelete(work);
            }
        }
        Console.CancelKeyPress += (_, _) => Abandon();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Abandon());

        PrintMachine(options, work);
        _loadAtStart = Machine.LoadAverage("");
        var total = Stopwatch.StartNew();
        try
        {
            await (options.CompareHost is not null ? CompareImportsAsync(options, work)
                : options.PostgreSql ? RunOnPostgreSqlAsync(options, work) : RunAsync(options, work));
            PrintSummary(total.Elapsed);
            if (options.CompareHost is null)
            {
                Console.WriteLine();
                Console.WriteLine("Growth row (issue 26; the 1-minute load average at the start → at the end):");
                Console.WriteLine(GrowthRow.Header);
                Console.WriteLine(Growth.Markdown(options.PostgreSql ? "PostgreSQL" : "SQLite", options.Persons,
                    $"{_loadAtStart.Split(' ')[0]} → {Machine.LoadAverage("").Split(' ')[0]}"));
            }
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
            if (options.Keep)
            {
                Console.WriteLine($"Kept: {work}");
            }
            else
            {
                TryDelete(work);
            }
        }
    }

    private static async Task RunAsync(Options options, string work)
    {
        var filesDirectory = Path.Combine(work, "files");
        var data = Path.Combine(work, "data");
        var database = Path.Combine(data, "kinerja.db");

        // ------------------------------------------------------------ 1. the files
        Heading("1. Generating the registers");
        var generator = new RegisterGenerator(options.Seed);
        var files = generator.Write(filesDirectory, options.Persons, options.Services, options.Institutions);
        var expected = generator.ExpectedCounts(QuarterEnd, QuarterStart, QuarterEnd);
        Console.WriteLine($"  seed {options.Seed}: generated in {F.S(files.GenerateTime)}, written in {F.S(files.WriteTime)} to {filesDirectory}");
        Console.WriteLine($"  pmks.csv     {F.Bytes(GeneratedFiles.Size(files.Pmks)),10}  {F.N(files.PmksRows)} rows: {F.N(files.Persons)} persons, {F.N(files.PersonsWithTwoOrMoreRows)} of them on 2+ rows, "
            + $"{F.N(files.EndedCategoryRows)} rows ended, {F.N(files.NikOutsideGresik)} NIKs issued outside Gresik");
        Console.WriteLine($"  layanan.csv  {F.Bytes(GeneratedFiles.Size(files.Layanan)),10}  {F.N(files.LayananRows)} rows over {ServiceKind.All.Length} kegiatan: "
            + string.Join(", ", files.ServicesByYear.Select(p => $"{p.Key} {F.N(p.Value)}")) + $"; {F.N(files.ServiceSubjectsOutsideRegister)} persons served are not in the PMKS file");
        Console.WriteLine($"  psks.csv     {F.Bytes(GeneratedFiles.Size(files.Psks)),10}  {F.N(files.PsksRows)} institutions and workers");
        Console.WriteLine($"  tmp.csv      {F.Bytes(GeneratedFiles.Size(files.Tmp)),10}  {F.N(files.TmpRows)} Taman Makam Pahlawan");
        Console.WriteLine($"  what the counts must be at {QuarterEnd:yyyy-MM-dd} (from the generated data alone): "
            + string.Join(", ", expected.Stocks.Select(s => $"{s.Key} {F.N(s.Value.Sum())}")));

        // ------------------------------------------------------------ 2. imports
        Heading("2. Imports by the host's CLI, each a child process: dotnet Kinerja.Host.dll import REGISTER FILE --Kinerja:DataDirectory=DIR");
        Directory.CreateDirectory(data);
        var create = await ImportRunner.StartOnlyAsync(data);
        var startOnly = await ImportRunner.StartOnlyAsync(data);
        Console.WriteLine($"  start-up alone (no file; exits 2 after start and migration): first {F.S(create.Wall)} (creates the database), then {F.S(startOnly.Wall)}, peak {F.Mb(startOnly.PeakKilobytes)}");
        var startup = startOnly.Wall;
        // Every GraphQL request needs an account: the bench's administrator, made with the host's own command.
        await HostProcess.CreateAdminAsync(data);

        await ImportAsync("psks", files.Psks, data, files.PsksRows, startup, expectUnchanged: false);
        await ImportAsync("tmp", files.Tmp, data, files.TmpRows, startup, expectUnchanged: false);
        var pmks = await ImportAsync("pmks", files.Pmks, data, files.PmksRows, startup, expectUnchanged: false);
        var layanan = await ImportAsync("layanan", files.Layanan, data, files.LayananRows, startup, expectUnchanged: false);
        var again = await ImportAsync("pmks", files.Pmks, data, files.PmksRows, startup, expectUnchanged: true, label: "pmks again (same file)");
        Console.WriteLine($"  database after the imports: {F.Bytes(DatabaseSize(data))} (kinerja.db with its -wal)");
        await CheckStoredAsync(database, files);
        var importFloor = await SqliteShell.ImportFloorAsync(work, files.Pmks);
        Console.WriteLine($"  the floor: sqlite3's .import of pmks.csv into a fresh file's table of its nine columns (text) with the categories' unique key "
            + $"(NIK, Kategori PMKS, Tanggal Mulai), WAL, 64 MB of cache: {F.S(importFloor)}, {F.N(files.PmksRows / importFloor.TotalSeconds)} rows/s");

        var pmksRate = files.PmksRows / pmks.Wall.TotalSeconds;
        Summary.Add(("pmks import, 1st", $"{F.S(pmks.Wall)} wall, {F.N(pmksRate)} rows/s ({F.N(files.PmksRows / (pmks.Wall - startup).TotalSeconds)} rows/s without the {F.S(startup)} start-up), peak {F.Mb(pmks.PeakKilobytes)}; "
            + $"sqlite3 .import {F.S(importFloor)} → {F.Ratio(importFloor / pmks.Wall)} of its rate",
            Verdict(importFloor / pmks.Wall >= TargetImportOfFloor && pmks.PeakKilobytes <= TargetPeakKilobytes, $"target ≥ {F.Ratio(TargetImportOfFloor)} of the floor within {F.Mb(TargetPeakKilobytes)}")));
        Growth.Import = (pmks.Wall, importFloor, files.PmksRows);
        Growth.Reimport = again.Wall;
        Growth.ImportPeakKilobytes = Math.Max(pmks.PeakKilobytes, again.PeakKilobytes);
        Summary.Add(($"layanan import, {F.N(files.LayananRows)} rows", $"{F.S(layanan.Wall)}, {F.N(files.LayananRows / layanan.Wall.TotalSeconds)} rows/s, peak {F.Mb(layanan.PeakKilobytes)}",
            Verdict(layanan.PeakKilobytes <= TargetPeakKilobytes, $"target within {F.Mb(TargetPeakKilobytes)}, whatever the file's size")));
        Summary.Add(("pmks import, same file again", $"{F.S(again.Wall)}, {F.N(files.PmksRows / again.Wall.TotalSeconds)} rows/s, peak {F.Mb(again.PeakKilobytes)}, {F.Ratio(again.Wall / pmks.Wall)} of the 1st",
            again.Tally is { } t && t.Unchanged == files.PmksRows ? "all 'tidak berubah'" : "NOT all unchanged"));

        // ------------------------------------------------------------ 3. Kinerja
        Heading($"3. Counting through GraphQL against `dotnet Kinerja.Host.dll` (a process of its own, HTTP on loopback), {Year} triwulan {Quarter}");
        IReadOnlyList<string> codes;
        IReadOnlyDictionary<string, string> kegiatanModules;
        IReadOnlyDictionary<string, List<string>> stockIndicators;
        await using (var host = await StartHostAsync(data))
        {
            var api = await ApiAsync(host);
            codes = await api.SourcesAsync(Year);
            var setMs = await api.SetRegisterAsync(codes, Year);
            await api.SetRegisterAsync(await api.SourcesAsync(WarmupYear), WarmupYear);
            kegiatanModules = await api.KegiatanModulesAsync();
            stockIndicators = await api.StockIndicatorsAsync(Year);
            Console.WriteLine($"  sources(year: {Year}): {codes.Count} codes; setSource(..., source: REGISTER) for all in one request: {F.Ms(setMs)} (and the same for {WarmupYear}, used to warm up)");
        }
        var stocks = codes.Where(c => !kegiatanModules.ContainsKey(c)).ToList();
        var kegiatan = codes.Where(kegiatanModules.ContainsKey).ToList();
        Console.WriteLine($"  stocks ({stocks.Count}): {string.Join(", ", stocks)}");
        Console.WriteLine($"  kegiatan ({kegiatan.Count}): {string.Join(", ", kegiatan)}");
        // The indicator whose value shows a stock: the first in the tree with denominator base:stock.
        var stockIndicator = stocks.ToDictionary(s => s, s => stockIndicators.TryGetValue(s, out var list) ? list[0] : null, StringComparer.Ordinal);
        Console.WriteLine($"  each stock's indicator (denominator base:stock): {string.Join(", ", stockIndicator.Select(p => $"{p.Key} → {p.Value ?? "none"}"))}");
        foreach (var code in kegiatan.Where(c => !expected.ServedCounts.ContainsKey(c)))
        {
            expected.Served(code); // counted from a register but given no services by the generator (UPTLBK-1): 0
        }

        var ikuBody = KinerjaApi.IkuBody(Year, Quarter);
        var firstRequest = new Samples("first request after a fresh start");
        var coldCounts = new Samples("cold counts, warm code");
        var restarted = new Samples("first request of a restarted host, registers unchanged");
        var restartedFloor = new Samples("restarted host, its first { __typename }");
        var warmupPass = new Samples($"{WarmupYear} pass");
        var warmIku = new Samples("warm iku");
        var warmValues = stocks.Where(s => stockIndicator[s] is not null).ToDictionary(s => s, s => new Samples($"warm value {stockIndicator[s]}"), StringComparer.Ordinal);
        var coldValue = new Samples("cold value");
        string? reference = null;
        List<Figure> ikuFigures = [];
        long hostPeak = 0;
        var checkFigures = new List<(string Code, string? Kecamatan, Figure Figure)>();

        for (var run = 1; run <= options.ColdRuns; run++)
        {
            // a. The literal first request of a freshly started host: JIT, EF's first queries and every count.
            await ForgetKeptCountsAsync(database);
            await using (var host = await StartHostAsync(data))
            {
                var (ms, answer) = await (await ApiAsync(host)).TimedAsync(ikuBody);
                firstRequest.Add(ms);
                reference = Same(reference, answer, "first request");
                hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            }
            // b. Code warmed up on another year first (its counts are at other dates, so they do not fill the
            //    cache for 2026): the first 2026 request then times the counting itself.
            await ForgetKeptCountsAsync(database);
            await using (var host = await StartHostAsync(data))
            {
                var api = await ApiAsync(host);
                warmupPass.Add(await WarmUpAsync(host, api));
                var (ms, answer) = await api.TimedAsync(ikuBody);
                coldCounts.Add(ms);
                reference = Same(reference, answer, "cold counts");
                if (run == options.ColdRuns)
                {
                    ikuFigures = KinerjaApi.Nodes(answer).ToList();
                    for (var i = 0; i < options.WarmRequests + 3; i++)
                    {
                        var (warm, warmAnswer) = await api.TimedAsync(ikuBody);
                        reference = Same(reference, warmAnswer, "warm iku");
                        if (i >= 3)
                        {
                            warmIku.Add(warm);
                        }
                    }
                    foreach (var (stock, samples) in warmValues)
                    {
                        var body = KinerjaApi.ValueBody(stockIndicator[stock]!, Year, Quarter);
                        for (var i = 0; i < options.WarmRequests + 3; i++)
                        {
                            var (warm, _) = await api.TimedAsync(body);
                            if (i >= 3)
                            {
                                samples.Add(warm);
                            }
                        }
                    }
                    checkFigures = await KinerjaChecksAsync(api, kegiatan, stocks, stockIndicator, expected);
                }
                hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            }
            // c. A restart with the registers unchanged: the counts kept by b are read, not counted again.
            await using (var host = await StartHostAsync(data))
            {
                var (ms, answer) = await (await ApiAsync(host)).TimedAsync(ikuBody);
                restarted.Add(ms);
                restartedFloor.Add(host.FirstAnswerMilliseconds);
                reference = Same(reference, answer, "restarted host");
                hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            }
            Console.WriteLine($"  run {run}/{options.ColdRuns}: first request after start {F.Ms(firstRequest.Last)}; "
                + $"after warming up on {WarmupYear} ({F.Ms(warmupPass.Last)}), first {Year} TW{Quarter} iku {F.Ms(coldCounts.Last)}; "
                + $"first request of a restarted host, counts kept: {F.Ms(restarted.Last)}");
        }
        // d. A value(...) as the first 2026 request, after the same warm-up.
        await ForgetKeptCountsAsync(database);
        await using (var host = await StartHostAsync(data))
        {
            var api = await ApiAsync(host);
            await WarmUpAsync(host, api);
            var first = stockIndicator.GetValueOrDefault("pmks.total") is not null ? "pmks.total" : stocks.First(s => stockIndicator[s] is not null);
            var (ms, _) = await api.TimedAsync(KinerjaApi.ValueBody(stockIndicator[first]!, Year, Quarter));
            coldValue.Add(ms);
            hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            Console.WriteLine($"  value(indicator: \"{stockIndicator[first]}\", year: {Year}, quarter: {Quarter}) as the first {Year} request after the warm-up: {F.Ms(ms)}");
        }

        Console.WriteLine();
        Console.WriteLine($"  iku(year: {Year}, quarter: {Quarter}) with contributions (4 levels, {ikuFigures.Count} nodes):");
        Console.WriteLine($"    first request after a fresh host start (cold JIT + cold counts): {firstRequest.Describe()}");
        Console.WriteLine($"    first {Year} request after warming up on {WarmupYear} (cold counts, warm code): {coldCounts.Describe()}");
        Console.WriteLine($"    first request of a restarted host whose registers did not change (stocks kept in the database): {restarted.Describe()}");
        Console.WriteLine($"    warm (counts of stocks kept by PemberdayaanStocks; kegiatan counted again): {warmIku.Describe()}");
        Console.WriteLine($"  value(...) of each stock's indicator, warm:");
        foreach (var (stock, samples) in warmValues)
        {
            Console.WriteLine($"    {stockIndicator[stock],-12} ({stock,-26}) {samples.Describe()}");
        }
        Console.WriteLine($"  value(...) cold (first {Year} request after the warm-up): {coldValue.Describe()} — it counts every REGISTER code of the year, like iku");
        var atRest = await HostAtRestAsync(data);
        Console.WriteLine($"  host process peak resident memory (VmHWM) over these runs: {F.Mb(hostPeak)}; a host that answered only {{ __typename }}, its warm-up off: {F.Mb(atRest)}");

        // ------------------------------------------------------------ 4. the floor
        Heading($"4. The floor: the same statements in the sqlite3 shell (.timer on), a fresh sqlite3 process per pass");
        var queries = stocks.Select(s => CountQuery.Stock(s, QuarterEnd))
            .Concat(kegiatan.Select(k => CountQuery.Served(k, kegiatanModules[k], QuarterStart, QuarterEnd)))
            .ToList();
        var sqliteVersion = await SqliteShell.VersionAsync(database);
        var engineVersion = EngineProbe.Version(database);
        Console.WriteLine($"  sqlite3 {sqliteVersion} ({SqliteShell.Program}); the host's Microsoft.Data.Sqlite runs SQLite {engineVersion}");
        var floors = new List<FloorRun>();
        var probes = new List<FloorRun>();
        for (var i = 0; i < options.FloorRuns; i++)
        {
            floors.Add(await SqliteShell.CountAsync(database, queries));
            probes.Add(EngineProbe.Count(database, queries));
            Console.WriteLine($"  pass {i + 1}: sqlite3 {F.Ms(floors[^1].TotalMilliseconds)} (stocks {F.Ms(floors[^1].StockMilliseconds)}, kegiatan {F.Ms(floors[^1].ServedMilliseconds)}; process {F.S(floors[^1].Wall)}); "
                + $"same SQL with parameters through Microsoft.Data.Sqlite in this process {F.Ms(probes[^1].TotalMilliseconds)} (stocks {F.Ms(probes[^1].StockMilliseconds)})");
        }
        var plans = await SqliteShell.PlansAsync(database, queries);
        var onePasses = new List<(double Milliseconds, IReadOnlyList<CountResult> Counts, string Plan)>();
        for (var i = 0; i < options.FloorRuns; i++)
        {
            onePasses.Add(await SqliteShell.OnePassAsync(database, QuarterEnd));
        }
        var personStocks = CountQuery.PersonStocks.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        // The floor of a triwulan's counts as Kinerja makes them: the person stocks in one pass, the other statements as they are.
        var others = floors[0].Counts.Where(c => !personStocks.Contains(c.Code)).Sum(c => c.Milliseconds);
        var onePassFloor = onePasses[0].Milliseconds + others;
        Console.WriteLine($"  the five person stocks in one pass over the covering indexes (sqlite3, first / fastest of {onePasses.Count}): "
            + $"{F.Ms(onePasses[0].Milliseconds)} / {F.Ms(onePasses.Min(p => p.Milliseconds))}, against {F.Ms(floors[0].Counts.Where(c => personStocks.Contains(c.Code)).Sum(c => c.Milliseconds))} for one statement per stock");
        foreach (var count in onePasses[0].Counts)
        {
            if (count.Total != expected.Stocks[count.Code].Sum())
            {
                throw new BenchCheckException($"the one-pass statement counts {count.Total} for {count.Code}; the generator says {expected.Stocks[count.Code].Sum()}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"  {"code",-26} {"expected",10} {"sqlite3",10} {"Kinerja",10}   {"sqlite3 ms (1st / min)",24} {"M.D.Sqlite ms (1st / min)",26}");
        foreach (var query in queries)
        {
            var exp = query.IsStock ? expected.Stocks[query.Code].Sum() : expected.ServedCounts[query.Code].Sum();
            var shell = floors[0].Find(query.Code)!;
            var kinerja = KinerjaTotal(query, ikuFigures, checkFigures, stockIndicator);
            var agree = shell.Total == exp && kinerja == exp;
            Console.WriteLine($"  {query.Code,-26} {F.N(exp),10} {F.N(shell.Total),10} {(kinerja is { } k ? F.N(k) : "-"),10} {(agree ? "  " : "≠ ")}"
                + $" {F.Ms(shell.Milliseconds) + " / " + F.Ms(floors.Min(f => f.Find(query.Code)!.Milliseconds)),24}"
                + $" {F.Ms(probes[0].Find(query.Code)!.Milliseconds) + " / " + F.Ms(probes.Min(f => f.Find(query.Code)!.Milliseconds)),26}");
        }
        Console.WriteLine($"  {"total",-26} {"",10} {"",10} {"",10}    {F.Ms(floors[0].TotalMilliseconds) + " / " + F.Ms(floors.Min(f => f.TotalMilliseconds)),24} {F.Ms(probes[0].TotalMilliseconds) + " / " + F.Ms(probes.Min(f => f.TotalMilliseconds)),26}");
        CheckCounts(queries, floors[0], probes[0], expected, ikuFigures, checkFigures, stockIndicator);

        Console.WriteLine();
        Console.WriteLine("  EXPLAIN QUERY PLAN (sqlite3) of the stocks and of one kegiatan count:");
        foreach (var query in queries.Where(q => q.IsStock).Append(queries.First(q => !q.IsStock)))
        {
            Console.WriteLine($"    {query.Code}:");
            foreach (var line in plans.GetValueOrDefault(query.Code, "?").Split('\n'))
            {
                Console.WriteLine($"      {line.TrimEnd()}");
            }
        }

        Console.WriteLine("  EXPLAIN QUERY PLAN (sqlite3) of the one-pass person stocks:");
        foreach (var line in onePasses[0].Plan.Split('\n'))
        {
            Console.WriteLine($"      {line.TrimEnd()}");
        }

        var floor = onePassFloor;
        var floorMin = onePasses.Min(p => p.Milliseconds) + others;
        Console.WriteLine();
        Console.WriteLine($"  The floor: the one-pass person stocks {F.Ms(onePasses[0].Milliseconds)} + the other stocks and the kegiatan counts {F.Ms(others)} = {F.Ms(floor)} "
            + $"(one statement per stock: {F.Ms(floors[0].TotalMilliseconds)})");
        var ratio = coldCounts.Median / floor;
        Console.WriteLine();
        Console.WriteLine($"  Kinerja, cold counts (median of {coldCounts.Count}): {F.Ms(coldCounts.Median)}; sqlite3 floor, first pass: {F.Ms(floor)} (fastest pass {F.Ms(floorMin)}) → ratio {F.Ratio(ratio)} ({F.Ratio(coldCounts.Median / floorMin)} against the fastest)");
        Console.WriteLine($"  Kinerja, first request after a fresh start (median): {F.Ms(firstRequest.Median)} → {F.Ratio(firstRequest.Median / floor)} of the floor");
        Console.WriteLine($"  Kinerja, stocks alone (cold − warm iku): {F.Ms(coldCounts.Median - warmIku.Median)} against sqlite3's stocks {F.Ms(floors[0].StockMilliseconds)}; "
            + $"warm iku {F.Ms(warmIku.Median)} against sqlite3's kegiatan counts {F.Ms(floors[0].ServedMilliseconds)}");
        Summary.Add(($"{Year} TW{Quarter} counts, Kinerja cold (after warm-up)", $"{F.Ms(coldCounts.Median)}; sqlite3 floor {F.Ms(floor)} → {F.Ratio(ratio)}",
            Verdict(ratio <= TargetRatio, $"target ≤ {F.Ratio(TargetRatio)}")));
        Summary.Add(($"{Year} TW{Quarter}, first request of a fresh host", $"{F.Ms(firstRequest.Median)} → {F.Ratio(firstRequest.Median / floor)} of the floor", ""));
        Growth.Counts = (coldCounts.Median, floor);
        Growth.Restarted = (restarted.Median, restartedFloor.Median);
        Growth.HostPeak = (hostPeak, atRest);
        Summary.Add(($"{Year} TW{Quarter}, first request of a restarted host, registers unchanged", F.Ms(restarted.Median),
            Verdict(restarted.Median < TargetRestartMilliseconds, $"target < {F.Ms(TargetRestartMilliseconds)}")));
        Summary.Add(("warm iku / warm value", $"{F.Ms(warmIku.Median)} / {string.Join(", ", warmValues.Select(v => $"{stockIndicator[v.Key]} {F.Ms(v.Value.Median)}"))}", ""));

        // ------------------------------------------------------------ 5. imports while a host runs
        if (options.CacheCheck)
        {
            Heading("5. An import by the CLI while a host runs (PemberdayaanStocks keeps its counts until an import in its own process)");
            await CacheCheckAsync(generator, filesDirectory, data, database, stockIndicator);
        }
    }

    // ---------------------------------------------------------------- imports

    /// <summary>
    /// --compare: the imports of step 2, by this build and by another one (the build before a change), taking turns on
    /// the same files on the same machine, each round into fresh data directories; the same checks of every tally.
    /// </summary>
    private static async Task CompareImportsAsync(Options options, string work)
    {
        Heading("1. Generating the registers");
        var files = new RegisterGenerator(options.Seed).Write(Path.Combine(work, "files"), options.Persons, options.Services, options.Institutions);
        Console.WriteLine($"  pmks.csv {F.Bytes(GeneratedFiles.Size(files.Pmks))}, {F.N(files.PmksRows)} rows; layanan.csv {F.Bytes(GeneratedFiles.Size(files.Layanan))}, "
            + $"{F.N(files.LayananRows)} rows; psks.csv {F.N(files.PsksRows)} rows; tmp.csv {F.N(files.TmpRows)} rows");
        (string Name, string? Host)[] builds = [("this build", null), ("compared", options.CompareHost)];
        Heading($"2. Imports by this build and by {options.CompareHost}, taking turns, {options.CompareRounds} rounds");
        (string Label, string Register, string File, int Rows, bool Again)[] imports =
        [
            ("psks", "psks", files.Psks, files.PsksRows, false), ("tmp", "tmp", files.Tmp, files.TmpRows, false),
            ("pmks", "pmks", files.Pmks, files.PmksRows, false), ("layanan", "layanan", files.Layanan, files.LayananRows, false),
            ("pmks again", "pmks", files.Pmks, files.PmksRows, true),
        ];
        var runs = new Dictionary<(string Build, string Label), List<ChildRun>>();
        for (var round = 1; round <= options.CompareRounds; round++)
        {
            var order = round % 2 == 1 ? builds : builds.Reverse().ToArray();
            var data = order.ToDictionary(b => b.Name, b => Path.Combine(work, $"data-{round}-{(b.Host is null ? "this" : "compared")}"));
            var startup = new Dictionary<string, TimeSpan>();
            foreach (var (name, host) in order)
            {
                Directory.CreateDirectory(data[name]);
                await ImportRunner.StartOnlyAsync(data[name], host);
                startup[name] = (await ImportRunner.StartOnlyAsync(data[name], host)).Wall;
            }
            Console.WriteLine($"  round {round}, first: {order[0].Name}; start-up alone {string.Join(", ", order.Select(b => $"{b.Name} {F.S(startup[b.Name])}"))}");
            foreach (var import in imports)
            {
                foreach (var (name, host) in order)
                {
                    var run = await ImportAsync(import.Register, import.File, data[name], import.Rows, startup[name], import.Again,
                        label: $"{import.Label}, {name}", host: host);
                    (runs.TryGetValue((name, import.Label), out var list) ? list : runs[(name, import.Label)] = []).Add(run);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"  {"import",-12} {"build",-11} {"wall (each round)",-24} {"rows/s (best)",14} {"peak (max)",11} {"cpu (min)",10}");
        foreach (var import in imports)
        {
            foreach (var (name, _) in builds)
            {
                var list = runs[(name, import.Label)];
                Console.WriteLine($"  {import.Label,-12} {name,-11} {string.Join(" ", list.Select(r => F.S(r.Wall))),-24} "
                    + $"{F.N(import.Rows / list.Min(r => r.Wall.TotalSeconds)),14} {F.Mb(list.Max(r => r.PeakKilobytes)),11} {list.Min(r => r.CpuSeconds),8:0.0} s");
            }
            Summary.Add(($"{import.Label}: this build / compared, best wall", F.Ratio(runs[("this build", import.Label)].Min(r => r.Wall.TotalSeconds)
                / runs[("compared", import.Label)].Min(r => r.Wall.TotalSeconds)), ""));
        }
    }

    private static async Task<ChildRun> ImportAsync(string register, string file, string data, int rows, TimeSpan startup, bool expectUnchanged, string? label = null,
        IEnumerable<string>? settings = null, string? host = null)
    {
        var run = await ImportRunner.ImportAsync(register, file, data, settings, host);
        var tally = run.Tally;
        var rate = rows / run.Wall.TotalSeconds;
        Console.WriteLine($"  {label ?? register,-22} {F.S(run.Wall),9} wall  {F.N(rate),9} rows/s  ({F.N(rows / Math.Max(0.001, (run.Wall - startup).TotalSeconds))} without start-up)  "
            + $"peak {F.Mb(run.PeakKilobytes),7}  cpu {run.CpuSeconds:0.0} s  exit {run.ExitCode}");
        Console.WriteLine($"  {"",-22} {run.Output.Split('\n')[0].Trim()}");
        if (tally is null || run.ExitCode != 0)
        {
            throw new BenchCheckException($"import {register} failed (exit {run.ExitCode}):\n{Head(run.Output, 20)}\n{Head(run.Error, 20)}");
        }
        if (tally.Refused > 0)
        {
            throw new BenchCheckException($"import {register} refused {tally.Refused} generated rows:\n{Head(run.Output, 20)}");
        }
        if (tally.Rows != rows)
        {
            throw new BenchCheckException($"import {register} read {tally.Rows} rows; the file has {rows}");
        }
        if (expectUnchanged ? tally.Unchanged != rows : tally.Inserted != rows)
        {
            var problem = expectUnchanged
                ? $"importing the same {register} file again changed rows: {tally.Inserted} new, {tally.Updated} updated, {tally.Unchanged} unchanged of {rows}"
                : $"the first import of {register} did not insert every row: {tally.Inserted} new, {tally.Updated} updated, {tally.Unchanged} unchanged of {rows}";
            Findings.Add(problem);
            Console.WriteLine($"  NOTE: {problem}");
        }
        return run;
    }

    /// <summary>The rows the imports left in DIR/kinerja.db, counted by sqlite3, against the files.</summary>
    private static async Task CheckStoredAsync(string database, GeneratedFiles files)
    {
        var output = await SqliteShell.RunAsync(database, """
            SELECT 'persons', COUNT(*) FROM pemberdayaan_persons;
            SELECT 'categories', COUNT(*) FROM pemberdayaan_person_categories;
            SELECT 'institutions', COUNT(*) FROM pemberdayaan_institutions;
            SELECT 'tmp', COUNT(*) FROM linjamsos_taman_makam_pahlawan;
            SELECT 'services', (SELECT COUNT(*) FROM pemberdayaan_services) + (SELECT COUNT(*) FROM rehabilitasi_services)
              + (SELECT COUNT(*) FROM linjamsos_services) + (SELECT COUNT(*) FROM uptlbk_services);
            """);
        var stored = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('|'))
            .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var wanted = new Dictionary<string, long>
        {
            ["persons"] = files.Persons,
            ["categories"] = files.PmksRows,
            ["institutions"] = files.PsksRows,
            ["tmp"] = files.TmpRows,
            ["services"] = files.LayananRows,
        };
        Console.WriteLine($"  stored (sqlite3): {string.Join(", ", stored.Select(p => $"{p.Key} {F.N(p.Value)}"))}");
        foreach (var (table, count) in wanted)
        {
            if (stored.GetValueOrDefault(table) != count)
            {
                throw new BenchCheckException($"the database in the data directory has {stored.GetValueOrDefault(table)} {table}; the files have {count} "
                    + "(did the import write elsewhere? a FILES/data folder beside the files would say so)");
            }
        }
    }

    // ---------------------------------------------------------------- Kinerja

    /// <summary>Drops the stock counts a host kept in the database, so that the next host counts again.</summary>
    private static Task ForgetKeptCountsAsync(string database) =>
        SqliteShell.ExecuteAsync(database, "DELETE FROM pemberdayaan_stock_counts;");

    /// <summary>The peak resident memory of a host on the same data that has answered only <c>{ __typename }</c>, its warm-up off: the floor of the host's memory.</summary>
    private static async Task<long> HostAtRestAsync(string data, IEnumerable<string>? settings = null)
    {
        SqliteConnection.ClearAllPools();
        await using var host = await HostProcess.StartAsync(data, TimeSpan.FromSeconds(180), ["--Kinerja:WarmUp=false", .. settings ?? []]);
        _runningHost = host;
        await Task.Delay(TimeSpan.FromSeconds(1));
        return host.PeakKilobytes ?? 0;
    }

    private static async Task<HostProcess> StartHostAsync(string data)
    {
        SqliteConnection.ClearAllPools();
        var host = await HostProcess.StartAsync(data, TimeSpan.FromSeconds(120));
        _runningHost = host;
        return host;
    }

    /// <summary>A client of the host process, signed in as the bench's administrator.</summary>
    private static async Task<KinerjaApi> ApiAsync(HostProcess host)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(10) };
        await GraphQLClient.SignInAsync(http);
        return new KinerjaApi(http);
    }

    /// <summary>
    /// Waits until the host is ready (its own warm-up of this year's counts has ended: timed counts must not share the machine
    /// with it), then warms JIT, EF's query cache and GraphQL up on <see cref="WarmupYear"/>: one iku (which counts that
    /// year's stocks at its own date, so nothing of 2026 is cached), then cached answers until the code is hot. Returns
    /// the time of the first warm-up request.
    /// </summary>
    private static async Task<double> WarmUpAsync(HostProcess host, KinerjaApi api)
    {
        await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(10));
        var body = KinerjaApi.IkuBody(WarmupYear, Quarter);
        var (first, _) = await api.TimedAsync(body);
        var value = KinerjaApi.ValueBody("IKU-1", WarmupYear, Quarter);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 30 || clock.Elapsed < TimeSpan.FromSeconds(2); i++)
        {
            await api.TimedAsync(i % 2 == 0 ? body : value);
        }
        return first;
    }

    private static string Same(string? reference, JsonElement answer, string what)
    {
        var signature = KinerjaApi.Signature(answer);
        if (reference is not null && reference != signature)
        {
            throw new BenchCheckException($"{what}: the iku answer differs from the first one.\n  first {reference}\n  now   {signature}");
        }
        return signature;
    }

    /// <summary>
    /// The figures to check, read after the timing: every REGISTER kegiatan's value (numerator), every
    /// stock's indicator (denominator), and by kecamatan the pmks.total and fakir_miskin.total indicators
    /// and two kegiatan.
    /// </summary>
    private static async Task<List<(string Code, string? Kecamatan, Figure Figure)>> KinerjaChecksAsync(
        KinerjaApi api, IReadOnlyList<string> kegiatan, IReadOnlyList<string> stocks, IReadOnlyDictionary<string, string?> stockIndicator, ExpectedCounts expected)
    {
        var asked = new List<(string Code, string? Kecamatan)>();
        asked.AddRange(kegiatan.Select(k => (k, (string?)null)));
        asked.AddRange(stocks.Where(s => stockIndicator[s] is not null).Select(s => (stockIndicator[s]!, (string?)null)).Distinct());
        var byKecamatan = new[] { stockIndicator.GetValueOrDefault("pmks.total"), stockIndicator.GetValueOrDefault("fakir_miskin.total"), "PERLINDUNGAN-1", "PEMULIHAN-1" }
            .OfType<string>().Where(c => kegiatan.Contains(c) || stockIndicator.Values.Contains(c)).Distinct().ToList();
        foreach (var k in Gresik.Kecamatan)
        {
            asked.AddRange(byKecamatan.Select(c => (c, (string?)k.Name)));
        }
        var clock = Stopwatch.StartNew();
        try
        {
            // A value costs a year's evaluation in the host's query budget: 40 of them fit in one request.
            var figures = new List<Figure>();
            foreach (var chunk in asked.Chunk(40))
            {
                figures.AddRange(await api.ValuesAsync(chunk, Year, Quarter));
            }
            Console.WriteLine($"  (checks: {asked.Count} value(...) read in requests of 40 in {F.S(clock.Elapsed)}, not timed above)");
            return asked.Select((a, i) => (a.Code, a.Kecamatan, figures[i])).ToList();
        }
        catch (BenchCheckException e)
        {
            Findings.Add($"the check values could not be read: {e.Message}");
            return [];
        }
    }

    /// <summary>What Kinerja said for a count: a kegiatan's numerator, a stock's indicator's denominator.</summary>
    private static long? KinerjaTotal(CountQuery query, List<Figure> iku, List<(string Code, string? Kecamatan, Figure Figure)> checks,
        IReadOnlyDictionary<string, string?> stockIndicator)
    {
        if (query.IsStock)
        {
            var indicator = stockIndicator.GetValueOrDefault(query.Code);
            var figure = checks.FirstOrDefault(c => c.Code == indicator && c.Kecamatan is null).Figure
                ?? iku.FirstOrDefault(f => f.Code == indicator);
            return figure?.Denominator is { } d ? (long)d : null;
        }
        var served = checks.FirstOrDefault(c => c.Code == query.Code && c.Kecamatan is null).Figure ?? iku.FirstOrDefault(f => f.Code == query.Code);
        return served?.Numerator is { } n ? (long)n : null;
    }

    private static void CheckCounts(IReadOnlyList<CountQuery> queries, FloorRun shell, FloorRun probe, ExpectedCounts expected,
        List<Figure> iku, List<(string Code, string? Kecamatan, Figure Figure)> checks, IReadOnlyDictionary<string, string?> stockIndicator)
    {
        var problems = new List<string>();
        foreach (var query in queries)
        {
            var exp = query.IsStock ? expected.Stocks[query.Code] : expected.ServedCounts[query.Code];
            var rows = shell.Find(query.Code)!.ByKecamatan;
            for (var k = 0; k < Gresik.Kecamatan.Length; k++)
            {
                var got = rows.GetValueOrDefault(Gresik.Kecamatan[k].Name);
                if (got != exp[k])
                {
                    problems.Add($"{query.Code} in {Gresik.Kecamatan[k].Name}: sqlite3 {got}, expected {exp[k]}");
                }
            }
            foreach (var extra in rows.Keys.Where(name => Gresik.IndexOf(name) < 0))
            {
                problems.Add($"{query.Code}: sqlite3 counts kecamatan '{extra}', not one of the 18");
            }
            if (probe.Find(query.Code)!.Total != shell.Find(query.Code)!.Total)
            {
                problems.Add($"{query.Code}: Microsoft.Data.Sqlite {probe.Find(query.Code)!.Total}, sqlite3 {shell.Find(query.Code)!.Total}");
            }
            var kinerja = KinerjaTotal(query, iku, checks, stockIndicator);
            if (kinerja != exp.Sum())
            {
                problems.Add($"{query.Code}: Kinerja {(kinerja?.ToString(CultureInfo.InvariantCulture) ?? "no figure")}, expected {exp.Sum()}");
            }
        }
        // The same figure in the iku tree and in value(...).
        foreach (var (code, kecamatan, figure) in checks.Where(c => c.Kecamatan is null))
        {
            if (iku.FirstOrDefault(f => f.Code == code) is { } node && (node.Numerator != figure.Numerator || node.Denominator != figure.Denominator))
            {
                problems.Add($"{code}: iku says {node.Numerator}/{node.Denominator}, value(...) says {figure.Numerator}/{figure.Denominator}");
            }
        }
        // By kecamatan.
        var checkedByKecamatan = 0;
        foreach (var (code, kecamatan, figure) in checks.Where(c => c.Kecamatan is not null))
        {
            var k = Gresik.IndexOf(kecamatan!);
            var stock = stockIndicator.FirstOrDefault(p => p.Value == code).Key;
            long? exp = stock is not null ? expected.Stocks[stock][k] : expected.ServedCounts.TryGetValue(code, out var served) ? served[k] : null;
            var got = stock is not null ? figure.Denominator : figure.Numerator;
            checkedByKecamatan++;
            if (exp is not null && got != exp)
            {
                problems.Add($"{code} in {kecamatan}: Kinerja {got?.ToString(CultureInfo.InvariantCulture) ?? "null"} ({figure.Status}), expected {exp}");
            }
        }
        var statuses = iku.GroupBy(f => f.Status).Select(g => $"{g.Count()} {g.Key}");
        Console.WriteLine($"  checked: every count by kecamatan in sqlite3 against the generator, totals of Microsoft.Data.Sqlite and of Kinerja, "
            + $"{checkedByKecamatan} Kinerja figures by kecamatan; iku nodes: {string.Join(", ", statuses)}");
        if (problems.Count == 0)
        {
            Console.WriteLine("  all counts agree.");
            Summary.Add(("counts: generator = sqlite3 = Microsoft.Data.Sqlite = Kinerja", $"{queries.Count} codes, by kecamatan where asked", "agree"));
        }
        else
        {
            foreach (var problem in problems.Take(40))
            {
                Console.WriteLine($"  DISAGREE: {problem}");
            }
            Findings.AddRange(problems);
            Summary.Add(("counts: generator = sqlite3 = Microsoft.Data.Sqlite = Kinerja", $"{problems.Count} disagreements", "PROBLEM"));
        }
    }

    // ---------------------------------------------------------------- the cache and a CLI import

    private static async Task CacheCheckAsync(RegisterGenerator generator, string filesDirectory, string data, string database,
        IReadOnlyDictionary<string, string?> stockIndicator)
    {
        if (stockIndicator.GetValueOrDefault("pmks.total") is not { } indicator)
        {
            return;
        }
        const int added = 1000;
        var delta = Path.Combine(filesDirectory, "pmks-tambahan.csv");
        generator.WriteNewFakirMiskin(delta, added, new DateOnly(2025, 1, 1));
        var body = KinerjaApi.ValueBody(indicator, Year, Quarter);
        double? before, after, restarted;
        await using (var host = await StartHostAsync(data))
        {
            var api = await ApiAsync(host);
            before = KinerjaApi.Read((await api.TimedAsync(body)).Data.GetProperty("value")).Denominator;
            var import = await ImportRunner.ImportAsync("pmks", delta, data);
            Console.WriteLine($"  host running; {indicator} denominator (pmks.total) {before}; CLI import of {added} new Fakir Miskin persons: {import.Output.Split('\n')[0].Trim()}");
            after = KinerjaApi.Read((await api.TimedAsync(body)).Data.GetProperty("value")).Denominator;
        }
        var truth = (await SqliteShell.RunAsync(database, CountQuery.Stock("pmks.total", QuarterEnd).LiteralSql + ";")).Split('\n')
            .Where(l => l.Contains('|', StringComparison.Ordinal)).Sum(l => long.Parse(l[(l.LastIndexOf('|') + 1)..], CultureInfo.InvariantCulture));
        await using (var host = await StartHostAsync(data))
        {
            restarted = KinerjaApi.Read((await (await ApiAsync(host)).TimedAsync(body)).Data.GetProperty("value")).Denominator;
        }
        Console.WriteLine($"  same host after the import: {after}; sqlite3 now: {truth}; a restarted host: {restarted}");
        if (after != truth)
        {
            var finding = $"stale stock: after `import pmks` by the CLI while a host ran, that host still answered pmks.total = {after} for {Year} TW{Quarter} "
                + $"(the database says {truth}; a restarted host says {restarted}). PemberdayaanStocks.Forget() runs only for imports in its own process.";
            Findings.Add(finding);
            Console.WriteLine($"  PROBLEM: {finding}");
            Summary.Add(("CLI import while a host runs", $"host kept {after}, database {truth}", "STALE"));
        }
        else
        {
            Summary.Add(("CLI import while a host runs", $"host follows ({after})", "ok"));
        }
    }

    // ---------------------------------------------------------------- printing

    private static void Heading(string text)
    {
        Console.WriteLine();
        Console.WriteLine(text);
    }

    private static string Verdict(bool met, string target) => $"{(met ? "MET" : "MISSED")} ({target})";

    private static void PrintSummary(TimeSpan elapsed)
    {
        Console.WriteLine();
        Console.WriteLine("Summary");
        var width = Summary.Max(s => s.What.Length);
        foreach (var (what, figure, verdict) in Summary)
        {
            Console.WriteLine($"  {what.PadRight(width)}  {figure}{(verdict.Length > 0 ? "  — " + verdict : "")}");
        }
        if (Findings.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine($"Correctness findings ({Findings.Count}):");
            foreach (var finding in Findings.Take(20))
            {
                Console.WriteLine($"  - {finding}");
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Whole run: {F.S(elapsed)}{Machine.LoadAverage("; load average at the end: ")}.");
    }

    private static void PrintMachine(Options options, string work)
    {
        Console.WriteLine("Kinerja registers benchmark");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), "
            + $"{F.Mb(ProcStatus.MemTotalKilobytes())} memory");
        Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}; bench GC {(GCSettings.IsServerGC ? "server" : "workstation")}");
#if DEBUG
        Console.WriteLine("  build: DEBUG — numbers are not representative; run with -c Release");
#else
        Console.WriteLine("  build: Release");
#endif
        Console.WriteLine($"  persons {F.N(options.Persons)}, services {F.N(options.Services)} a year {RegisterGenerator.FirstServiceYear}-{RegisterGenerator.LastServiceYear}, "
            + $"institutions {F.N(options.Institutions)}, seed {options.Seed}; cold runs {options.ColdRuns}, warm requests {options.WarmRequests}, floor passes {options.FloorRuns}");
        Console.WriteLine($"  work folder: {work}");
        var load = Machine.LoadAverage("load average ");
        Console.WriteLine($"  other load: {(load.Length > 0 ? load : "unknown")}");
    }

    private static long DatabaseSize(string data) =>
        Directory.EnumerateFiles(data, "kinerja.db*").Sum(f => new FileInfo(f).Length);

    private static string Head(string text, int lines) => string.Join('\n', text.Split('\n').Take(lines));

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {e.Message}");
        }
    }
}
