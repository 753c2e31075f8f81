using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>A year's tree is changed, checked and restored through GraphQL; other years keep theirs.</summary>
public abstract class CascadeTreeTests(DatabaseEngine engine) : FreshHost(engine)
{
    protected override async Task SeedAsync()
    {
        foreach (var year in new[] { 2026, 2027 })
        {
            (await Host.QueryAsync($$"""
                mutation {
                  a: recordRealization(input: { indicator: "PEMULIHAN-1", year: {{year}}, quarter: 1, value: 15 }) { status }
                  b: recordRealization(input: { indicator: "PELAYANAN-1", year: {{year}}, quarter: 1, value: 5 }) { status }
                  c: recordBaseMeasure(input: { measure: "eks_penyakit_sosial.total", year: {{year}}, quarter: 1, value: 50 }) { value }
                }
                """)).Ok();
        }
    }

    private async Task<double?> Rehsos1(int year)
    {
        var value = (await Host.QueryAsync($$"""{ value(indicator: "REHSOS-1", year: {{year}}, quarter: 1) { value } }""")).Ok();
        var v = value.GetProperty("value").GetProperty("value");
        return v.ValueKind == JsonValueKind.Null ? null : v.GetDouble();
    }

    [Fact]
    public async Task Given_a_change_to_2027_Then_2027_follows_it_2026_does_not_and_restoring_undoes_it()
    {
        Assert.Equal(30, await Rehsos1(2026)); // 15 / 50 x 100

        var changed = (await Host.QueryAsync("""
            mutation { setIndicatorRule(year: 2027, indicator: "REHSOS-1", numerator: "sum:PEMULIHAN-1,PELAYANAN-1", denominator: "base:eks_penyakit_sosial.total") {
              indicator { code } year numerator denominator isDefault } }
            """)).Ok().GetProperty("setIndicatorRule");
        Assert.Equal("sum:PEMULIHAN-1,PELAYANAN-1", changed.GetProperty("numerator").GetString());
        Assert.False(changed.GetProperty("isDefault").GetBoolean());

        Assert.Equal(40, await Rehsos1(2027)); // (15 + 5) / 50 x 100
        Assert.Equal(30, await Rehsos1(2026));

        var trees = (await Host.QueryAsync("""
            { y26: tree(year: 2026) { indicator { code } numerator isDefault }
              y27: tree(year: 2027) { indicator { code } numerator isDefault }
              children: indicator(code: "PELAYANAN-1") { y26: parents(year: 2026) { code } y27: parents(year: 2027) { code } } }
            """)).Ok();
        Assert.Equal(60, trees.GetProperty("y27").GetArrayLength());
        Assert.Equal(["REHSOS-1"], NonDefault(trees.GetProperty("y27")));
        Assert.Empty(NonDefault(trees.GetProperty("y26")));
        Assert.Contains("REHSOS-1", Codes(trees.GetProperty("children").GetProperty("y27")));
        Assert.DoesNotContain("REHSOS-1", Codes(trees.GetProperty("children").GetProperty("y26")));

        var restored = (await Host.QueryAsync("""mutation { restoreIndicatorRule(year: 2027, indicator: "REHSOS-1") { numerator isDefault } }""")).Ok();
        Assert.True(restored.GetProperty("restoreIndicatorRule").GetProperty("isDefault").GetBoolean());
        Assert.Equal(30, await Rehsos1(2027));
    }

    [Theory]
    [InlineData("PEMULIHAN-1", "sum:REHSOS-1", null, "numerator", "siklus")]
    [InlineData("REHSOS-1", "sum:PEMULIHAN-1,NOPE-7", "base:eks_penyakit_sosial.total", "numerator", "NOPE-7")]
    [InlineData("NOPE-7", "input", null, "indicator", "tidak dikenal")]
    [InlineData("PMI-1", "input", "input", "denominator", "indikator jumlah")]
    [InlineData("DAYASOS-1", "sum:PMI-1", "den:PMI-1", "denominator", "den:PMI-1")]
    [InlineData("DAYASOS-1", "sum:PMI-1", null, "denominator", "penyebut")]
    [InlineData("DAYASOS-1", "sum:PMI-1", "base:wrse.semua", "denominator", "wrse.semua")]
    [InlineData("DAYASOS-1", "rata:PMI-1", "base:wrse.total", "numerator", "tidak dikenal")]
    [InlineData("IKU-1", "sum:REHSOS-1", "target:IKU-1", "denominator", "siklus")]
    public async Task Given_an_invalid_rule_Then_it_is_refused_and_the_tree_is_unchanged(
        string indicator, string numerator, string? denominator, string field, string reason)
    {
        var before = (await Host.QueryAsync("{ tree(year: 2027) { indicator { code } numerator denominator } }")).Ok().GetRawText();

        var answer = await Host.QueryAsync(
            "mutation($i: String!, $n: String!, $d: String) { setIndicatorRule(year: 2027, indicator: $i, numerator: $n, denominator: $d) { isDefault } }",
            new { i = indicator, n = numerator, d = denominator });

        var message = Assert.Single(answer.ErrorMessages);
        Assert.Contains(field + ":", message);
        Assert.Contains(reason, message);
        Assert.Equal(before, (await Host.QueryAsync("{ tree(year: 2027) { indicator { code } numerator denominator } }")).Ok().GetRawText());
    }

    [Fact]
    public async Task Given_an_indicator_made_a_rollup_in_2027_Then_entering_it_for_2027_is_refused_with_its_source()
    {
        (await Host.QueryAsync("""mutation { setIndicatorRule(year: 2027, indicator: "PEMULIHAN-1", numerator: "sum:PELAYANAN-1") { isDefault } }""")).Ok();

        var refused = await Host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2027, quarter: 2, value: 3 }) { status } }""");
        var allowed = await Host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 2, value: 3 }) { status } }""");

        Assert.Contains("dihitung dari jumlah realisasi PELAYANAN-1", Assert.Single(refused.ErrorMessages));
        allowed.Ok();

        var whole = (await Host.QueryAsync("""mutation { restoreDefaultTree(year: 2027) { isDefault } }""")).Ok();
        Assert.All(whole.GetProperty("restoreDefaultTree").EnumerateArray(), r => Assert.True(r.GetProperty("isDefault").GetBoolean()));
        (await Host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2027, quarter: 2, value: 3 }) { status } }""")).Ok();
    }

    [Fact]
    public async Task Given_less_is_better_Then_achievement_is_two_targets_less_the_realisation_over_the_target()
    {
        (await Host.QueryAsync("""
            mutation { setPolarity(indicator: "PEMULIHAN-1", lessIsBetter: true) { lessIsBetter }
                       setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 20 }) { status } }
            """)).Ok();

        var value = (await Host.QueryAsync("""{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 1) { value target achievement predicate indicator { lessIsBetter } } }""")).Ok();

        // (2 x 20 - 15) / 20 x 100 = 125
        Assert.Equal("""{"value":15,"target":20,"achievement":125,"predicate":"Sangat Tinggi","indicator":{"lessIsBetter":true}}""",
            value.GetProperty("value").GetRawText());
    }

    private static IReadOnlyList<string> NonDefault(JsonElement tree) =>
        tree.EnumerateArray().Where(r => !r.GetProperty("isDefault").GetBoolean())
            .Select(r => r.GetProperty("indicator").GetProperty("code").GetString()!).ToList();

    private static IReadOnlyList<string> Codes(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
}

public sealed class CascadeTreeTestsOnSqlite() : CascadeTreeTests(DatabaseEngine.Sqlite);

public sealed class CascadeTreeTestsOnPostgreSql() : CascadeTreeTests(DatabaseEngine.PostgreSql);
