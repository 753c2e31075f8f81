using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kinerja.Tests.Support;

/// <summary>
/// The database a test's host runs on: its SQLite file in the test's data directory, or a fresh database
/// on a throwaway PostgreSQL server that the test run starts itself (<see cref="PostgreSqlServer"/>).
/// </summary>
public sealed class TestDatabase
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly string _dataDirectory;

    private TestDatabase(string engine, string dataDirectory, string? connectionString)
    {
        Engine = engine;
        _dataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public string Engine { get; }

    /// <summary>PostgreSQL's connection string; null on SQLite.</summary>
    public string? ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string engine, string dataDirectory) => engine switch
    {
        Sqlite => new TestDatabase(engine, dataDirectory, null),
        PostgreSql => new TestDatabase(engine, dataDirectory, await PostgreSqlServer.CreateDatabaseAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Sqlite or PostgreSql"),
    };

    /// <summary>The host's settings that choose this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => ConnectionString is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Kinerja:Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Kinerja"] = ConnectionString };

    /// <summary>The same settings as command-line switches, for the host run as a process.</summary>
    public IEnumerable<string> Switches => Settings.Select(s => $"--{s.Key}={s.Value}");

    /// <summary>A connection of the test's own, to look at the tables past the host.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = ConnectionString is null
            ? new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "kinerja.db")};Pooling=False")
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A module's table in plain SQL: in its schema on PostgreSQL (the schema is the table's prefix).</summary>
    public string Table(string table) => ConnectionString is null ? $"\"{table}\"" : $"\"{table[..table.IndexOf('_')]}\".\"{table}\"";
}

/// <summary>
/// One PostgreSQL server for the test run, made with initdb in a temporary directory and started with
/// pg_ctl (as the postgres user when the tests run as root, since initdb refuses root), stopped when the
/// run ends. Each test gets a database of its own on it.
/// </summary>
public static class PostgreSqlServer
{
    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static int _databases;

    /// <summary>A new, empty database; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"kinerja_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return $"{server};Database={name}";
    }

    private static async Task<string> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL tidak terpasang (apt-get install -y postgresql): uji pada PostgreSQL memerlukan initdb dan pg_ctl di /usr/lib/postgresql/*/bin.");
        }
        var directory = Path.Combine(Path.GetTempPath(), $"kinerja-tests-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", "postgres", directory);
        }
        var port = FreePort();
        await RunAsync(asRoot, Path.Combine(bin, "initdb"), "-D", directory, "-U", "kinerja", "--auth=trust", "-E", "UTF8");
        await RunAsync(asRoot, Path.Combine(bin, "pg_ctl"), "-D", directory, "-w", "-l", Path.Combine(directory, "server.log"), "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(asRoot, Path.Combine(bin, "pg_ctl"), "-D", directory, "-m", "immediate", "stop").GetAwaiter().GetResult();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temporary directory; the server is stopped.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=kinerja;Pooling=true";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsync(bool asPostgres, string program, params string[] args) =>
        asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, params string[] args)
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
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} gagal ({process.ExitCode}): {await output}{await error}");
        }
    }
}
