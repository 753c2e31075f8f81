using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Computation;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>Target readings, and entries checked where they cannot be right, through the real host on both engines.</summary>
public abstract class TargetReadingOverHttpTests(DatabaseEngine engine)
{
    // Indicators of each reading, some read otherwise than by default this year; quarterly targets with gaps.
    private static readonly (string Code, ModelReading Reading, bool Changed, double? Annual, double?[] Quarters)[] Typed =
    [
        ("IKU-4", ModelReading.Levels, false, 50, [30, 40, 45, 50]),
        ("DAYASOS-1", ModelReading.Amounts, true, 12, [3, 3, null, 3]),
        ("KEU-2", ModelReading.Rate, false, 100, [100, 100, 100, 100]),
        ("PMI-1", ModelReading.Amounts, false, 40, [10, 10, 10, 12]),
        ("UMPEG-1", ModelReading.Amounts, false, null, [5, 5, 5, 5]),
        ("UMPEG-2", ModelReading.Rate, true, 8, [8, 8, 8, 8]),
        ("KELEMBAGAAN-1", ModelReading.Levels, true, null, [10, 20, 30, 40]),
    ];

    private async Task<KinerjaHost> SeededAsync()
    {
        var host = new KinerjaHost(engine: engine);
        var mutations = new List<string>();
        foreach (var (code, reading, changed, annual, quarters) in Typed)
        {
            if (changed)
            {
                mutations.Add($$"""setTargetReading(indicator: "{{code}}", year: 2026, reading: {{TargetModel.ApiName(reading)}}) { code }""");
            }
            if (annual is { } a)
            {
                mutations.Add($$"""setTarget(input: { indicator: "{{code}}", year: 2026, value: {{a}} }) { status }""");
            }
            for (var q = 1; q <= 4; q++)
            {
                if (quarters[q - 1] is { } t)
                {
                    mutations.Add($$"""setTarget(input: { indicator: "{{code}}", year: 2026, quarter: {{q}}, value: {{t}} }) { status }""");
                }
            }
        }
        for (var q = 1; q <= 4; q++)
        {
            mutations.Add($$"""recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: {{q}}, value: {{6 * q}} }) { status }""");
            mutations.Add($$"""recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: {{q}}, value: {{9 + q}} }) { status }""");
            mutations.Add($$"""recordRealization(input: { indicator: "UMPEG-1", year: 2026, quarter: {{q}}, value: {{q}} }) { status }""");
            mutations.Add($$"""recordRealization(input: { indicator: "KEU-2", year: 2026, quarter: {{q}}, numerator: {{8 + q}}, denominator: 10 }) { status }""");
            mutations.Add($$"""recordBaseMeasure(input: { measure: "wrse.total", year: 2026, quarter: {{q}}, value: {{200 + q}} }) { value }""");
        }
        mutations.Add("""recordRealization(input: { indicator: "UMPEG-2", year: 2026, quarter: 2, value: 7 }) { status }""");
        mutations.Add("""recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 80 }) { value }""");
        mutations.Add("""recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 3, value: 90 }) { value }""");
        // A request's cost is bounded: about forty figures to a request.
        foreach (var chunk in mutations.Chunk(40))
        {
            (await host.QueryAsync("mutation { " + string.Join("\n", chunk.Select((m, i) => $"m{i}: {m}")) + " }")).Ok();
        }
        return host;
    }

    private static async Task<Dictionary<string, JsonElement>> ValuesAsync(KinerjaHost host, int? quarter, bool cumulative) =>
        (await host.QueryAsync("query($q: Int, $c: Boolean) { values(year: 2026, quarter: $q, cumulative: $c) { indicator { code } numerator denominator value target targetWarning achievement predicate status } }",
            new { q = quarter, c = cumulative }))
        .Ok().GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetProperty("code").GetString()!);

    private static double? Number(JsonElement value, string field) =>
        value.GetProperty(field).ValueKind == JsonValueKind.Null ? null : value.GetProperty(field).GetDouble();

    [Fact]
    public async Task Given_targets_of_every_reading_Then_every_period_answers_as_the_spec_and_the_year_as_through_TW_IV()
    {
        await using var host = await SeededAsync();

        var periods = new List<(int? Quarter, bool Cumulative, Dictionary<string, JsonElement> Values)>();
        foreach (var (_, quarter, cumulative) in TargetModel.AllPeriods())
        {
            periods.Add((quarter, cumulative, await ValuesAsync(host, quarter, cumulative)));
        }
        foreach (var (code, reading, _, annual, quarters) in Typed)
        {
            foreach (var (quarter, cumulative, values) in periods)
            {
                var v = values[code];
                var where = $"{code} {(quarter is null ? "tahun" : cumulative ? $"s.d. TW{quarter}" : $"TW{quarter}")}";
                var target = TargetModel.Target(reading, annual, quarters, quarter, cumulative);
                Assert.True(Equal(target, Number(v, "target")), $"{where}: target {v.GetProperty("target")}, model {target}");
                double? achievement = v.GetProperty("status").GetString() == "OK" && target is { } t && t != 0 ? Number(v, "value")!.Value / t * 100 : null;
                Assert.True(Equal(achievement, Number(v, "achievement")), $"{where}: capaian {v.GetProperty("achievement")}, model {achievement}");
                Assert.Equal(TargetModel.Predicate(achievement), v.GetProperty("predicate").GetString());
                Assert.Equal(TargetModel.Warns(reading, annual, quarters), v.GetProperty("targetWarning").ValueKind == JsonValueKind.String);
            }
        }
        // SEK-1's denominator sums its kegiatan's targets, each read by its own reading: through TW II, UMPEG-1's
        // amounts 5 + 5 and UMPEG-2's rate 8.
        Assert.Equal(18, periods.Single(p => p is { Quarter: 2, Cumulative: true }).Values["SEK-1"].GetProperty("denominator").GetDouble());

        var year = periods.Single(p => p.Quarter is null).Values;
        var throughFour = periods.Single(p => p is { Quarter: 4, Cumulative: true }).Values;
        foreach (var (code, value) in year)
        {
            foreach (var field in new[] { "numerator", "denominator", "value", "target", "achievement", "predicate", "status", "targetWarning" })
            {
                Assert.True(value.GetProperty(field).GetRawText() == throughFour[code].GetProperty(field).GetRawText(),
                    $"{code} {field}: tahun {value.GetProperty(field)}, s.d. TW IV {throughFour[code].GetProperty(field)}");
            }
        }

        var listed = (await host.QueryAsync("{ targets(year: 2026) { indicator { code targetReading(year: 2026) } reading annual quarterly warning } }"))
            .Ok().GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("indicator").GetProperty("code").GetString()!);
        Assert.Equal(60, listed.Count);
        foreach (var (code, reading, _, annual, quarters) in Typed)
        {
            var t = listed[code];
            Assert.Equal(TargetModel.ApiName(reading), t.GetProperty("reading").GetString());
            Assert.Equal(TargetModel.ApiName(reading), t.GetProperty("indicator").GetProperty("targetReading").GetString());
            Assert.Equal(annual, Number(t, "annual"));
            Assert.Equal(quarters, t.GetProperty("quarterly").EnumerateArray().Select(q => q.ValueKind == JsonValueKind.Null ? (double?)null : q.GetDouble()));
        }
        Assert.Equal("UP_TO_QUARTER", listed["IKU-1"].GetProperty("reading").GetString());
        Assert.Equal(JsonValueKind.Null, listed["IKU-1"].GetProperty("annual").ValueKind);
    }

    private static bool Equal(double? a, double? b) => a is null || b is null ? a == b : Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    [Fact]
    public async Task Given_a_reading_changed_Then_it_is_for_admins_audited_answered_at_once_and_refused_while_a_triwulan_is_closed()
    {
        await using var host = new KinerjaHost(engine: engine, now: DateTimeOffset.Parse("2027-05-02T09:00:00+07:00"));
        const string read = """{ value(indicator: "PMI-1", year: 2027, quarter: 2, cumulative: true) { target } }""";
        (await host.QueryAsync("""
            mutation { a: setTarget(input: { indicator: "PMI-1", year: 2027, quarter: 1, value: 10 }) { status }
                       b: setTarget(input: { indicator: "PMI-1", year: 2027, quarter: 2, value: 12 }) { status } }
            """)).Ok();
        Assert.Equal(22, (await host.QueryAsync(read)).Ok().GetProperty("value").GetProperty("target").GetDouble()); // amounts: 10 + 12

        var operatorToken = await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        const string change = """mutation { setTargetReading(indicator: "PMI-1", year: 2027, reading: RATE) { code targetReading(year: 2027) } }""";
        var refused = await host.QueryAsAsync(operatorToken, change);
        Assert.Equal("FORBIDDEN", refused.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var changed = (await host.QueryAsync(change)).Ok().GetProperty("setTargetReading");
        Assert.Equal("RATE", changed.GetProperty("targetReading").GetString());
        Assert.Equal(12, (await host.QueryAsync(read)).Ok().GetProperty("value").GetProperty("target").GetDouble()); // a rate: TW II's 12
        var audit = (await host.QueryAsync("""{ auditTrail(code: "PMI-1", limit: 1) { action year before after } }""")).Ok().GetProperty("auditTrail")[0];
        Assert.Equal("pembacaan target diubah", audit.GetProperty("action").GetString());
        Assert.Equal(2027, audit.GetProperty("year").GetInt32());
        Assert.Contains("PER_QUARTER", audit.GetProperty("before").GetString());
        Assert.Contains("RATE", audit.GetProperty("after").GetString());

        (await host.QueryAsync("mutation { runRollup(year: 2027, quarter: 1) { revision } }")).Ok();
        var closed = Assert.Single((await host.QueryAsync(change.Replace("RATE", "UP_TO_QUARTER"))).ErrorMessages);
        Assert.StartsWith("year: pembacaan target tahun 2027 tidak dapat diubah selama ada triwulan yang ditutup: triwulan I ", closed);
        Assert.Equal(12, (await host.QueryAsync(read)).Ok().GetProperty("value").GetProperty("target").GetDouble());
        (await host.QueryAsync("""mutation { setTargetReading(indicator: "PMI-1", year: 2028, reading: RATE) { code } }""")).Ok();

        (await host.QueryAsync("mutation { reopenQuarter(year: 2027, quarter: 1) { closed } }")).Ok();
        (await host.QueryAsync(change.Replace("RATE", "PER_QUARTER"))).Ok();
        Assert.Equal(22, (await host.QueryAsync(read)).Ok().GetProperty("value").GetProperty("target").GetDouble());
    }

    [Fact]
    public async Task Given_entries_that_cannot_be_right_Then_they_are_refused_and_those_that_may_be_are_stored_and_flagged()
    {
        await using var host = new KinerjaHost(engine: engine);
        const string stored = """{ realizations(year: 2026, unit: "KEU") { indicator { code } quarter numerator denominator warnings } }""";

        foreach (var (input, field, reason) in new[]
        {
            ("""indicator: "KEU-2", year: 2026, quarter: 1, numerator: 5, denominator: 0""", "input.denominator", "penyebut tidak boleh 0"),
            ("""indicator: "KEU-2", year: 2026, quarter: 1, numerator: 1.5, denominator: 4""", "input.numerator", "bilangan bulat"),
            ("""indicator: "KEU-1", year: 2026, quarter: 1, value: 2.5""", "input.value", "bilangan bulat"),
        })
        {
            var error = (await host.QueryAsync($$"""mutation { recordRealization(input: { {{input}} }) { status } }""")).Root.GetProperty("errors")[0];
            var fields = error.GetProperty("extensions").GetProperty("fields");
            Assert.Equal(field, fields[0].GetProperty("field").GetString());
            Assert.Contains(reason, fields[0].GetProperty("reason").GetString());
        }
        Assert.Empty((await host.QueryAsync(stored)).Ok().GetProperty("realizations").EnumerateArray());

        var undefined = (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "KEU-2", year: 2026, quarter: 1, numerator: 0, denominator: 0 }) { status value } }"""))
            .Ok().GetProperty("recordRealization");
        Assert.Equal("UNDEFINED", undefined.GetProperty("status").GetString());
        var ahead = (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "KEU-3", year: 2026, quarter: 2, numerator: 12, denominator: 10 }) { value } }"""))
            .Ok().GetProperty("recordRealization");
        Assert.Equal(120, ahead.GetProperty("value").GetDouble());

        var entries = (await host.QueryAsync(stored)).Ok().GetProperty("realizations").EnumerateArray()
            .ToDictionary(e => e.GetProperty("indicator").GetProperty("code").GetString()!);
        Assert.Empty(entries["KEU-2"].GetProperty("warnings").EnumerateArray());
        var warning = Assert.Single(entries["KEU-3"].GetProperty("warnings").EnumerateArray()).GetString();
        Assert.StartsWith("pembilang melebihi penyebut: 12 dari 10 adalah 120,00 %", warning);
    }

    [Fact]
    public async Task Given_a_triwulan_that_has_not_ended_Then_a_rollup_of_it_is_refused_and_nothing_is_closed()
    {
        await using var host = new KinerjaHost(engine: engine, now: DateTimeOffset.Parse("2026-03-31T23:30:00+07:00"));

        var refused = Assert.Single((await host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).ErrorMessages);
        Assert.Equal("quarter: triwulan I 2026 belum berakhir (berakhir 31 Maret 2026); rollup hanya untuk triwulan yang sudah berakhir", refused);
        Assert.Single((await host.QueryAsync("mutation { runRollup(year: 2027, quarter: 4) { revision } }")).ErrorMessages);
        Assert.All((await host.QueryAsync("{ quarters(year: 2026) { closed } }")).Ok().GetProperty("quarters").EnumerateArray(),
            q => Assert.False(q.GetProperty("closed").GetBoolean()));
        Assert.Empty((await host.QueryAsync("{ snapshots(year: 2026) { revision } }")).Ok().GetProperty("snapshots").EnumerateArray());
        (await host.QueryAsync("mutation { runRollup(year: 2025, quarter: 4) { revision } }")).Ok();
    }
}

public sealed class TargetReadingOverHttpTestsOnSqlite() : TargetReadingOverHttpTests(DatabaseEngine.Sqlite);

public sealed class TargetReadingOverHttpTestsOnPostgreSql() : TargetReadingOverHttpTests(DatabaseEngine.PostgreSql);
