using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Kinerja.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the whole test run: made with initdb in a temporary directory the
/// first time a test needs it, stopped and deleted when the run ends. No Docker: the machine's own
/// PostgreSQL binaries, run as the postgres user when the tests run as root (initdb refuses root).
/// </summary>
public static class TestPostgres
{
    private const string User = "kinerja";

    private static readonly Lazy<Server> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new();

    /// <summary>
    /// The connection string of the database that belongs to <paramref name="key"/> (a test's data
    /// directory), made on first use: hosts started on the same data directory share one database, as
    /// they share one SQLite file.
    /// </summary>
    public static string DatabaseFor(string key) =>
        Databases.GetOrAdd(key, k => new Lazy<string>(() => Create(Name(k)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// Fills the database of <paramref name="key"/> (made on first use, as <see cref="DatabaseFor"/>) with a plain SQL dump
    /// of <c>pg_dump</c>, gzipped, through the server's own psql; returns its connection string.
    /// </summary>
    public static string Restore(string key, string gzippedDump)
    {
        var connectionString = DatabaseFor(key);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(Started.Value.Bin, "psql"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-q", "-v", "ON_ERROR_STOP=1", "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", User, "-d", builder.Database! })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var dump = new System.IO.Compression.GZipStream(File.OpenRead(gzippedDump), System.IO.Compression.CompressionMode.Decompress))
        {
            dump.CopyTo(process.StandardInput.BaseStream);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql gagal memuat {gzippedDump}: {output.Result}{error.Result}");
        }
        return connectionString;
    }

    private static string Name(string key) =>
        "k_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    private static string Create(string database) => Create(Started.Value, database);

    private static string Create(Server server, string database)
    {
        using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            command.ExecuteNonQuery();
        }
        return server.ConnectionString(database);
    }

    private static Server Start()
    {
        var server = Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Delete();
        return server;
    }

    /// <summary>
    /// A server of the caller's own, with one empty database <c>kinerja</c>: for a test that stops and starts the server
    /// under a running host. Disposing it stops the server and deletes its files.
    /// </summary>
    public static OwnServer StartOwn()
    {
        var server = Launch();
        var connectionString = Create(server, "kinerja");
        return new OwnServer(server, connectionString);
    }

    private static Server Launch()
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL tidak terpasang (initdb dan pg_ctl tidak ditemukan di /usr/lib/postgresql/*/bin maupun PATH): "
            + "jalankan apt-get install postgresql. Tes PostgreSQL tidak dilewati.");
        var directory = Path.Combine(Path.GetTempPath(), $"kinerja-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var port = FreePort();
        Run(bin, "initdb", "-D", directory, "-U", User, "--auth=trust", "--encoding=UTF8", "--no-locale");
        var server = new Server(bin, directory, port);
        server.Start();
        Watch(bin, directory);
        return server;
    }

    /// <summary>
    /// A shell that outlives this process by a moment: once the test run's process is gone (ended or killed
    /// before its exit handlers finished), it stops the server and deletes its directory.
    /// </summary>
    private static void Watch(string bin, string directory)
    {
        var stop = $"{(IsRoot ? "runuser -u postgres -- " : "")}'{Path.Combine(bin, "pg_ctl")}' -D '{directory}' -m immediate stop";
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "sh", "-c",
            $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; {stop}; rm -rf '{directory}'" })
        {
            start.ArgumentList.Add(arg);
        }
        Process.Start(start);
    }

    private static string? BinDirectory()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a PostgreSQL program, as the postgres user when we are root.</summary>
    private static void Run(string bin, string program, params string[] args)
    {
        var start = new ProcessStartInfo(IsRoot ? "runuser" : Path.Combine(bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (IsRoot)
        {
            foreach (var arg in new[] { "-u", "postgres", "--", Path.Combine(bin, program) })
            {
                start.ArgumentList.Add(arg);
            }
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} tidak selesai dalam 120 detik.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} gagal ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }

    /// <summary>A test's own server (<see cref="StartOwn"/>).</summary>
    public sealed class OwnServer : IDisposable
    {
        private readonly Server _server;

        internal OwnServer(Server server, string connectionString)
        {
            _server = server;
            ConnectionString = connectionString;
        }

        public string ConnectionString { get; }

        /// <summary>
        /// Stops the server as its administrator would (fast: clients cut off, what was committed kept), keeping its files.
        /// Not immediate: the shared server runs without synchronous commits, so a crash would lose the last commits.
        /// </summary>
        public void Stop() => _server.Stop("fast");

        /// <summary>Starts it again on the same port and files.</summary>
        public void Start() => _server.Start();

        public void Dispose() => _server.Delete();
    }

    internal sealed class Server(string bin, string directory, int port)
    {
        public string Bin => bin;

        public void Start() => Run(bin, "pg_ctl", "-D", directory, "-w", "-l", Path.Combine(directory, "server.log"), "start", "-o",
            $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500");

        public void Stop(string mode = "immediate") => Run(bin, "pg_ctl", "-D", directory, "-w", "-m", mode, "stop");

        public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = database,
            Username = User,
            // A run makes hundreds of databases, each with its pool: idle connections go soon, so the
            // server's connection limit is not taken by pools of tests that have ended.
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ToString();

        public void Delete()
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                Stop();
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
            finally
            {
                try
                {
                    Directory.Delete(directory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
}
