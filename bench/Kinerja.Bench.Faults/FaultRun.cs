using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Kinerja.Bench.Faults;
using Kinerja.Bench.Registers;

// The fault run (bench/README.md): kill -9 during a million-row import and during a rollup, restart, check;
// then a mixed load at 32 connections; then hostile uploads while an operator enters figures. Exits 1 when a check fails.
var persons = Option("--persons", 900_000);
var loadSeconds = Option("--load-seconds", 60);
var connections = Option("--connections", 32);
var refusedMegabytes = Option("--refused-megabytes", 200);
var hostileSeconds = Option("--hostile-seconds", 20);
// Only part 4: the kills and the load of parts 1-3 take a quarter of an hour on a busy machine.
var hostileOnly = args.Contains("--hostile-only");
var root = Path.Combine(Path.GetTempPath(), "kinerja-faults", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
var failures = new List<string>();

void Check(bool ok, string what)
{
    Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        failures.Add(what);
    }
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

Console.WriteLine($"Kinerja fault run in {root}{Machine.LoadAverage(", load average ")}");
if (!hostileOnly)
{
    var files = new RegisterGenerator(seed: 12).Write(Path.Combine(root, "files"), persons, servicesPerYear: 2_000, institutions: 200);
    Console.WriteLine($"PMKS file: {files.PmksRows:N0} rows of {persons:N0} persons");

    var clean = Path.Combine(root, "clean");
    var faulty = Path.Combine(root, "faulty");
    await HostProcess.CreateAdminAsync(clean);
    await HostProcess.CreateAdminAsync(faulty);
    var cleanStore = new Store(clean);
    var faultyStore = new Store(faulty);
    string[] Import(string dir) => ["import", "pmks", files.Pmks, $"--Kinerja:DataDirectory={dir}"];
    string[] Rollup(string dir) => ["rollup", "--year", "2026", "--quarter", "3", $"--Kinerja:DataDirectory={dir}"];

    // 1. The import: a clean run for its time and its result, then one killed halfway through its work.
    Console.WriteLine("\n1. kill -9 during the PMKS import");
    var startup = (await Killable.RunAsync("import", $"--Kinerja:DataDirectory={clean}")).Wall;
    var cleanImport = await Killable.RunAsync(Import(clean));
    Check(cleanImport.ExitCode == 0, $"clean import: {cleanImport.Wall.TotalSeconds:0.0} s (start-up {startup.TotalSeconds:0.0} s), {cleanStore.Count("pemberdayaan_person_categories"):N0} category rows");
    var versionBefore = faultyStore.DataVersion();
    var importKillAt = startup + (cleanImport.Wall - startup) / 2;
    var killedImport = await Killable.KillAfterAsync(importKillAt, Import(faulty));
    Check(killedImport, $"the import was still running when killed at {importKillAt.TotalSeconds:0.0} s");
    Check(faultyStore.IntegrityCheck() == "ok", "integrity_check after the kill: " + faultyStore.IntegrityCheck());
    var partialPersons = faultyStore.Count("pemberdayaan_persons");
    var partialCategories = faultyStore.Count("pemberdayaan_person_categories");
    Check(partialPersons == 0 && partialCategories == 0, $"partial rows after the kill: {partialPersons} persons, {partialCategories} category rows");
    Check(faultyStore.Count("host_audit_trail", "\"Action\" = 'register diimpor'") == 0 && faultyStore.DataVersion() == versionBefore,
        "no audit row and no new data version for the killed import");
    var rerun = await Killable.RunAsync(Import(faulty));
    Check(rerun.ExitCode == 0, $"the import run again completes: {rerun.Wall.TotalSeconds:0.0} s");
    Check(faultyStore.PmksDigest() == cleanStore.PmksDigest(), $"and equals the clean run (digest {cleanStore.PmksDigest()})");

    // 2. The rollup of a triwulan counted from the registers, killed while it counts.
    Console.WriteLine("\n2. kill -9 during a rollup");
    foreach (var dir in new[] { clean, faulty })
    {
        await using var host = await HostProcess.StartAsync(dir, TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        await GraphQLClient.SignInAsync(http);
        await GraphQLClient.DataAsync(http, "mutation { setAllSources(year: 2026, source: REGISTER) { code } }");
    }
    var rollupStartup = (await Killable.RunAsync("rollup", $"--Kinerja:DataDirectory={clean}")).Wall;
    var cleanRollup = await Killable.RunAsync(Rollup(clean));
    var cleanSnapshot = cleanStore.Snapshots(2026, 3);
    Check(cleanRollup.ExitCode == 0 && cleanSnapshot.Count == 1, $"clean rollup: {cleanRollup.Wall.TotalSeconds:0.0} s (start-up {rollupStartup.TotalSeconds:0.0} s), {cleanSnapshot.Sum(s => s.Values)} values");
    var rollupKillAt = rollupStartup + (cleanRollup.Wall - rollupStartup) / 2;
    var killedRollup = await Killable.KillAfterAsync(rollupKillAt, Rollup(faulty));
    Check(killedRollup, $"the rollup was still running when killed at {rollupKillAt.TotalSeconds:0.0} s");
    Check(faultyStore.IntegrityCheck() == "ok", "integrity_check after the kill: " + faultyStore.IntegrityCheck());
    var afterKill = faultyStore.Snapshots(2026, 3);
    var complete = afterKill.Count == 1 && afterKill[0].Values == cleanSnapshot[0].Values && faultyStore.Closed(2026, 3);
    var absent = afterKill.Count == 0 && !faultyStore.Closed(2026, 3) && faultyStore.Count("cascade_snapshot_values") == 0;
    Check(complete || absent, $"the rollup is {(complete ? "complete" : absent ? "absent" : "PARTIAL")} after the kill ({afterKill.Count} snapshots, closed: {faultyStore.Closed(2026, 3)})");
    var rollupAgain = await Killable.RunAsync(Rollup(faulty));
    var faultySnapshot = faultyStore.Snapshots(2026, 3);
    Check(rollupAgain.ExitCode == 0 && faultySnapshot.Count == 1 && faultySnapshot[0].Fingerprint == cleanSnapshot[0].Fingerprint,
        "the rollup run again completes with revision 1 and equals the clean run");

    // 3. A mixed load: one write in four at 32 connections; every accepted write has its audit row.
    Console.WriteLine($"\n3. {loadSeconds} s of mixed load at {connections} connections, one write in four");
    var load = Path.Combine(root, "load");
    await HostProcess.CreateAdminAsync(load);
    long writes = 0, reads = 0, errors = 0;
    var firstErrors = new List<string>();
    await using (var host = await HostProcess.StartAsync(load, TimeSpan.FromSeconds(60)))
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        await GraphQLClient.SignInAsync(http);
        string[] kegiatan = ["PMI-1", "PMI-2", "PEMULIHAN-1", "PELAYANAN-1", "PELAYANAN-2", "UMPEG-1", "UMPEG-2", "JAMINAN-1", "PERLINDUNGAN-1", "KELEMBAGAAN-1"];
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            for (var i = 0; until.Elapsed < TimeSpan.FromSeconds(loadSeconds); i++)
            {
                var write = random.Next(4) == 0;
                var body = write
                    ? GraphQLClient.Body("mutation($i: String!, $q: Int!, $v: Float!) { recordRealization(input: { indicator: $i, year: 2027, quarter: $q, value: $v }) { status } }",
                        new { i = kegiatan[random.Next(kegiatan.Length)], q = random.Next(1, 5), v = random.Next(1000) })
                    : GraphQLClient.Body("query($q: Int!) { iku(year: 2027, quarter: $q) { indicator { code } value status } }", new { q = random.Next(1, 5) });
                try
                {
                    GraphQLClient.Data(await GraphQLClient.PostAsync(http, body));
                    Interlocked.Increment(ref write ? ref writes : ref reads);
                }
                catch (Exception e) when (e is BenchCheckException or HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    lock (firstErrors)
                    {
                        if (firstErrors.Count < 5)
                        {
                            firstErrors.Add(e.Message);
                        }
                    }
                }
            }
        })));
    }
    var audited = new Store(load).Count("host_audit_trail", "\"Action\" = 'realisasi diisi'");
    Console.WriteLine($"  writes accepted {writes:N0}, reads {reads:N0} ({(writes + reads) / (double)loadSeconds:0} requests/s), errors {errors}, audit rows {audited:N0}");
    foreach (var error in firstErrors)
    {
        Console.WriteLine($"    {error}");
    }
    Check(errors == 0, "no request failed");
    Check(audited == writes, "one audit row per accepted write");
}

// 4. Hostile uploads while an operator enters figures: each entry's wait, and the host's memory.
Console.WriteLine($"\n4. Hostile uploads while an operator enters a figure every 200 ms ({hostileSeconds} s of each kind, a {refusedMegabytes} MB file of refused rows)");
await new HostileUploads(root, Check).RunAsync(refusedMegabytes, hostileSeconds);

Console.WriteLine(failures.Count == 0 ? "\nEvery check passed." : $"\n{failures.Count} check(s) failed.");
if (failures.Count == 0)
{
    Directory.Delete(root, recursive: true);
}
return failures.Count == 0 ? 0 : 1;
