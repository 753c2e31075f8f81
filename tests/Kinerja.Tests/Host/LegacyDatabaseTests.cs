using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>
/// A database made by an earlier build (tests/Kinerja.Tests/Fixtures/Legacy, made by its make-fixtures.sh) opens with this
/// one, migrates without creating anything twice, and answers what the earlier build answered: the same snapshots, audit
/// trail, settings, entries and figures. Targets are compared where the earlier rule and today's target readings agree
/// (a triwulan alone, read per triwulan or as a rate).
/// </summary>
/// <param name="migrated">Whether this build's migrations change that database (false for a release whose schema this build keeps).</param>
public abstract class LegacyDatabaseTests(DatabaseEngine engine, string fixture = "Legacy", bool migrated = true)
{
    private const string Password = "kata-sandi-uji-yang-panjang";

    private string Fixtures => Path.Combine(Repository.Root, "tests", "Kinerja.Tests", "Fixtures", fixture);

    private KinerjaHost Open(TempDirectory data)
    {
        if (engine == DatabaseEngine.PostgreSql)
        {
            TestPostgres.Restore(data.Path, Path.Combine(Fixtures, "kinerja-postgresql.sql.gz"));
        }
        else
        {
            using var packed = new GZipStream(File.OpenRead(Path.Combine(Fixtures, "kinerja.db.gz")), CompressionMode.Decompress);
            using var file = File.Create(Path.Combine(data.Path, "kinerja.db"));
            packed.CopyTo(file);
        }
        return new KinerjaHost(data.Path, engine: engine);
    }

    private JsonNode Expected => JsonNode.Parse(File.ReadAllText(Path.Combine(Fixtures,
        engine == DatabaseEngine.PostgreSql ? "expected-postgresql.json" : "expected-sqlite.json")))!;

    private static async Task<string> SignInAsync(KinerjaHost host, string user)
    {
        var login = await host.QueryAsAsync(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = user, p = Password });
        return login.Ok().GetProperty("login").GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task Given_a_database_of_the_earlier_build_Then_it_opens_and_answers_the_same_records()
    {
        using var data = new TempDirectory();
        await using var host = Open(data);
        var admin = await SignInAsync(host, "admin"); // an account the earlier build made, its password hash as that build wrote it

        var records = (await host.QueryAsAsync(admin, """
            {
              snapshots(year: 2026) { quarter revision createdAt trigger values { indicator { code } cumulative numerator denominator value target achievement predicate status source denominatorSource } }
              quarters(year: 2026) { quarter closed changedAt revision }
              auditTrail(limit: 1000) { at user action unit code year quarter before after }
              tree(year: 2027) { indicator { code } numerator denominator isDefault }
              sources(year: 2026) { code source }
              officials(year: 2026) { position nama jabatan pangkat nip }
              analyses(year: 2026) { indicator faktorPendukung faktorPenghambat upayaTindakLanjut changedBy changedAt }
              indicators { code lessIsBetter }
              r26: realizations(year: 2026) { indicator { code } quarter numerator denominator state enteredBy reviewedBy returnReason }
              r25: realizations(year: 2025) { indicator { code } quarter numerator denominator state enteredBy reviewedBy returnReason }
              served(indicator: "PMI-1", year: 2026) { subject kecamatan }
            }
            """)).Ok();

        var expected = Expected["records"]!;
        // The trail has grown by this test's own sign-in and the start's backup before migrating, newest first: the earlier build's rows follow it unchanged.
        var trail = JsonNode.Parse(records.GetProperty("auditTrail").GetRawText())!.AsArray();
        var earlier = expected["auditTrail"]!.AsArray();
        Assert.True(JsonNode.DeepEquals(earlier, new JsonArray([.. trail.Skip(trail.Count - earlier.Count).Select(r => r!.DeepClone())])),
            "the earlier build's audit trail is not kept as it was");
        Assert.All(trail.Take(trail.Count - earlier.Count), r => Assert.Contains(r!["action"]!.GetValue<string>(), (string[])["masuk", "cadangan dibuat"]));
        foreach (var (field, value) in expected.AsObject().Where(f => f.Key != "auditTrail"))
        {
            var now = JsonNode.Parse(records.GetProperty(field).GetRawText())!;
            var (before, after) = field is "indicators" or "tree" or "sources" or "officials" ? KeptInTheDatabase(value!.AsArray(), now.AsArray()) : (value, now);
            Assert.True(JsonNode.DeepEquals(before, after),
                $"{field}: the earlier build answered {before!.ToJsonString()[..Math.Min(300, before.ToJsonString().Length)]}, now {after.ToJsonString()[..Math.Min(300, after.ToJsonString().Length)]}");
        }
        Assert.Equal(3, records.GetProperty("snapshots").GetArrayLength());
        Assert.True(records.GetProperty("auditTrail").GetArrayLength() > 100);

        foreach (var user in new[] { "kadis", "op-umpeg", "kasek" })
        {
            await SignInAsync(host, user);
        }
    }

    [Fact]
    public async Task Given_a_database_of_the_earlier_build_Then_every_figure_of_every_period_is_the_same()
    {
        using var data = new TempDirectory();
        await using var host = Open(data);

        var readings = (await host.QueryAsync("""
            { a: indicators { code targetReading(year: 2026) } b: indicators { code targetReading(year: 2025) }
              t: tree(year: 2026) { indicator { code } denominator } }
            """)).Ok();
        var overTargets = readings.GetProperty("t").EnumerateArray()
            .Where(r => r.GetProperty("denominator").GetString()?.StartsWith("target:", StringComparison.Ordinal) == true)
            .Select(r => r.GetProperty("indicator").GetProperty("code").GetString()!)
            .ToHashSet();
        var perQuarter = new Dictionary<int, HashSet<string>>
        {
            [2026] = Alone(readings.GetProperty("a")),
            [2025] = Alone(readings.GetProperty("b")),
        };
        var values = Expected["values"]!.AsObject();
        var compared = 0;
        foreach (var (period, expectedValues) in values)
        {
            var year = period.StartsWith('p') ? 2025 : 2026;
            int? quarter = period.Length > 1 ? period[1] - '0' : null;
            var cumulative = period.StartsWith('c');
            var now = (await host.QueryAsync(
                "query($y: Int!, $q: Int, $c: Boolean) { values(year: $y, quarter: $q, cumulative: $c) { indicator { code } numerator denominator value target achievement predicate status verification } }",
                new { y = year, q = quarter, c = cumulative })).Ok().GetProperty("values").EnumerateArray()
                .ToDictionary(v => v.GetProperty("indicator").GetProperty("code").GetString()!);
            foreach (var before in expectedValues!.AsArray())
            {
                var code = before!["indicator"]!["code"]!.GetValue<string>();
                var after = JsonNode.Parse(now[code].GetRawText())!;
                // Before target readings, every cumulative period summed the quarterly targets that were set: the same as
                // today only for a triwulan alone, read per triwulan or as a rate; a denominator of targets (SEK-1) likewise.
                var sameTargets = quarter is not null && !cumulative;
                var fields = new List<string> { "numerator", "verification" };
                if (sameTargets || !overTargets.Contains(code))
                {
                    fields.AddRange(["denominator", "value", "status"]);
                }
                if (sameTargets && perQuarter[year].Contains(code))
                {
                    fields.AddRange(["target", "achievement", "predicate"]);
                }
                foreach (var field in fields)
                {
                    Assert.True(JsonNode.DeepEquals(before[field], after[field]),
                        $"{period} {code} {field}: the earlier build answered {before[field]?.ToJsonString() ?? "null"}, now {after[field]?.ToJsonString() ?? "null"}");
                    compared++;
                }
            }
        }
        Assert.True(compared > 2000, $"only {compared} figures compared");
    }

    [Fact]
    public async Task Given_a_database_of_the_earlier_build_Then_its_tables_and_indexes_are_those_of_a_new_database()
    {
        using var legacy = new TempDirectory();
        using var fresh = new TempDirectory();
        await using (var host = Open(legacy))
        {
            (await host.QueryAsync("{ __typename }")).Ok();
        }
        await using (var host = new KinerjaHost(fresh.Path, engine: engine))
        {
            (await host.QueryAsync("{ __typename }")).Ok();
        }

        var upgraded = await new EngineTables(legacy.Path, engine).SchemaAsync();
        var made = await new EngineTables(fresh.Path, engine).SchemaAsync();

        Assert.True(made.Count > 150, $"only {made.Count} columns and indexes read");
        Assert.Equal(made, upgraded);
        Assert.Contains(made, l => l.Contains("rehabilitasi_realizations", StringComparison.Ordinal));
        Assert.Contains(made, l => l.Contains("cascade_target_readings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_database_of_the_earlier_build_Then_a_start_that_migrates_it_backs_it_up_as_it_was_first()
    {
        using var data = new TempDirectory();
        await using var host = Open(data);

        var backups = (await host.QueryAsync("{ backups { fileName trigger directory } }")).Ok().GetProperty("backups").EnumerateArray().ToList();
        if (!migrated)
        {
            // Nothing to migrate: the start leaves the database as it was, and copies nothing.
            Assert.Empty(backups);
            return;
        }
        var backup = Assert.Single(backups);
        Assert.Equal("sebelum-pembaruan", backup.GetProperty("trigger").GetString());
        var file = Path.Combine(backup.GetProperty("directory").GetString()!, backup.GetProperty("fileName").GetString()!);
        Assert.Equal(Path.Combine(data.Path, "backups"), Path.GetDirectoryName(file));
        // The earlier build's tables, without those this build's migrations add (the record of backups among them).
        var tables = await TablesInAsync(file);
        Assert.Contains("host_data_version", tables);
        Assert.DoesNotContain("host_backups", tables);
    }

    private async Task<IReadOnlyList<string>> TablesInAsync(string backup)
    {
        if (engine == DatabaseEngine.Sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
            return names;
        }
        var start = new System.Diagnostics.ProcessStartInfo(Kinerja.Host.Backups.PostgreSqlEngineBackup.Tool("pg_restore")!) { RedirectStandardOutput = true };
        start.ArgumentList.Add("--list");
        start.ArgumentList.Add(backup);
        using var process = System.Diagnostics.Process.Start(start)!;
        var list = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return [.. list.Split('\n').Select(l => l.Split(' ')).Where(w => w.Length > 5 && w[3] == "TABLE").Select(w => w[5])];
    }

    /// <summary>
    /// The catalog is the build's, not the database's: an indicator or a unit added to it since, or a default rule changed
    /// since, is no record of the database. Of <c>indicators</c>, <c>tree</c>, <c>sources</c> and <c>officials</c>, the
    /// indicators and positions the earlier build knew are compared, and of those whose rule was the default then, only
    /// that it still is (the database holds no rule of theirs).
    /// </summary>
    private static (JsonNode Before, JsonNode After) KeptInTheDatabase(JsonArray before, JsonArray after)
    {
        static string Code(JsonNode item) => (item["indicator"]?["code"] ?? item["code"] ?? item["position"])!.GetValue<string>();
        static JsonNode Kept(JsonNode item) => item["isDefault"]?.GetValue<bool>() == true
            ? new JsonObject { ["indicator"] = item["indicator"]!.DeepClone(), ["isDefault"] = true }
            : item.DeepClone();
        var known = before.Select(i => Code(i!)).ToHashSet(StringComparer.Ordinal);
        return (new JsonArray([.. before.Select(i => Kept(i!))]),
            new JsonArray([.. after.Where(i => known.Contains(Code(i!))).Select(i => Kept(i!))]));
    }

    private static HashSet<string> Alone(JsonElement indicators) => indicators.EnumerateArray()
        .Where(i => i.GetProperty("targetReading").GetString() != "UP_TO_QUARTER")
        .Select(i => i.GetProperty("code").GetString()!)
        .ToHashSet();
}

public sealed class LegacyDatabaseTestsOnSqlite() : LegacyDatabaseTests(DatabaseEngine.Sqlite);

public sealed class LegacyDatabaseTestsOnPostgreSql() : LegacyDatabaseTests(DatabaseEngine.PostgreSql);

/// <summary>A database of release v0.1 (commit 5c60162; Fixtures/v0.1, made by the same script), opened by this build.</summary>
public sealed class ReleaseDatabaseTestsOnSqlite() : LegacyDatabaseTests(DatabaseEngine.Sqlite, "v0.1");

public sealed class ReleaseDatabaseTestsOnPostgreSql() : LegacyDatabaseTests(DatabaseEngine.PostgreSql, "v0.1");

/// <summary>A database of the last release, v0.2 (commit e78a102; Fixtures/v0.2, made by the same script), opened by this build.</summary>
public sealed class ReleaseV02DatabaseTestsOnSqlite() : LegacyDatabaseTests(DatabaseEngine.Sqlite, "v0.2", migrated: false);

public sealed class ReleaseV02DatabaseTestsOnPostgreSql() : LegacyDatabaseTests(DatabaseEngine.PostgreSql, "v0.2", migrated: false);
