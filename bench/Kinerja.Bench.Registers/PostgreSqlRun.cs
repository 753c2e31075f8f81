using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kinerja.Bench.Registers;

/// <summary>
/// The registers bench on PostgreSQL (<c>--engine postgresql</c>): the same generated files imported by the
/// host's CLI on a throwaway PostgreSQL server the bench starts, the same 2026 triwulan counted cold through
/// GraphQL, and as the floor the same statements in <c>psql</c> (\timing), every count checked against the generator.
/// </summary>
internal static partial class RegistersBench
{
    private static async Task RunOnPostgreSqlAsync(Options options, string work)
    {
        var filesDirectory = Path.Combine(work, "files");
        var data = Path.Combine(work, "data");
        Directory.CreateDirectory(data);

        Heading("1. Generating the registers");
        var generator = new RegisterGenerator(options.Seed);
        var files = generator.Write(filesDirectory, options.Persons, options.Services, options.Institutions);
        var expected = generator.ExpectedCounts(QuarterEnd, QuarterStart, QuarterEnd);
        Console.WriteLine($"  pmks.csv {F.Bytes(GeneratedFiles.Size(files.Pmks))}, {F.N(files.PmksRows)} rows, {F.N(files.Persons)} persons; "
            + $"layanan.csv {F.N(files.LayananRows)} rows; psks.csv {F.N(files.PsksRows)}; tmp.csv {F.N(files.TmpRows)}");

        await using var server = await PostgreSqlServer.StartAsync(Path.Combine(work, "pg"));
        Console.WriteLine($"  PostgreSQL {server.Version} at 127.0.0.1:{server.Port} (fsync off, as a throwaway server; shared_buffers 128 MB, the default)");
        string[] settings = ["--Kinerja:Database:Provider=PostgreSQL", $"--ConnectionStrings:Kinerja={server.ConnectionString}"];

        Heading("2. Imports by the host's CLI, each a child process, on PostgreSQL (COPY into a stage, merged by key)");
        var startOnly = await ImportRunner.RunHostAsync(["import", $"--Kinerja:DataDirectory={data}", .. settings], data);
        var startup = (await ImportRunner.RunHostAsync(["import", $"--Kinerja:DataDirectory={data}", .. settings], data)).Wall;
        Console.WriteLine($"  start-up alone: first {F.S(startOnly.Wall)} (migrates the schemas), then {F.S(startup)}");
        await HostProcess.CreateAdminAsync(data, settings);
        await ImportAsync("psks", files.Psks, data, files.PsksRows, startup, expectUnchanged: false, settings: settings);
        await ImportAsync("tmp", files.Tmp, data, files.TmpRows, startup, expectUnchanged: false, settings: settings);
        var pmks = await ImportAsync("pmks", files.Pmks, data, files.PmksRows, startup, expectUnchanged: false, settings: settings);
        var layanan = await ImportAsync("layanan", files.Layanan, data, files.LayananRows, startup, expectUnchanged: false, settings: settings);
        var again = await ImportAsync("pmks", files.Pmks, data, files.PmksRows, startup, expectUnchanged: true, label: "pmks again (same file)", settings: settings);
        Console.WriteLine($"  database after the imports: {F.Bytes(await server.DatabaseBytesAsync())}");
        var copy = await server.CopyFloorAsync(files.Pmks);
        Console.WriteLine($"  the floor: psql's \\copy of pmks.csv into a table of its nine columns (text) with the categories' unique key "
            + $"(NIK, Kategori PMKS, Tanggal Mulai): {F.S(copy)}, {F.N(files.PmksRows / copy.TotalSeconds)} rows/s");
        Growth.Import = (pmks.Wall, copy, files.PmksRows);
        Growth.Reimport = again.Wall;
        Growth.ImportPeakKilobytes = Math.Max(pmks.PeakKilobytes, again.PeakKilobytes);
        Summary.Add(("pmks import, 1st", $"{F.S(pmks.Wall)} wall, {F.N(files.PmksRows / pmks.Wall.TotalSeconds)} rows/s "
            + $"({F.N(files.PmksRows / (pmks.Wall - startup).TotalSeconds)} rows/s without the {F.S(startup)} start-up), peak {F.Mb(pmks.PeakKilobytes)}; "
            + $"psql \\copy {F.S(copy)} → {F.Ratio(copy / pmks.Wall)} of its rate", ""));
        Summary.Add(($"layanan import, {F.N(files.LayananRows)} rows", $"{F.S(layanan.Wall)}, {F.N(files.LayananRows / layanan.Wall.TotalSeconds)} rows/s, peak {F.Mb(layanan.PeakKilobytes)}", ""));
        Summary.Add(("pmks import, same file again", $"{F.S(again.Wall)}, {F.N(files.PmksRows / again.Wall.TotalSeconds)} rows/s, {F.Ratio(again.Wall / pmks.Wall)} of the 1st",
            again.Tally is { } t && t.Unchanged == files.PmksRows ? "all 'tidak berubah'" : "NOT all unchanged"));

        Heading($"3. Counting through GraphQL against a host process on PostgreSQL, {Year} triwulan {Quarter}");
        IReadOnlyList<string> codes;
        IReadOnlyDictionary<string, string> kegiatanModules;
        IReadOnlyDictionary<string, List<string>> stockIndicators;
        await using (var host = await StartPostgreSqlHostAsync(data, settings))
        {
            var api = await ApiAsync(host);
            codes = await api.SourcesAsync(Year);
            await api.SetRegisterAsync(codes, Year);
            await api.SetRegisterAsync(await api.SourcesAsync(WarmupYear), WarmupYear);
            kegiatanModules = await api.KegiatanModulesAsync();
            stockIndicators = await api.StockIndicatorsAsync(Year);
        }
        var stocks = codes.Where(c => !kegiatanModules.ContainsKey(c)).ToList();
        var kegiatan = codes.Where(kegiatanModules.ContainsKey).ToList();
        var stockIndicator = stocks.ToDictionary(s => s, s => stockIndicators.TryGetValue(s, out var list) ? list[0] : null, StringComparer.Ordinal);
        foreach (var code in kegiatan.Where(c => !expected.ServedCounts.ContainsKey(c)))
        {
            expected.Served(code);
        }
        var ikuBody = KinerjaApi.IkuBody(Year, Quarter);
        var coldCounts = new Samples("cold counts, warm code");
        var restarted = new Samples("restarted host, registers unchanged");
        var restartedFloor = new Samples("restarted host, its first { __typename }");
        var warmIku = new Samples("warm iku");
        long hostPeak = 0;
        var dropped = DropOsCache();
        Console.WriteLine(dropped
            ? "  every cold figure below (Kinerja's and psql's) is taken after the OS page cache is dropped (sync; echo 3 > /proc/sys/vm/drop_caches)"
            : "  the OS page cache cannot be dropped here (not root): the cold figures below read a warm page cache");
        string? reference = null;
        List<Figure> ikuFigures = [];
        var checkFigures = new List<(string Code, string? Kecamatan, Figure Figure)>();
        for (var run = 1; run <= options.ColdRuns; run++)
        {
            await server.ExecuteAsync("DELETE FROM pemberdayaan.pemberdayaan_stock_counts");
            await using (var host = await StartPostgreSqlHostAsync(data, settings))
            {
                var api = await ApiAsync(host);
                await WarmUpAsync(host, api);
                DropOsCache();
                var (ms, answer) = await api.TimedAsync(ikuBody);
                coldCounts.Add(ms);
                reference = Same(reference, answer, "cold counts");
                for (var i = 0; i < options.WarmRequests + 3; i++)
                {
                    var (warm, warmAnswer) = await api.TimedAsync(ikuBody);
                    reference = Same(reference, warmAnswer, "warm iku");
                    if (i >= 3)
                    {
                        warmIku.Add(warm);
                    }
                }
                if (run == options.ColdRuns)
                {
                    ikuFigures = KinerjaApi.Nodes(answer).ToList();
                    checkFigures = await KinerjaChecksAsync(api, kegiatan, stocks, stockIndicator, expected);
                }
                hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            }
            await using (var host = await StartPostgreSqlHostAsync(data, settings))
            {
                var (ms, answer) = await (await ApiAsync(host)).TimedAsync(ikuBody);
                restarted.Add(ms);
                restartedFloor.Add(host.FirstAnswerMilliseconds);
                reference = Same(reference, answer, "restarted host");
                hostPeak = Math.Max(hostPeak, host.PeakKilobytes ?? 0);
            }
            Console.WriteLine($"  run {run}/{options.ColdRuns}: first {Year} TW{Quarter} iku after warming up on {WarmupYear}: {F.Ms(coldCounts.Last)}; "
                + $"restarted host, counts kept: {F.Ms(restarted.Last)}");
        }

        Heading("4. The floor: the same statements in psql (\\timing), a fresh psql process per pass");
        var queries = stocks.Select(s => CountQuery.Stock(s, QuarterEnd))
            .Concat(kegiatan.Select(k => CountQuery.Served(k, kegiatanModules[k], QuarterStart, QuarterEnd)))
            .ToList();
        var personStocks = CountQuery.PersonStocks.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var floors = new List<double>();
        for (var pass = 0; pass < options.FloorRuns; pass++)
        {
            // Kinerja's statements as it sends them: the person stocks in one pass, the other counts one by one.
            var statements = new List<string> { CountQuery.PersonStocksOnePassPostgreSql(QuarterEnd) };
            statements.AddRange(queries.Where(q => !personStocks.Contains(q.Code)).Select(q => q.LiteralSql));
            DropOsCache();
            var (times, results) = await server.TimedAsync(statements);
            floors.Add(times.Sum());
            Console.WriteLine($"  pass {pass + 1}: {F.Ms(times.Sum())} (one-pass person stocks {F.Ms(times[0])}, the rest {F.Ms(times.Skip(1).Sum())})");
            if (pass == 0)
            {
                CheckPsql(queries.Where(q => !personStocks.Contains(q.Code)).ToList(), results.Skip(1).ToList(), expected);
                var onePass = results[0];
                for (var i = 0; i < CountQuery.PersonStocks.Length; i++)
                {
                    var code = CountQuery.PersonStocks[i].Code;
                    var total = onePass.Sum(row => long.Parse(row[i + 1], CultureInfo.InvariantCulture));
                    if (expected.Stocks.TryGetValue(code, out var want) && total != want.Sum())
                    {
                        throw new BenchCheckException($"psql's one pass counts {total} for {code}; the generator says {want.Sum()}");
                    }
                }
            }
        }
        foreach (var query in queries)
        {
            var want = query.IsStock ? expected.Stocks[query.Code].Sum() : expected.ServedCounts[query.Code].Sum();
            if (KinerjaTotal(query, ikuFigures, checkFigures, stockIndicator) is { } got && got != want)
            {
                throw new BenchCheckException($"Kinerja on PostgreSQL counts {got} for {query.Code}; the generator says {want}");
            }
        }
        Console.WriteLine($"  every count of Kinerja and of psql equals the generator's ({queries.Count} codes)");
        // Each pass reads from the disk as Kinerja's cold counts do (the page cache dropped before each): their median against Kinerja's.
        var sorted = floors.Order().ToList();
        var floor = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        var atRest = await HostAtRestAsync(data, settings);
        Console.WriteLine($"  warm iku {warmIku.Describe()}; host peak (VmHWM) over the runs {F.Mb(hostPeak)}; a host that answered only {{ __typename }}, its warm-up off: {F.Mb(atRest)}");
        Growth.Counts = (coldCounts.Median, floor);
        Growth.Restarted = (restarted.Median, restartedFloor.Median);
        Growth.HostPeak = (hostPeak, atRest);
        Summary.Add(($"{Year} TW{Quarter} counts, Kinerja cold (after warm-up)", $"{F.Ms(coldCounts.Median)} (runs: {coldCounts.All()}); psql floor, median pass {F.Ms(floor)} (passes: {string.Join(", ", floors.Select(F.Ms))}) → {F.Ratio(coldCounts.Median / floor)}", ""));
        Summary.Add(($"{Year} TW{Quarter}, first request of a restarted host, registers unchanged", F.Ms(restarted.Median), ""));
    }

    /// <summary>
    /// Writes dirty pages out and drops the OS page cache (root only; for the whole machine): the next read of a page that
    /// is not in PostgreSQL's own shared buffers (which survive) comes from the disk.
    /// </summary>
    private static bool DropOsCache()
    {
        try
        {
            using (var sync = Process.Start("sync"))
            {
                sync?.WaitForExit();
            }
            File.WriteAllText("/proc/sys/vm/drop_caches", "3");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<HostProcess> StartPostgreSqlHostAsync(string data, string[] settings)
    {
        var host = await HostProcess.StartAsync(data, TimeSpan.FromSeconds(180), settings);
        _runningHost = host;
        return host;
    }

    private static void CheckPsql(IReadOnlyList<CountQuery> queries, IReadOnlyList<List<string[]>> results, ExpectedCounts expected)
    {
        for (var i = 0; i < queries.Count; i++)
        {
            var total = results[i].Sum(row => long.Parse(row[1], CultureInfo.InvariantCulture));
            var want = queries[i].IsStock ? expected.Stocks[queries[i].Code].Sum() : expected.ServedCounts[queries[i].Code].Sum();
            if (total != want)
            {
                throw new BenchCheckException($"psql counts {total} for {queries[i].Code}; the generator says {want}");
            }
        }
    }
}

/// <summary>A throwaway PostgreSQL server for the bench: initdb and pg_ctl in the bench's folder (as postgres when root).</summary>
internal sealed class PostgreSqlServer : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private PostgreSqlServer(string bin, string directory, int port, string version)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        Version = version;
    }

    public int Port { get; }

    public string Version { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=kinerja;Username=kinerja;Timeout=60;Command Timeout=0";

    private static bool Root => Environment.UserName == "root";

    public static async Task<PostgreSqlServer> StartAsync(string directory)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new BenchCheckException("PostgreSQL is missing (apt-get install postgresql): the bench needs initdb, pg_ctl and psql.");
        }
        Directory.CreateDirectory(directory);
        if (Root)
        {
            await RunAsync("chown", ["postgres", directory]);
            await RunAsync("chmod", ["755", Path.GetDirectoryName(directory)!]);
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", directory, "-U", "kinerja", "--auth=trust", "--encoding=UTF8", "--no-locale"]);
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", directory, "-w", "-l", Path.Combine(directory, "server.log"), "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"]);
        var server = new PostgreSqlServer(bin, directory, port, "");
        await server.PsqlAsync("postgres", "CREATE DATABASE kinerja");
        var version = (await server.PsqlAsync("kinerja", "SHOW server_version")).Trim();
        return new PostgreSqlServer(bin, directory, port, version);
    }

    public Task ExecuteAsync(string sql) => PsqlAsync("kinerja", sql);

    /// <summary>
    /// The import's floor: psql's <c>\copy</c> of a PMKS file into a table of the file's nine columns (as text) with the
    /// unique key Kinerja keeps its categories by, in a fresh table.
    /// </summary>
    public async Task<TimeSpan> CopyFloorAsync(string csv)
    {
        var output = await PsqlAsync("kinerja", $"""
            CREATE TABLE copy_floor (nik text, nama text, jenis_kelamin text, tanggal_lahir text, desa text, kecamatan text,
                kategori text, mulai text, selesai text, UNIQUE (nik, kategori, mulai));
            \timing on
            \copy copy_floor FROM '{csv.Replace("'", "''")}' WITH (FORMAT csv, HEADER true)
            \timing off
            DROP TABLE copy_floor;
            """);
        var time = output.Split('\n').Single(l => l.StartsWith("Time: ", StringComparison.Ordinal));
        return TimeSpan.FromMilliseconds(double.Parse(time.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    public async Task<long> DatabaseBytesAsync() =>
        long.Parse((await PsqlAsync("kinerja", "SELECT pg_database_size('kinerja')")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Runs statements in one psql session with \timing on; each one's milliseconds and rows.</summary>
    public async Task<(List<double> Milliseconds, List<List<string[]>> Rows)> TimedAsync(IReadOnlyList<string> statements)
    {
        var script = "\\timing on\nSET search_path = pemberdayaan, linjamsos, rehabilitasi, uptlbk, sekretariat;\n"
            + string.Concat(statements.Select(s => s.TrimEnd().TrimEnd(';') + ";\n"));
        var output = await PsqlAsync("kinerja", script);
        var times = new List<double>();
        var rows = new List<List<string[]>>();
        var current = new List<string[]>();
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            if (line.StartsWith("Time: ", StringComparison.Ordinal))
            {
                times.Add(double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
                rows.Add(current);
                current = [];
            }
            else if (line.Contains('|', StringComparison.Ordinal))
            {
                current.Add(line.Split('|'));
            }
        }
        // The SET's own time comes first.
        return (times.Skip(1).ToList(), rows.Skip(1).ToList());
    }

    private async Task<string> PsqlAsync(string database, string script)
    {
        var start = new ProcessStartInfo(Path.Combine(_bin, "psql"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "kinerja", "-d", database,
                     "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BenchCheckException($"psql failed ({process.ExitCode}): {await error}");
        }
        return await output;
    }

    private static Task RunAsPostgresAsync(string program, string[] args) =>
        Root ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new BenchCheckException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _directory, "-m", "immediate", "stop"]);
    }
}
