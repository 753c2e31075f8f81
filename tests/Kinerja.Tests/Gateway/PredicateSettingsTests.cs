using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

public abstract class PredicateSettingsTests(DatabaseEngine engine)
{
    [Fact]
    public async Task Given_configured_predicate_bands_Then_they_replace_the_Permendagri_scale()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?>
        {
            ["Kinerja:Predicates:0:Minimum"] = "100",
            ["Kinerja:Predicates:0:Name"] = "Tercapai",
            ["Kinerja:Predicates:1:Minimum"] = "0",
            ["Kinerja:Predicates:1:Name"] = "Belum Tercapai",
        }, engine: engine);
        (await host.QueryAsync("""
            mutation { a: recordRealization(input: { indicator: "PMI-2", year: 2026, quarter: 1, value: 95 }) { status }
                       b: setTarget(input: { indicator: "PMI-2", year: 2026, quarter: 1, value: 100 }) { status } }
            """)).Ok();

        var value = (await host.QueryAsync("""{ value(indicator: "PMI-2", year: 2026, quarter: 1) { achievement predicate } }""")).Ok();

        // 95 / 100 x 100 = 95: Sangat Tinggi on the default scale, below the configured 100 here
        Assert.Equal("""{"achievement":95,"predicate":"Belum Tercapai"}""", value.GetProperty("value").GetRawText());
    }
}

public sealed class PredicateSettingsTestsOnSqlite() : PredicateSettingsTests(DatabaseEngine.Sqlite);

public sealed class PredicateSettingsTestsOnPostgreSql() : PredicateSettingsTests(DatabaseEngine.PostgreSql);
