using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>
/// <c>copy-data --to-postgres</c>, run as an operator runs it: an office filled on SQLite moves to PostgreSQL,
/// and a host on the copy answers as the SQLite host did; a target that holds data is refused untouched.
/// </summary>
public sealed class CopyDataTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    // Entered figures and targets of 2025 rolled up (a snapshot); registers counting 2026; the audit of it all.
    private const string Answers = """
        { iku2025: iku(year: 2025, quarter: 1) { ...v }
          year2025: iku(year: 2025) { ...v }
          iku2026: iku(year: 2026, quarter: 1) { ...v denominatorSource }
          cerme: value(indicator: "IKU-1", year: 2026, quarter: 2, kecamatan: "Cerme") { numerator denominator status }
          snapshots(year: 2025, quarter: 1) { year quarter revision createdAt trigger values { indicator { code } cumulative numerator denominator value status } }
          served(indicator: "PMI-1", year: 2026, quarter: 2) { subject isInstitution kecamatan lastServedOn services }
          auditTrail(limit: 5000) { at user action unit code year quarter before after } }
        fragment v on IndicatorValue { indicator { code } numerator denominator value target achievement predicate status
          contributions { indicator { code } numerator } }
        """;

    // A host signs its test account in again on the copy: every sign-in is in the trail, the copied rows are what must match.
    private static string WithoutSignIns(string answers)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(answers)!;
        var trail = node["auditTrail"]!.AsArray();
        foreach (var row in trail.Where(r => r!["action"]!.GetValue<string>() == "masuk").ToList())
        {
            trail.Remove(row);
        }
        return node.ToJsonString();
    }

    [Fact]
    public async Task Given_an_office_on_SQLite_When_copied_to_PostgreSQL_Then_a_host_on_the_copy_answers_the_same()
    {
        using var data = new TempDirectory();
        string expected;
        await using (var sqlite = new KinerjaHost(data.Path))
        {
            await FillAsync(sqlite);
            expected = WithoutSignIns((await sqlite.QueryAsync(Answers)).Ok().GetRawText());
        }
        // The PostgreSQL database of another data directory: the host on the copy keeps its own signing key there.
        using var elsewhere = new TempDirectory();
        var target = TestPostgres.DatabaseFor(elsewhere.Path);

        var (code, output, error) = await HostProcess.RunAsync(Timeout, "copy-data", "--to-postgres", target, $"--Kinerja:DataDirectory={data.Path}");

        Assert.True(code == 0, $"copy-data: {code}\n{output}\n{error}");
        Assert.Contains("pemberdayaan.pemberdayaan_persons", output);
        Assert.Contains("kinerja.host_audit_trail", output);
        await using var copy = new KinerjaHost(elsewhere.Path, engine: DatabaseEngine.PostgreSql);
        Assert.Equal(expected, WithoutSignIns((await copy.QueryAsync(Answers)).Ok().GetRawText()));
        // Still a whole office: a change on the copy goes on from the copied data version and identities.
        (await copy.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2025, quarter: 2, value: 3 }) { status } }""")).Ok();
    }

    [Fact]
    public async Task Given_a_target_that_holds_data_Then_copy_data_refuses_it_and_writes_nothing()
    {
        using var data = new TempDirectory();
        await using (var sqlite = new KinerjaHost(data.Path))
        {
            (await sqlite.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2025, quarter: 1, value: 7 }) { status } }""")).Ok();
        }
        using var other = new TempDirectory();
        var target = TestPostgres.DatabaseFor(other.Path);
        // An office already running on the target: one entry of its own.
        await using (var running = new KinerjaHost(other.Path, engine: DatabaseEngine.PostgreSql))
        {
            (await running.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2025, quarter: 1, value: 99 }) { status } }""")).Ok();
        }
        var before = await SnapshotOfTargetAsync(target);

        var (code, output, error) = await HostProcess.RunAsync(Timeout, "copy-data", "--to-postgres", target, $"--Kinerja:DataDirectory={data.Path}");

        Assert.Equal(2, code);
        Assert.Contains("basis data tujuan sudah berisi data", error);
        Assert.DoesNotContain("baris", output);
        Assert.Equal(before, await SnapshotOfTargetAsync(target));
    }

    private static async Task FillAsync(KinerjaHost host)
    {
        (await host.QueryAsync("""
            mutation {
              a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2025, quarter: 1, value: 15 }) { status }
              b: recordBaseMeasure(input: { measure: "lks.total", year: 2025, quarter: 1, value: 50 }) { value }
              c: setTarget(input: { indicator: "IKU-4", year: 2025, quarter: 1, value: 40 }) { status }
              d: setTarget(input: { indicator: "IKU-4", year: 2025, value: 60 }) { status }
            }
            """)).Ok();
        (await host.QueryAsync("mutation { runRollup(year: 2025, quarter: 1) { revision } }")).Ok();
        foreach (var register in new[] { "pmks", "psks", "tmp", "layanan" })
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", $"{register}.csv"));
            var imported = (await host.QueryAsync(
                "mutation($r: String!, $f: String!, $c: String!) { importRegister(register: $r, fileName: $f, contentBase64: $c) { refused { line } } }",
                new { r = register, f = $"{register}.csv", c = Convert.ToBase64String(content) })).Ok();
            Assert.Equal(0, imported.GetProperty("importRegister").GetProperty("refused").GetArrayLength());
        }
        (await host.QueryAsync("mutation { setAllSources(year: 2026, source: REGISTER) { code } }")).Ok();
        // The stocks of 30 June counted and kept, so the kept counts are copied too.
        (await host.QueryAsync("""{ iku(year: 2026, quarter: 2) { status } }""")).Ok();
    }

    /// <summary>Every row of the target's Kinerja schemas, as text.</summary>
    private static async Task<string> SnapshotOfTargetAsync(string target)
    {
        await using var connection = new Npgsql.NpgsqlConnection(target);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT string_agg(format('%s.%s', table_schema, table_name), ',' ORDER BY table_schema, table_name)
            FROM information_schema.tables WHERE table_schema IN ('kinerja', 'cascade', 'sekretariat', 'rehabilitasi', 'linjamsos', 'pemberdayaan', 'uptlbk')
            """;
        var tables = ((string?)await command.ExecuteScalarAsync() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<string>();
        foreach (var table in tables)
        {
            command.CommandText = $"SELECT COALESCE(string_agg(t::text, '\n' ORDER BY t::text), '') FROM {table} t";
            rows.Add($"{table}: {await command.ExecuteScalarAsync()}");
        }
        return JsonSerializer.Serialize(rows);
    }
}
