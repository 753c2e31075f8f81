using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Given_figures_recorded_Then_they_survive_a_restart_of_the_host()
    {
        using var data = new TempDirectory();
        await using (var first = new KinerjaHost(data.Path))
        {
            (await first.QueryAsync("""
                mutation {
                  a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 12 }) { status }
                  b: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 48 }) { value }
                  c: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 2, value: 20 }) { status }
                }
                """)).Ok();
        }

        await using var second = new KinerjaHost(data.Path);
        var value = (await second.QueryAsync("""{ value(indicator: "IKU-4", year: 2026, quarter: 2, cumulative: true) { numerator denominator value target achievement predicate status } }""")).Ok();

        // 12 / 48 x 100 = 25; through TW2 the IKU's level target of TW2, 20: achievement 25 / 20 x 100 = 125
        Assert.Equal("""{"numerator":12,"denominator":48,"value":25,"target":20,"achievement":125,"predicate":"Sangat Tinggi","status":"OK"}""",
            value.GetProperty("value").GetRawText());
    }

    [Fact]
    public async Task Given_the_same_quarter_entered_again_Then_the_later_figure_replaces_the_earlier()
    {
        await using var host = new KinerjaHost();

        (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 3, value: 7 }) { value } }""")).Ok();
        var second = (await host.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 3, value: 9 }) { value } }""")).Ok();
        var year = (await host.QueryAsync("""{ value(indicator: "PMI-1", year: 2026) { value } }""")).Ok();

        Assert.Equal(9, second.GetProperty("recordRealization").GetProperty("value").GetDouble());
        Assert.Equal(9, year.GetProperty("value").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Given_an_existing_database_Then_a_restart_seeds_the_catalog_once()
    {
        using var data = new TempDirectory();
        await using (var first = new KinerjaHost(data.Path))
        {
            (await first.QueryAsync("{ modules { name } }")).Ok();
        }
        await using var second = new KinerjaHost(data.Path);
        (await second.QueryAsync("{ modules { name } }")).Ok();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "kinerja.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM cascade_indicators) + (SELECT COUNT(*) FROM sekretariat_indicators)
                 + (SELECT COUNT(*) FROM rehabilitasi_indicators) + (SELECT COUNT(*) FROM linjamsos_indicators)
                 + (SELECT COUNT(*) FROM pemberdayaan_indicators) + (SELECT COUNT(*) FROM uptlbk_indicators),
                   (SELECT COUNT(*) FROM rehabilitasi_units)
            """;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(60, reader.GetInt64(0));
        Assert.Equal(4, reader.GetInt64(1));
    }
}
