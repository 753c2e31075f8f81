using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>
/// Backups taken while the host serves and writes, restored into a new place, hold every write accepted before them with
/// its audit row, and nothing half-written; a host killed while it writes a scheduled backup leaves no file under a final name.
/// </summary>
public abstract class BackupTests(DatabaseEngine engine)
{
    public sealed class OnSqlite() : BackupTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : BackupTests(DatabaseEngine.PostgreSql);

    private static readonly string[] Codes = ["PEMULIHAN-1", "PERLINDUNGAN-1"];

    private static readonly Dictionary<string, string?> Unthrottled = new()
    {
        ["Kinerja:RateLimit:PermitsPerMinute"] = "0",
        ["Kinerja:Backup:Schedule"] = "off",
    };

    private string Extension => engine == DatabaseEngine.PostgreSql ? ".pgdump" : ".db";

    private const string Record = """
        mutation($c: String!, $q: Int!, $v: Float!) { recordRealization(input: { indicator: $c, year: 2026, quarter: $q, value: $v }) { status } }
        """;

    [Fact]
    public async Task Given_writers_running_When_backed_up_and_restored_into_a_new_place_Then_every_write_accepted_before_is_there_with_its_audit_row()
    {
        using var data = new TempDirectory();
        using var restored = new TempDirectory();
        var file = Path.Combine(data.Path, "salinan", "cadangan" + Extension);
        var before = new int[Codes.Length];
        var total = new int[Codes.Length];
        await using (var host = new KinerjaHost(data.Path, settings: Unthrottled, engine: engine))
        {
            var token = await host.SignInAsync("admin-cadangan", Roles.Admin, null);
            var accepted = new int[Codes.Length];
            using var stop = new CancellationTokenSource();
            // Each writer enters 0, 1, 2, ... into the four triwulan in turn: what a restored database holds tells how many it kept.
            var writers = Codes.Select((code, w) => Task.Run(async () =>
            {
                for (var k = 0; !stop.IsCancellationRequested; k++)
                {
                    (await host.QueryAsAsync(token, Record, new { c = code, q = k % 4 + 1, v = (double)k })).Ok();
                    Volatile.Write(ref accepted[w], k + 1);
                }
            })).ToArray();
            await Eventually.TrueAsync(() => accepted.All(a => Volatile.Read(ref a) >= 10), "the writers write");
            for (var w = 0; w < Codes.Length; w++)
            {
                before[w] = Volatile.Read(ref accepted[w]);
            }

            var (exit, output, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(3),
                ["backup", "--out", file, .. KinerjaHost.DatabaseSwitches(data.Path, engine)]);
            Assert.True(exit == 0, output + error);
            var during = before.Select((b, w) => Volatile.Read(ref accepted[w]) - b).ToArray();
            // The backup did not hold the writers up: they go on after it as before.
            await Eventually.TrueAsync(() => Enumerable.Range(0, Codes.Length).All(w => Volatile.Read(ref accepted[w]) >= before[w] + during[w] + 10),
                "the writers go on after the backup");
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            total = [.. accepted];

            // Owner-only, and without the signing key (a file of its own in the data directory).
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
            var key = await File.ReadAllBytesAsync(Path.Combine(data.Path, "signing.key"));
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(key));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Convert.ToBase64String(key))));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.sebagian"));

            // Recorded, so the Admin screen of any host lists it.
            var listed = (await host.QueryAsAsync(token, "{ backups { fileName bytes sha256 trigger directory } }")).Ok().GetProperty("backups")[0];
            Assert.Equal(Path.GetFileName(file), listed.GetProperty("fileName").GetString());
            Assert.Equal(bytes.Length, listed.GetProperty("bytes").GetDouble());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), listed.GetProperty("sha256").GetString());
            Assert.Equal("perintah", listed.GetProperty("trigger").GetString());
        }

        var restore = await HostProcess.RunAsync(TimeSpan.FromMinutes(3), ["restore", file, .. KinerjaHost.DatabaseSwitches(restored.Path, engine)]);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.Contains("setiap pengguna masuk lagi", restore.Output);
        // A second restore onto what the first wrote is refused, and changes nothing.
        var again = await HostProcess.RunAsync(TimeSpan.FromMinutes(3), ["restore", file, .. KinerjaHost.DatabaseSwitches(restored.Path, engine)]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("sudah berisi data", again.Error);

        await using var back = new KinerjaHost(restored.Path, engine: engine);
        // The account and its password hash came back; the token of the old host did not sign anything here.
        var admin = await back.SignInAsync("admin-cadangan", Roles.Admin, null);
        var realizations = (await back.QueryAsAsync(admin, "{ realizations(year: 2026) { indicator { code } quarter numerator } }")).Ok()
            .GetProperty("realizations").EnumerateArray().ToList();
        for (var w = 0; w < Codes.Length; w++)
        {
            var trail = (await back.QueryAsAsync(admin, "query($c: String!) { auditTrail(code: $c, limit: 5000) { action quarter } }", new { c = Codes[w] }))
                .Ok().GetProperty("auditTrail").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "realisasi diisi").ToList();
            var kept = trail.Count;
            Assert.InRange(kept, before[w], total[w]);
            // The entries are those of the first `kept` writes, each with its audit row: neither came without the other.
            for (var q = 1; q <= 4; q++)
            {
                var last = Enumerable.Range(0, kept).Where(k => k % 4 + 1 == q).DefaultIfEmpty(-1).Max();
                var stored = realizations.SingleOrDefault(r => r.GetProperty("indicator").GetProperty("code").GetString() == Codes[w]
                    && r.GetProperty("quarter").GetInt32() == q);
                Assert.Equal(last, stored.ValueKind == JsonValueKind.Undefined ? -1 : stored.GetProperty("numerator").GetDouble());
            }
        }
    }

    [Theory]
    [InlineData("Kinerja:Backup:Keep", "0")]
    [InlineData("Kinerja:Backup:Keep", "-3")]
    [InlineData("Kinerja:Backup:Schedule", "setiap malam")]
    [InlineData("Kinerja:Backup:TimeZone", "Asia/Gresik")]
    [InlineData("Kinerja:Backup:BeforeMigration", "ya")]
    public async Task Given_a_wrong_backup_setting_Then_the_program_stops_naming_it_before_touching_the_data(string setting, string value)
    {
        using var data = new TempDirectory();
        var (exit, _, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2),
            ["backup", $"--{setting}={value}", .. KinerjaHost.DatabaseSwitches(data.Path, engine)]);
        Assert.Equal(2, exit);
        Assert.Contains($"{setting}: '{value}'", error);
        Assert.False(File.Exists(Path.Combine(data.Path, "kinerja.db")));
    }

    [Fact]
    public async Task Given_a_data_directory_without_a_database_When_backed_up_Then_it_is_refused_naming_the_place_and_nothing_is_made()
    {
        using var data = new TempDirectory();
        var wrong = Path.Combine(data.Path, "salah");
        var (exit, _, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["backup", .. KinerjaHost.DatabaseSwitches(wrong, engine)]);
        Assert.Equal(2, exit);
        Assert.Contains("Tidak ada basis data Kinerja di", error);
        Assert.False(Directory.Exists(wrong) && Directory.EnumerateFileSystemEntries(wrong).Any(f => !f.EndsWith("signing.key", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Given_a_file_that_is_not_a_backup_When_restored_Then_it_is_refused_and_nothing_is_written()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "bukan-cadangan" + Extension);
        await File.WriteAllTextAsync(file, "NIK;nama\n3525010101010001;Budi\n");
        using var target = new TempDirectory();
        var (exit, _, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["restore", file, .. KinerjaHost.DatabaseSwitches(target.Path, engine)]);
        Assert.Equal(2, exit);
        Assert.Contains("tidak ada yang diubah", error);
        Assert.Contains(file, error);
        Assert.False(File.Exists(Path.Combine(target.Path, "kinerja.db")));
        if (engine == DatabaseEngine.PostgreSql)
        {
            Assert.Empty(await new EngineTables(target.Path, engine).SchemaAsync());
        }
    }
}

/// <summary>
/// A restore onto the database of a host that still runs is refused, also when the host has no connection open (its lock
/// file in the data directory says it runs): it would go on writing into the file set aside.
/// </summary>
public sealed class RestoreWhileRunningTests
{
    [Fact]
    public async Task Given_a_running_host_When_restoring_over_its_database_with_replace_Then_it_is_refused_and_the_database_is_untouched()
    {
        using var data = new TempDirectory();
        var file = Path.Combine(data.Path, "cadangan.db");
        await using var host = new KinerjaHost(data.Path);
        (await host.QueryAsync("mutation { recordRealization(input: { indicator: \"PEMULIHAN-1\", year: 2026, quarter: 1, value: 4 }) { status } }")).Ok();
        var backup = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["backup", "--out", file, $"--Kinerja:DataDirectory={data.Path}"]);
        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);

        // Its pooled connections closed, as an idle host's may be: only the lock file tells that it runs.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var (exit, _, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["restore", file, "--replace", $"--Kinerja:DataDirectory={data.Path}"]);

        Assert.Equal(2, exit);
        Assert.Contains("hentikan host dulu", error);
        Assert.Empty(Directory.GetFiles(data.Path, "kinerja.db.sebelum-pemulihan-*"));
        (await host.QueryAsync("mutation { recordRealization(input: { indicator: \"PEMULIHAN-1\", year: 2026, quarter: 2, value: 5 }) { status } }")).Ok();
        Assert.Equal(2, (await host.QueryAsync("{ realizations(year: 2026) { quarter } }")).Ok().GetProperty("realizations").GetArrayLength());

        // Once the host is stopped the same restore goes through: the backup's one entry, the replaced file kept whole beside it.
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var replaced = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["restore", file, "--replace", $"--Kinerja:DataDirectory={data.Path}"]);
        Assert.True(replaced.ExitCode == 0, replaced.Output + replaced.Error);
        var kept = Assert.Single(Directory.GetFiles(data.Path, "kinerja.db.sebelum-pemulihan-*"));
        Assert.Contains(kept, replaced.Output);
        await using var again = new KinerjaHost(data.Path);
        Assert.Equal(1, (await again.QueryAsync("{ realizations(year: 2026) { quarter } }")).Ok().GetProperty("realizations").GetArrayLength());
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={kept};Mode=ReadOnly;Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM rehabilitasi_realizations";
            Assert.Equal(2L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Given_a_database_of_the_last_release_When_backed_up_Then_the_copy_is_made_and_the_database_is_not_migrated()
    {
        using var data = new TempDirectory();
        var database = Path.Combine(data.Path, "kinerja.db");
        await using (var packed = new System.IO.Compression.GZipStream(
            File.OpenRead(Path.Combine(Repository.Root, "tests", "Kinerja.Tests", "Fixtures", "v0.1", "kinerja.db.gz")), System.IO.Compression.CompressionMode.Decompress))
        await using (var target = File.Create(database))
        {
            await packed.CopyToAsync(target);
        }
        var before = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(database)));
        var file = Path.Combine(data.Path, "sebelum-naik-versi.db");

        var (exit, output, error) = await HostProcess.RunAsync(TimeSpan.FromMinutes(2), ["backup", "--out", file, $"--Kinerja:DataDirectory={data.Path}"]);

        Assert.True(exit == 0, output + error);
        Assert.Contains("tidak dicatat", output);
        Assert.Equal(before, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(database))));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('host_backups', 'rehabilitasi_realizations')";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}

/// <summary>
/// The host killed (as a power cut or the OOM killer would) while pg_dump writes a scheduled backup: the backup never gets
/// its final name, and the backups before it stay as they were. On PostgreSQL, whose pg_dump takes long enough to be caught.
/// </summary>
public sealed class ScheduledBackupKillTests
{
    [Fact]
    public async Task Given_a_host_killed_during_a_scheduled_backup_Then_no_file_has_its_final_name_and_earlier_backups_are_intact()
    {
        using var data = new TempDirectory();
        var directory = Path.Combine(data.Path, "cadangan");
        var log = new StringBuilder();
        string? interrupted = null;
        Dictionary<string, string> earlier = [];
        // A kill that lands just after a small backup's rename is no kill during it: then the host is started again and the
        // next backup is caught (every file under a final name is checked whole below, wherever the kill landed).
        for (var attempt = 0; attempt < 5 && interrupted is null; attempt++)
        {
            using var process = StartHost(data.Path, directory, log);
            try
            {
                await Eventually.TrueAsync(() => Directory.Exists(directory) && Finals(directory).Count >= 2, "two scheduled backups", TimeSpan.FromSeconds(60));
                earlier = Finals(directory).ToDictionary(f => f, Hash);
                // The next backup, caught while it is written (not one a killed host's pg_dump is still finishing).
                var left = Directory.GetFiles(directory, "*.sebagian").ToHashSet();
                string? caught = null;
                var clock = Stopwatch.StartNew();
                while (caught is null && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    caught = Directory.GetFiles(directory, "*.sebagian").FirstOrDefault(f => !left.Contains(f));
                    if (caught is null)
                    {
                        await Task.Delay(2);
                    }
                }
                // The host alone, at once: its pg_dump may go on writing the partial file, but nothing is left to rename it.
                process.Kill();
                await process.WaitForExitAsync();
                if (caught is not null && !File.Exists(caught[..^".sebagian".Length]))
                {
                    interrupted = caught;
                }
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        Assert.True(interrupted is not null, $"no kill landed while a backup was written, in 5 starts: {log}");

        Assert.False(File.Exists(interrupted[..^".sebagian".Length]), "the interrupted backup has its final name");
        foreach (var (file, hash) in earlier)
        {
            Assert.Equal(hash, Hash(file));
        }
        // Every file under a final name is a whole backup, and the host started again lists them without the interrupted one.
        var engine = new Kinerja.Host.Backups.PostgreSqlEngineBackup(TestPostgres.DatabaseFor(data.Path));
        foreach (var file in Finals(directory))
        {
            await engine.CheckAsync(file, CancellationToken.None);
        }
        await using var host = new KinerjaHost(data.Path, engine: DatabaseEngine.PostgreSql,
            settings: new Dictionary<string, string?> { ["Kinerja:Backup:Schedule"] = "off", ["Kinerja:Backup:Directory"] = directory });
        var listed = (await host.QueryAsync("{ backups(limit: 1000) { fileName } }")).Ok().GetProperty("backups").EnumerateArray()
            .Select(b => b.GetProperty("fileName").GetString()!).ToList();
        Assert.All(earlier.Keys, f => Assert.Contains(Path.GetFileName(f), listed));
        Assert.DoesNotContain(Path.GetFileName(interrupted[..^".sebagian".Length]), listed);
    }

    private static Process StartHost(string dataDirectory, string backups, StringBuilder log) =>
        HostProcess.Serve(log, ["--Urls=http://127.0.0.1:0", "--Kinerja:WarmUp=false", "--Kinerja:Backup:Schedule=* * * * * ?", "--Kinerja:Backup:Keep=1000",
            $"--Kinerja:Backup:Directory={backups}", .. KinerjaHost.DatabaseSwitches(dataDirectory, DatabaseEngine.PostgreSql)]);

    private static List<string> Finals(string directory) =>
        [.. Directory.GetFiles(directory, "kinerja-*.pgdump").Order(StringComparer.Ordinal)];

    private static string Hash(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
}
