using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>The IKU through the real endpoint, against figures worked out by hand.</summary>
public abstract class IkuOverHttpTests(DatabaseEngine engine)
{
    [Fact]
    public async Task Given_flows_and_a_stock_Then_IKU_4_is_summed_numerator_over_the_latest_stock_for_every_kind_of_period()
    {
        await using var host = new KinerjaHost(engine: engine);
        (await host.QueryAsync("""
            mutation {
              a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 15 }) { status }
              b: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 15 }) { status }
              c: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 50 }) { value }
              d: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 2, value: 60 }) { value }
              e: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 1, value: 40 }) { status }
              f: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 2, value: 80 }) { status }
              g: setTarget(input: { indicator: "IKU-4", year: 2026, value: 60 }) { status }
            }
            """)).Ok();

        var answer = (await host.QueryAsync("""
            { q1: iku(year: 2026, quarter: 1) { ...v }
              q2: iku(year: 2026, quarter: 2) { ...v }
              s2: iku(year: 2026, quarter: 2, cumulative: true) { ...v }
              q3: iku(year: 2026, quarter: 3) { ...v }
              year: iku(year: 2026) { ...v } }
            fragment v on IndicatorValue { indicator { code } numerator denominator value target achievement predicate status cumulative
              contributions { indicator { code } numerator contributions { indicator { code } numerator } } }
            """)).Ok();

        string Iku4(string period) => answer.GetProperty(period)[3].GetRawText();
        const string working = """
            "contributions":[{"indicator":{"code":"KELEMBAGAAN-1"},"numerator":{0},"contributions":[]}]
            """;

        // Q1: 15 / 50 x 100 = 30; achievement 30 / 40 x 100 = 75 -> Sedang
        Assert.Equal("""{"indicator":{"code":"IKU-4"},"numerator":15,"denominator":50,"value":30,"target":40,"achievement":75,"predicate":"Sedang","status":"OK","cumulative":false,""" + working.Replace("{0}", "15") + "}", Iku4("q1"));
        // Q2: 15 / 60 x 100 = 25; the IKU's targets are levels (s.d. triwulan): Q2 alone is to gain 80 - 40 = 40; 25 / 40 x 100 = 62.5 -> Rendah
        Assert.Equal("""{"indicator":{"code":"IKU-4"},"numerator":15,"denominator":60,"value":25,"target":40,"achievement":62.5,"predicate":"Rendah","status":"OK","cumulative":false,""" + working.Replace("{0}", "15") + "}", Iku4("q2"));
        // through Q2: (15 + 15) / 60 x 100 = 50; target the level of Q2, 80; 50 / 80 x 100 = 62.5
        Assert.Equal("""{"indicator":{"code":"IKU-4"},"numerator":30,"denominator":60,"value":50,"target":80,"achievement":62.5,"predicate":"Rendah","status":"OK","cumulative":true,""" + working.Replace("{0}", "30") + "}", Iku4("s2"));
        // Q3: nothing entered; the stock is still Q2's 60
        Assert.Equal("""{"indicator":{"code":"IKU-4"},"numerator":null,"denominator":60,"value":null,"target":null,"achievement":null,"predicate":null,"status":"NO_DATA","cumulative":false,"contributions":[{"indicator":{"code":"KELEMBAGAAN-1"},"numerator":null,"contributions":[]}]}""", Iku4("q3"));
        // year: 30 / 60 x 100 = 50; annual target 60; 50 / 60 x 100 = 83.33 -> Tinggi
        var year = answer.GetProperty("year")[3];
        Assert.Equal(50, year.GetProperty("value").GetDouble());
        Assert.Equal(60, year.GetProperty("target").GetDouble());
        Assert.Equal(83.3333, year.GetProperty("achievement").GetDouble(), 4);
        Assert.Equal("Tinggi", year.GetProperty("predicate").GetString());
        Assert.True(year.GetProperty("cumulative").GetBoolean());
    }

    [Fact]
    public async Task Given_only_Rehabilitasi_Then_IKU_1_is_MODULE_DISABLED_not_a_partial_figure()
    {
        await using var host = new KinerjaHost(modules: "Rehabilitasi", engine: engine);
        (await host.QueryAsync("""
            mutation {
              a: recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 15 }) { status }
              b: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 1, value: 10 }) { status }
            }
            """)).Ok();

        var iku = (await host.QueryAsync("{ iku(year: 2026, quarter: 1) { indicator { code } numerator denominator value achievement predicate status } }"))
            .Ok().GetProperty("iku");

        // Its denominator, Jumlah PMKS, belongs to Pemberdayaan: the numerator is known, the value is not.
        Assert.Equal("""{"indicator":{"code":"IKU-1"},"numerator":15,"denominator":null,"value":null,"achievement":null,"predicate":null,"status":"MODULE_DISABLED"}""", iku[0].GetRawText());
        Assert.Equal("MODULE_DISABLED", iku[1].GetProperty("status").GetString());
        // IKU-3's numerator comes from Linjamsos.
        Assert.Equal("""{"indicator":{"code":"IKU-3"},"numerator":null,"denominator":null,"value":null,"achievement":null,"predicate":null,"status":"MODULE_DISABLED"}""", iku[2].GetRawText());
    }
}

public sealed class IkuOverHttpTestsOnSqlite() : IkuOverHttpTests(DatabaseEngine.Sqlite);

public sealed class IkuOverHttpTestsOnPostgreSql() : IkuOverHttpTests(DatabaseEngine.PostgreSql);
