using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Rollup;

/// <summary>A rollup freezes the triwulan in the transaction that closes it; the year's tree waits for reopening.</summary>
public abstract class RollupTransactionTests(DatabaseEngine engine)
{
    private static readonly string[] Kegiatan =
    [
        "PMI-1", "PMI-2", "PEMULIHAN-1", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4", "UMPEG-1",
        "UMPEG-2", "UMPEG-3", "JAMINAN-1", "JAMINAN-2", "PERLINDUNGAN-1", "PERLINDUNGAN-2", "KELEMBAGAAN-1", "UPTLBK-1",
    ];

    [Fact]
    public async Task Given_entries_racing_a_rollup_Then_each_is_in_the_snapshot_or_refused_as_closed()
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync("{ modules { name } }")).Ok();

        var entries = Kegiatan.Select((code, i) => Task.Run(() => host.QueryAsync(
            $$"""mutation { recordRealization(input: { indicator: "{{code}}", year: 2026, quarter: 1, value: {{i + 1}} }) { status } }"""))).ToList();
        var rollup = Task.Run(() => host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision values(cumulative: false) { indicator { code } numerator } } }"));
        var answers = await Task.WhenAll(entries);

        var snapshot = (await rollup).Ok().GetProperty("runRollup");
        Assert.Equal(1, snapshot.GetProperty("revision").GetInt32());
        var frozen = snapshot.GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("indicator").GetProperty("code").GetString()!, v => v.GetProperty("numerator"));
        for (var i = 0; i < Kegiatan.Length; i++)
        {
            var answer = answers[i];
            if (answer.HasErrors)
            {
                Assert.Contains("sudah ditutup", Assert.Single(answer.ErrorMessages));
                Assert.Equal(System.Text.Json.JsonValueKind.Null, frozen[Kegiatan[i]].ValueKind);
            }
            else
            {
                Assert.Equal(i + 1, frozen[Kegiatan[i]].GetDouble());
            }
        }
    }

    [Fact]
    public async Task Given_a_closed_triwulan_Then_its_year_tree_is_refused_naming_it_until_reopened_and_other_years_change()
    {
        // Rolled up in August 2027, when its first two triwulan have ended.
        await using var host = new KinerjaHost(engine: engine, now: DateTimeOffset.Parse("2027-08-01T09:00:00+07:00"));
        const string rule = """setIndicatorRule(year: 2027, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault }""";
        (await host.QueryAsync("mutation { a: runRollup(year: 2027, quarter: 1) { revision } b: runRollup(year: 2027, quarter: 2) { revision } }")).Ok();

        foreach (var change in new[] { rule, """restoreIndicatorRule(year: 2027, indicator: "REHSOS-1") { isDefault }""", "restoreDefaultTree(year: 2027) { isDefault }" })
        {
            var refused = Assert.Single((await host.QueryAsync($"mutation {{ {change} }}")).ErrorMessages);
            Assert.StartsWith("year: pohon kinerja tahun 2027 tidak dapat diubah", refused);
            Assert.Contains("triwulan I (ditutup sejak", refused);
            Assert.Contains("triwulan II (ditutup sejak", refused);
            Assert.Contains("reopenQuarter", refused);
        }
        Assert.All((await host.QueryAsync("{ tree(year: 2027) { isDefault } }")).Ok().GetProperty("tree").EnumerateArray(),
            r => Assert.True(r.GetProperty("isDefault").GetBoolean()));
        (await host.QueryAsync($"mutation {{ {rule.Replace("2027", "2028")} }}")).Ok();

        (await host.QueryAsync("mutation { a: reopenQuarter(year: 2027, quarter: 1) { closed } b: reopenQuarter(year: 2027, quarter: 2) { closed } }")).Ok();
        Assert.False((await host.QueryAsync($"mutation {{ {rule} }}")).Ok().GetProperty("setIndicatorRule").GetProperty("isDefault").GetBoolean());
    }
}

public sealed class RollupTransactionTestsOnSqlite() : RollupTransactionTests(DatabaseEngine.Sqlite);

public sealed class RollupTransactionTestsOnPostgreSql() : RollupTransactionTests(DatabaseEngine.PostgreSql);
