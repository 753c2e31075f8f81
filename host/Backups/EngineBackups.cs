using System.Diagnostics;
using Kinerja.Shared.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kinerja.Host.Backups;

/// <summary>A backup file that cannot be written, read or restored; the message says why, for the administrator.</summary>
internal sealed class BackupException(string message) : Exception(message);

/// <summary>What a backup is on one engine: how it is written while the host serves, checked, and restored.</summary>
internal interface IEngineBackup
{
    /// <summary>The file's ending: <c>.db</c> (a SQLite database) or <c>.pgdump</c> (pg_dump's custom format).</summary>
    string Extension { get; }

    /// <summary>The configured database, as the administrator names it: a file, or a database on a server.</summary>
    string Where { get; }

    /// <summary>Writes a consistent copy of the whole database into <paramref name="file"/>, which exists, empty and owner-only.</summary>
    Task WriteAsync(string file, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="file"/> through and throws <see cref="BackupException"/> unless it is a whole backup of Kinerja.</summary>
    Task CheckAsync(string file, CancellationToken cancellationToken);

    /// <summary>Some of the tables the configured database already holds; none when it is empty (or not there yet).</summary>
    Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Puts a checked backup in place of the configured database; <paramref name="replace"/> allows one that holds tables.
    /// Answers where the data it replaced was kept, if anywhere.
    /// </summary>
    Task<string?> RestoreAsync(string file, bool replace, CancellationToken cancellationToken);
}

/// <summary>
/// SQLite's online backup API: a copy of every page under one read transaction, so writers go on (WAL) and the copy is
/// the database as of one moment, which a file copy of a database being written is not.
/// </summary>
internal sealed class SqliteEngineBackup(string connectionString) : IEngineBackup
{
    public string Extension => ".db";

    public string Where => DatabaseFile;

    private string DatabaseFile => new SqliteConnectionStringBuilder(connectionString).DataSource;

    public Task WriteAsync(string file, CancellationToken cancellationToken) => Task.Run(() =>
    {
        using var source = new SqliteConnection(connectionString);
        source.Open();
        Copy(source, file, journalMode: "DELETE");
    }, cancellationToken);

    // The copy is left in rollback-journal mode: one self-contained file, without -wal and -shm beside it.
    private static void Copy(SqliteConnection source, string file, string journalMode)
    {
        using var target = new SqliteConnection(Unpooled(file));
        target.Open();
        source.BackupDatabase(target);
        using var command = target.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode={journalMode};";
        command.ExecuteScalar();
    }

    private static string Unpooled(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = mode }.ToString();

    public Task CheckAsync(string file, CancellationToken cancellationToken) => Task.Run(() =>
    {
        try
        {
            using var connection = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            if (command.ExecuteScalar() is not "ok")
            {
                throw new BackupException($"{file}: berkas SQLite rusak (quick_check tidak ok).");
            }
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{DataVersionTable}';";
            if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new BackupException($"{file}: basis data SQLite, tetapi bukan cadangan Kinerja (tidak ada tabel {DataVersionTable}).");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{file}: bukan berkas SQLite yang utuh ({e.Message}).");
        }
    }, cancellationToken);

    private const string DataVersionTable = "host_data_version";

    public Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken) => Task.Run<IReadOnlyList<string>>(() =>
    {
        if (!File.Exists(DatabaseFile) || new FileInfo(DatabaseFile).Length == 0)
        {
            return [];
        }
        using var connection = new SqliteConnection(Unpooled(DatabaseFile, SqliteOpenMode.ReadOnly));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 6;";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }, cancellationToken);

    // Written beside the database under another name and moved in place, so that no moment leaves a half-restored
    // file under the database's name; a replaced database is moved aside, not deleted.
    public Task<string?> RestoreAsync(string file, bool replace, CancellationToken cancellationToken) => Task.Run(() =>
    {
        var database = DatabaseFile;
        if (!Directory.Exists(Path.GetDirectoryName(database)))
        {
            BackupFiles.CreateOwnerOnlyDirectory(Path.GetDirectoryName(database)!);
        }
        if (replace && File.Exists(database))
        {
            SetAsideMode(database);
        }
        var restoring = database + ".memulihkan";
        File.Delete(restoring);
        BackupFiles.CreateOwnerOnly(restoring).Dispose();
        using (var source = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly)))
        {
            source.Open();
            Copy(source, restoring, journalMode: "WAL");
        }
        string? keptAt = null;
        if (File.Exists(database))
        {
            if (!replace)
            {
                throw new BackupException($"{database} sudah ada; pemulihan ke atasnya memerlukan --replace.");
            }
            keptAt = $"{database}.sebelum-pemulihan-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
            File.Move(database, keptAt);
        }
        File.Move(restoring, database);
        return keptAt;
    }, cancellationToken);

    // The database to be replaced leaves WAL mode, which folds its -wal into the file (the one kept aside is then whole)
    // and is refused while another process has it open: a host still running would go on writing into the file set aside.
    private static void SetAsideMode(string database)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(Unpooled(database)) { DefaultTimeout = 2 }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout = 2000;";
            command.ExecuteNonQuery();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            if (command.ExecuteScalar() is not "delete")
            {
                throw new BackupException($"{database} sedang dibuka proses lain (host masih berjalan?): hentikan host dulu, lalu pulihkan.");
            }
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{database} sedang dibuka proses lain (host masih berjalan?): hentikan host dulu, lalu pulihkan ({e.Message}).");
        }
    }
}

/// <summary>
/// pg_dump's custom format, written by the server's own client programs (taken from /usr/lib/postgresql/N/bin, the
/// newest, or the PATH), given the connection through the environment so no password shows in a process list.
/// </summary>
internal sealed class PostgreSqlEngineBackup(string connectionString) : IEngineBackup
{
    public string Extension => ".pgdump";

    public string Where => new NpgsqlConnectionStringBuilder(connectionString) is var c ? $"basis data {c.Database} di {c.Host}:{c.Port}" : "";

    public async Task WriteAsync(string file, CancellationToken cancellationToken) =>
        await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={file}"], cancellationToken);

    public async Task CheckAsync(string file, CancellationToken cancellationToken)
    {
        string list;
        try
        {
            list = await RunAsync("pg_restore", ["--list", file], cancellationToken);
        }
        catch (BackupException e)
        {
            throw new BackupException($"{file}: bukan cadangan pg_dump (format custom) yang utuh: {e.Message}");
        }
        if (!list.Contains($"TABLE {DataVersionContext.Schema} host_data_version", StringComparison.Ordinal))
        {
            throw new BackupException($"{file}: cadangan PostgreSQL, tetapi bukan cadangan Kinerja (tidak ada tabel {DataVersionContext.Schema}.host_data_version).");
        }
    }

    public async Task<IReadOnlyList<string>> TablesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT table_schema || '.' || table_name FROM information_schema.tables
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1 LIMIT 6
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tables = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add(reader.GetString(0));
            }
            return tables;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new BackupException($"basis data '{new NpgsqlConnectionStringBuilder(connectionString).Database}' belum ada: buat dulu (createdb), kosong, lalu pulihkan ke dalamnya.");
        }
    }

    // One transaction: a restore that fails leaves the database as it was.
    public async Task<string?> RestoreAsync(string file, bool replace, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        if (replace && await OthersConnectedAsync(cancellationToken) is > 0 and var others)
        {
            throw new BackupException($"basis data {database} sedang dipakai {others} koneksi lain (host masih berjalan?): hentikan semua host dulu, lalu pulihkan.");
        }
        await RunAsync("pg_restore", [.. (replace ? new[] { "--clean", "--if-exists" } : []),
            "--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", $"--dbname={database}", file], cancellationToken);
        return null;
    }

    private async Task<long> OthersConnectedAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Where pg_dump and pg_restore are taken from; null when they are not installed.</summary>
    public static string? Tool(string name)
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", name))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    private async Task<string> RunAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var path = Tool(tool) ?? throw new BackupException(
            $"{tool} tidak ditemukan (di /usr/lib/postgresql/*/bin maupun PATH): pasang klien PostgreSQL (apt-get install postgresql-client) dengan versi yang sama atau lebih baru dari server.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            var why = (await error).Trim();
            throw new BackupException($"{tool} gagal ({process.ExitCode}): {(why.Length > 2000 ? why[..2000] + " ..." : why)}");
        }
        return await output;
    }
}
