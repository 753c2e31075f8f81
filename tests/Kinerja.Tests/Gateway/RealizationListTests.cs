using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>
/// realizations: what the units below a verifikator submitted, and why a figure was returned; values: a unit's
/// indicators in one evaluation, as the Isian screen asks for them.
/// </summary>
public abstract class RealizationListTests(DatabaseEngine engine) : FreshHost(engine)
{
    private const string List = """
        query($unit: String, $state: String) { realizations(year: 2026, unit: $unit, state: $state) {
          indicator { code } quarter numerator denominator state enteredBy reviewedBy returnReason } }
        """;

    [Fact]
    public async Task Given_entries_of_two_bidang_Then_a_unit_lists_its_own_subtree_with_state_and_return_reason()
    {
        var pemulihan = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var kabid = await Host.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        await Host.QueryAsAsync(pemulihan, """mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 12 }) { status } }""");
        await Host.QueryAsAsync(pemulihan, """mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 2, value: 7 }) { status } }""");
        (await Host.QueryAsync("""mutation { recordRealization(input: { indicator: "JAMINAN-1", year: 2026, quarter: 1, value: 3 }) { status } }""")).Ok();
        (await Host.QueryAsAsync(kabid, """mutation { returnRealization(indicator: "PEMULIHAN-1", year: 2026, quarter: 1, revision: 1, reason: "daftar hadir belum dilampirkan") { status } }""")).Ok();

        var rehsos = (await Host.QueryAsAsync(kabid, List, new { unit = "REHSOS" })).Ok().GetProperty("realizations");
        Assert.Equal(
            """[{"indicator":{"code":"PEMULIHAN-1"},"quarter":1,"numerator":12,"denominator":null,"state":"DIKEMBALIKAN","enteredBy":"op-pemulihan","reviewedBy":"kabid-rehsos","returnReason":"daftar hadir belum dilampirkan"},"""
            + """{"indicator":{"code":"PEMULIHAN-1"},"quarter":2,"numerator":7,"denominator":null,"state":"DIAJUKAN","enteredBy":"op-pemulihan","reviewedBy":null,"returnReason":null}]""",
            rehsos.GetRawText());

        // Without a unit, a verifikator lists its own Bidang's entries, an administrator every unit's.
        var submitted = (await Host.QueryAsAsync(kabid, List, new { state = "DIAJUKAN" })).Ok().GetProperty("realizations");
        Assert.Equal(["PEMULIHAN-1"], submitted.EnumerateArray().Select(r => r.GetProperty("indicator").GetProperty("code").GetString()));
        var everyUnit = (await Host.QueryAsync(List, new { state = "DIAJUKAN" })).Ok().GetProperty("realizations");
        Assert.Equal(["PEMULIHAN-1", "JAMINAN-1"], everyUnit.EnumerateArray().Select(r => r.GetProperty("indicator").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Given_no_token_or_a_bad_argument_Then_nothing_is_listed()
    {
        var anonymous = await Host.QueryAsAsync(null, List);
        Assert.Equal("UNAUTHENTICATED", anonymous.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var bad = await Host.QueryAsync(List, new { unit = "ENTAH", state = "SELESAI" });
        var message = Assert.Single(bad.ErrorMessages);
        Assert.StartsWith("unit: unit 'ENTAH' tidak dikenal; state:", message);
    }

    [Fact]
    public async Task Given_a_unit_Then_values_are_its_subtrees_indicators_each_as_value_answers_it()
    {
        (await Host.QueryAsync("""
            mutation {
              a: recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 12 }) { status }
              b: setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 10 }) { status }
              c: recordBaseMeasure(input: { measure: "eks_penyakit_sosial.total", year: 2026, quarter: 1, value: 80 }) { value }
            }
            """)).Ok();
        const string fields = "indicator { code } numerator denominator value target achievement predicate status verification";
        var values = (await Host.QueryAsync($$"""{ values(year: 2026, quarter: 1, unit: "REHSOS") { {{fields}} } }""")).Ok().GetProperty("values");

        Assert.Equal(["REHSOS-1", "REHSOS-2", "REHSOS-3", "PEMULIHAN-1", "PENGEMBANGAN-1", "PENGEMBANGAN-2", "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4"],
            values.EnumerateArray().Select(v => v.GetProperty("indicator").GetProperty("code").GetString()));
        foreach (var value in values.EnumerateArray())
        {
            var one = (await Host.QueryAsync($$"""query($i: String!) { value(indicator: $i, year: 2026, quarter: 1) { {{fields}} } }""",
                new { i = value.GetProperty("indicator").GetProperty("code").GetString() })).Ok().GetProperty("value");
            Assert.Equal(one.GetRawText(), value.GetRawText());
        }
        Assert.Equal(15, values[0].GetProperty("value").GetDouble());   // REHSOS-1: 12 / 80
        Assert.StartsWith("unit:", Assert.Single((await Host.QueryAsync("{ values(year: 2026, unit: \"ENTAH\") { status } }")).ErrorMessages));
    }
}

public sealed class RealizationListTestsOnSqlite() : RealizationListTests(DatabaseEngine.Sqlite);

public sealed class RealizationListTestsOnPostgreSql() : RealizationListTests(DatabaseEngine.PostgreSql);
