using System.Text.RegularExpressions;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>The same entries on SQLite and on PostgreSQL give the same answers, to the last digit and in the same order.</summary>
public sealed class EngineParityTests
{
    private const string Entries = """
        mutation {
          a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 15 }) { status }
          b: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 17 }) { status }
          c: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 50 }) { value }
          d: recordBaseMeasure(input: { measure: "pmks.total", year: 2026, quarter: 1, value: 480 }) { value }
          e: recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 21 }) { status }
          f: recordRealization(input: { indicator: "PELAYANAN-1", year: 2026, quarter: 1, value: 9 }) { status }
          g: recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 2, value: 4 }) { status }
          h: recordRealization(input: { indicator: "JAMINAN-1", year: 2026, quarter: 1, value: 3 }) { status }
          i: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 1, value: 40 }) { status }
          j: setTarget(input: { indicator: "IKU-1", year: 2026, value: 12.5 }) { status }
          k: setTarget(input: { indicator: "IKU-4", year: 2026, value: 60 }) { status }
          l: setIndicatorRule(year: 2026, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") { isDefault }
          m: recordBaseMeasure(input: { measure: "eks_penyakit_sosial.total", year: 2026, quarter: 1, value: 70 }) { value }
        }
        """;

    private const string Answers = """
        { year: iku(year: 2026) { ...v }
          q1: iku(year: 2026, quarter: 1) { ...v }
          s2: iku(year: 2026, quarter: 2, cumulative: true) { ...v }
          tree(year: 2026) { indicator { code } numerator denominator isDefault }
          quarters(year: 2026) { quarter closed }
          snapshots(year: 2026) { quarter revision trigger values(cumulative: true) { indicator { code } numerator denominator value target achievement predicate status } } }
        fragment v on IndicatorValue { indicator { code } numerator denominator value target achievement predicate status cumulative
          contributions { indicator { code } numerator contributions { indicator { code } numerator } } }
        """;

    private static async Task<string> AnswerOnAsync(DatabaseEngine engine)
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync(Entries)).Ok();
        (await host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        return (await host.QueryAsync(Answers)).Ok().GetRawText();
    }

    [Fact]
    public async Task Given_the_same_entries_on_SQLite_and_PostgreSQL_Then_the_IKU_the_tree_and_the_snapshot_answer_alike()
    {
        var sqlite = await AnswerOnAsync(DatabaseEngine.Sqlite);
        var postgreSql = await AnswerOnAsync(DatabaseEngine.PostgreSql);

        Assert.Contains("\"code\":\"IKU-4\"", sqlite);
        Assert.Matches(new Regex("\"achievement\":75,"), sqlite);
        Assert.Equal(sqlite, postgreSql);
    }
}
