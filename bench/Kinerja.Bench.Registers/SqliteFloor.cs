using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Kinerja.Bench.Registers;

/// <summary>One pass of every count: the time of each, their sum, and the whole process's wall time.</summary>
internal sealed record FloorRun(IReadOnlyList<CountResult> Counts, TimeSpan Wall)
{
    public double TotalMilliseconds => Counts.Sum(c => c.Milliseconds);

    public double StockMilliseconds => Counts.Where(c => c.Code.Contains('.', StringComparison.Ordinal)).Sum(c => c.Milliseconds);

    public double ServedMilliseconds => TotalMilliseconds - StockMilliseconds;

    public CountResult? Find(string code) => Counts.FirstOrDefault(c => c.Code == code);
}

/// <summary>
/// The floor: the same counts as plain SQL in the sqlite3 shell (<c>.timer on</c>), a fresh sqlite3 process
/// per pass (so its page cache starts empty, as a freshly started host's does; the file is in the OS cache
/// for both).
/// </summary>
internal static class SqliteShell
{
    public const string Program = "/usr/bin/sqlite3";

    private const string Mark = "@@ ";

    public static bool Available => File.Exists(Program);

    public static async Task<string> VersionAsync(string database) =>
        (await RunAsync(database, "SELECT sqlite_version();\n")).Trim();

    public static async Task<FloorRun> CountAsync(string database, IReadOnlyList<CountQuery> queries)
    {
        var script = new StringBuilder();
        script.AppendLine(".headers off").AppendLine(".mode list").AppendLine(".separator |").AppendLine(".timer on");
        foreach (var query in queries)
        {
            script.Append(".print ").Append(Mark).AppendLine(query.Code);
            script.Append(query.LiteralSql.TrimEnd()).AppendLine(";");
        }
        var clock = Stopwatch.StartNew();
        var output = await RunAsync(database, script.ToString());
        var wall = clock.Elapsed;
        return new FloorRun(Parse(output, queries), wall);
    }

    /// <summary>EXPLAIN QUERY PLAN of each query, as sqlite3 prints it.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PlansAsync(string database, IReadOnlyList<CountQuery> queries)
    {
        var script = new StringBuilder();
        foreach (var query in queries)
        {
            script.Append(".print ").Append(Mark).AppendLine(query.Code);
            script.Append("EXPLAIN QUERY PLAN ").Append(query.LiteralSql.TrimEnd()).AppendLine(";");
        }
        var output = await RunAsync(database, script.ToString());
        var plans = new Dictionary<string, string>(StringComparer.Ordinal);
        string? code = null;
        var plan = new StringBuilder();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith(Mark, StringComparison.Ordinal))
            {
                if (code is not null)
                {
                    plans[code] = plan.ToString().TrimEnd();
                }
                code = line[Mark.Length..].Trim();
                plan.Clear();
            }
            else if (code is not null && line.Trim().Length > 0)
            {
                plan.AppendLine(line.TrimEnd());
            }
        }
        if (code is not null)
        {
            plans[code] = plan.ToString().TrimEnd();
        }
        return plans;
    }

    /// <summary>
    /// The person stocks in one pass (<see cref="CountQuery.PersonStocksOnePass"/>) in a fresh sqlite3 process:
    /// its time and each stock's rows by kecamatan.
    /// </summary>
    public static async Task<(double Milliseconds, IReadOnlyList<CountResult> Counts, string Plan)> OnePassAsync(string database, DateOnly at)
    {
        var sql = CountQuery.PersonStocksOnePass(at).TrimEnd();
        var plan = await RunAsync(database, $"EXPLAIN QUERY PLAN {sql};\n");
        var output = await RunAsync(database, $".headers off\n.mode list\n.separator |\n.timer on\n{sql};\n");
        var byStock = CountQuery.PersonStocks.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToList();
        double? milliseconds = null;
        foreach (var line in output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            if (line.StartsWith("Run Time:", StringComparison.Ordinal))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                milliseconds = double.Parse(fields[Array.IndexOf(fields, "real") + 1], CultureInfo.InvariantCulture) * 1000;
                continue;
            }
            var cells = line.Split('|');
            for (var i = 0; i < byStock.Count; i++)
            {
                byStock[i][cells[0]] = long.Parse(cells[i + 1], CultureInfo.InvariantCulture);
            }
        }
        if (milliseconds is null)
        {
            throw new BenchCheckException($"sqlite3 gave no time for the one-pass stocks:\n{output}");
        }
        var counts = CountQuery.PersonStocks.Select((s, i) => new CountResult(s.Code, milliseconds.Value, byStock[i])).ToList();
        return (milliseconds.Value, counts, plan.Trim());
    }

    /// <summary>
    /// The import's floor: sqlite3's <c>.import</c> of a PMKS file into a fresh file's table of the file's nine columns
    /// (as text) with the unique key Kinerja keeps its categories by, in WAL mode with the page cache Kinerja's imports
    /// take (64 MB). The process's wall time, the table made beforehand by another process.
    /// </summary>
    public static async Task<TimeSpan> ImportFloorAsync(string directory, string csv)
    {
        var database = Path.Combine(directory, "import-floor.db");
        await ExecuteAsync(database, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE import_floor (nik text, nama text, jenis_kelamin text, tanggal_lahir text, desa text, kecamatan text,
                kategori text, mulai text, selesai text, UNIQUE (nik, kategori, mulai));
            """);
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(database, $"PRAGMA cache_size = -65536;\n.import --csv --skip 1 '{csv.Replace("'", "''")}' import_floor\n");
        var wall = clock.Elapsed;
        foreach (var file in Directory.GetFiles(directory, "import-floor.db*"))
        {
            File.Delete(file);
        }
        return wall;
    }

    /// <summary>Runs a statement that writes (the bench's own housekeeping, such as forgetting kept counts).</summary>
    public static Task<string> ExecuteAsync(string database, string script) => RunAsync(database, script, readOnly: false);

    /// <summary>Runs a statement or a few and returns what they print (for one count, say).</summary>
    public static Task<string> RunAsync(string database, string script) => RunAsync(database, script, readOnly: true);

    private static async Task<string> RunAsync(string database, string script, bool readOnly)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-batch");
        if (readOnly)
        {
            start.ArgumentList.Add("-readonly");
        }
        start.ArgumentList.Add(database);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Program} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        var error = await stderr;
        if (process.ExitCode != 0 || error.Trim().Length > 0)
        {
            throw new BenchCheckException($"{Program} failed (exit {process.ExitCode}): {error.Trim()}");
        }
        return await stdout;
    }

    private static List<CountResult> Parse(string output, IReadOnlyList<CountQuery> queries)
    {
        var results = new List<CountResult>();
        string? code = null;
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(Mark, StringComparison.Ordinal))
            {
                code = line[Mark.Length..].Trim();
                rows = new Dictionary<string, long>(StringComparer.Ordinal);
            }
            else if (line.StartsWith("Run Time:", StringComparison.Ordinal))
            {
                // Run Time: real 0.512 user 0.480000 sys 0.030000
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var real = double.Parse(fields[Array.IndexOf(fields, "real") + 1], CultureInfo.InvariantCulture);
                if (code is not null)
                {
                    results.Add(new CountResult(code, real * 1000, rows));
                    code = null;
                }
            }
            else if (code is not null && line.Length > 0)
            {
                var bar = line.LastIndexOf('|');
                rows[line[..bar]] = long.Parse(line[(bar + 1)..], CultureInfo.InvariantCulture);
            }
        }
        if (results.Count != queries.Count)
        {
            throw new BenchCheckException($"sqlite3 answered {results.Count} timed counts for {queries.Count} queries:\n{output}");
        }
        return results;
    }
}

/// <summary>
/// The same statements as Kinerja sends them (parameters bound, DateOnly values) through Microsoft.Data.Sqlite
/// in this process: the SQLite build the host runs, without the host. It tells an engine difference (the
/// bundled SQLite against /usr/bin/sqlite3) from Kinerja's own overhead.
/// </summary>
internal static class EngineProbe
{
    public static string Version(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return (string)command.ExecuteScalar()!;
    }

    public static FloorRun Count(string database, IReadOnlyList<CountQuery> queries)
    {
        var clock = Stopwatch.StartNew();
        using var connection = Open(database);
        var results = new List<CountResult>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            using var command = connection.CreateCommand();
            command.CommandText = query.Sql;
            for (var i = 0; i < query.Parameters.Count; i++)
            {
                command.Parameters.AddWithValue($"@p{i}", query.Parameters[i]);
            }
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
            results.Add(new CountResult(query.Code, Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows));
        }
        return new FloorRun(results, clock.Elapsed);
    }

    private static SqliteConnection Open(string database)
    {
        // Not pooled: a new connection (and an empty page cache) per pass, and nothing left holding the file.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
