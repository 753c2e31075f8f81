using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Rollup;

/// <summary>Record, roll up, see the snapshot; closed, reopened, changed, rolled up again: through GraphQL.</summary>
public abstract class RollupFlowTests(DatabaseEngine engine)
{
    private const string SnapshotFields = """
        year quarter revision createdAt trigger
        values { indicator { code } cumulative numerator denominator value target achievement predicate status contributions { indicator { code } numerator } }
        """;

    private static JsonElement Find(JsonElement snapshot, string code, bool cumulative) =>
        snapshot.GetProperty("values").EnumerateArray().Single(v =>
            v.GetProperty("indicator").GetProperty("code").GetString() == code && v.GetProperty("cumulative").GetBoolean() == cumulative);

    [Fact]
    public async Task Given_a_rolled_up_quarter_Then_it_is_closed_and_a_reopened_change_makes_revision_2_beside_an_unchanged_revision_1()
    {
        using var data = new TempDirectory();
        string revision1;
        await using (var host = new KinerjaHost(data.Path, engine: engine))
        {
            (await host.QueryAsync("""
                mutation {
                  a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 10 }) { status }
                  b: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 15 }) { status }
                  c: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 50 }) { value }
                  d: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 1, value: 25 }) { status }
                  e: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 2, value: 50 }) { status }
                }
                """)).Ok();

            var first = (await host.QueryAsync($"mutation {{ runRollup(year: 2026, quarter: 2) {{ {SnapshotFields} }} }}")).Ok().GetProperty("runRollup");
            Assert.Equal(1, first.GetProperty("revision").GetInt32());
            Assert.Equal("manual", first.GetProperty("trigger").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$", first.GetProperty("createdAt").GetString());
            Assert.Equal(120, first.GetProperty("values").GetArrayLength()); // 60 indicators, for the triwulan and through it
            // Q2: 15 / 50 (the Q1 stock, still the latest) x 100 = 30; the IKU's targets are levels: Q2 alone is to gain
            // 50 - 25 = 25; achievement 30 / 25 x 100 = 120
            var iku4 = Find(first, "IKU-4", cumulative: false);
            Assert.Equal(30, iku4.GetProperty("value").GetDouble());
            Assert.Equal(120, iku4.GetProperty("achievement").GetDouble());
            Assert.Equal("KELEMBAGAAN-1", iku4.GetProperty("contributions")[0].GetProperty("indicator").GetProperty("code").GetString());
            // through Q2: (10 + 15) / 50 x 100 = 50
            Assert.Equal(50, Find(first, "IKU-4", cumulative: true).GetProperty("value").GetDouble());

            var closed = await host.QueryAsync("""
                mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 20 }) { status } }
                """);
            var message = Assert.Single(closed.ErrorMessages);
            Assert.Contains("input.quarter: triwulan II tahun 2026 sudah ditutup sejak", message);
            // Since when, as an officer writes it: the snapshot's own time, in its offset.
            var createdAt = DateTimeOffset.Parse(first.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(createdAt.ToString("d MMMM yyyy 'pukul' HH.mm", new System.Globalization.CultureInfo("id-ID")), message);
            Assert.Single((await host.QueryAsync("""mutation { recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 2, value: 9 }) { value } }""")).ErrorMessages);
            Assert.Single((await host.QueryAsync("""mutation { setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 2, value: 9 }) { status } }""")).ErrorMessages);
            (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 3, value: 1 }) { status } }""")).Ok();

            var again = (await host.QueryAsync("mutation { runRollup(year: 2026, quarter: 2) { revision } }")).Ok();
            Assert.Equal(1, again.GetProperty("runRollup").GetProperty("revision").GetInt32()); // nothing changed: no revision 2

            var reopened = (await host.QueryAsync("mutation { reopenQuarter(year: 2026, quarter: 2) { closed } }")).Ok();
            Assert.False(reopened.GetProperty("reopenQuarter").GetProperty("closed").GetBoolean());
            (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 20 }) { status } }""")).Ok();
            var second = (await host.QueryAsync($"mutation {{ runRollup(year: 2026, quarter: 2) {{ {SnapshotFields} }} }}")).Ok().GetProperty("runRollup");
            Assert.Equal(2, second.GetProperty("revision").GetInt32());
            Assert.Equal(40, Find(second, "IKU-4", cumulative: false).GetProperty("value").GetDouble()); // 20 / 50 x 100

            revision1 = first.GetRawText();
        }

        await using var restarted = new KinerjaHost(data.Path, engine: engine);
        var snapshots = (await restarted.QueryAsync($"{{ snapshots(year: 2026, quarter: 2) {{ {SnapshotFields} }} }}")).Ok().GetProperty("snapshots");
        Assert.Equal(2, snapshots.GetArrayLength());
        Assert.Equal(2, snapshots[0].GetProperty("revision").GetInt32());
        Assert.Equal(revision1, snapshots[1].GetRawText());
        var state = (await restarted.QueryAsync("{ quarters(year: 2026) { quarter closed revision } }")).Ok().GetProperty("quarters");
        Assert.True(state[1].GetProperty("closed").GetBoolean());
        Assert.Equal(2, state[1].GetProperty("revision").GetInt32());
        Assert.False(state[0].GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task Given_only_Rehabilitasi_Then_its_rollup_holds_the_indicators_it_has()
    {
        await using var host = new KinerjaHost(modules: "Rehabilitasi", engine: engine);

        var snapshot = (await host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { values(cumulative: false) { indicator { code } status } } }"))
            .Ok().GetProperty("runRollup");

        var codes = snapshot.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("indicator").GetProperty("code").GetString()).ToList();
        Assert.Equal(14, codes.Count);
        Assert.Contains("PELAYANAN-4", codes);
        Assert.DoesNotContain("PMI-1", codes);
    }

    [Theory]
    [InlineData("mutation { runRollup(year: 2026, quarter: 5) { revision } }", "quarter")]
    [InlineData("mutation { runRollup(year: 1999, quarter: 1) { revision } }", "year")]
    [InlineData("mutation { reopenQuarter(year: 2026, quarter: 3) { closed } }", "quarter")]
    public async Task Given_a_bad_rollup_request_Then_it_is_refused_with_the_field(string mutation, string field)
    {
        await using var host = new KinerjaHost(engine: engine);

        Assert.StartsWith(field + ":", Assert.Single((await host.QueryAsync(mutation)).ErrorMessages));
    }

    [Fact]
    public async Task Given_the_command_line_Then_rollup_prints_the_IKU_and_a_bad_quarter_exits_non_zero()
    {
        using var data = new TempDirectory();
        await using (var host = new KinerjaHost(data.Path, engine: engine))
        {
            (await host.QueryAsync("""
                mutation { a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 12 }) { status }
                           b: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 48 }) { value }
                           c: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 1, value: 20 }) { status } }
                """)).Ok();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (exitCode, output, _) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90),
            ["rollup", "--year", "2026", "--quarter", "1", .. KinerjaHost.DatabaseSwitches(data.Path, engine)]);
        var (badCode, _, badError) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90),
            ["rollup", "--year", "2026", "--quarter", "5", .. KinerjaHost.DatabaseSwitches(data.Path, engine)]);
        var (earlyCode, _, earlyError) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90),
            ["rollup", "--year", "2099", "--quarter", "1", .. KinerjaHost.DatabaseSwitches(data.Path, engine)]);

        Assert.Equal(0, exitCode);
        // 12 / 48 x 100 = 25; 25 / 20 x 100 = 125
        Assert.Matches(@"IKU-4\s+25\s+20\s+125\s+Sangat Tinggi", output);
        Assert.Contains("revisi 1", output);
        Assert.NotEqual(0, badCode);
        Assert.Contains("triwulan", badError);
        Assert.Equal(2, earlyCode);
        Assert.Contains("triwulan I 2099 belum berakhir", earlyError);

        await using var after = new KinerjaHost(data.Path, engine: engine);
        var snapshots = (await after.QueryAsync("{ snapshots(year: 2026, quarter: 1) { trigger } }")).Ok().GetProperty("snapshots");
        Assert.Equal("manual", Assert.Single(snapshots.EnumerateArray()).GetProperty("trigger").GetString());
    }
}

public sealed class RollupFlowTestsOnSqlite() : RollupFlowTests(DatabaseEngine.Sqlite);

public sealed class RollupFlowTestsOnPostgreSql() : RollupFlowTests(DatabaseEngine.PostgreSql);
