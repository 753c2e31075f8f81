using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Transactions;

/// <summary>Reads answered from memory, kept for the data version: never older than the last change, wherever it was made.</summary>
public abstract class KeptReadingTests(DatabaseEngine engine)
{
    private const string Value = """{ value(indicator: "PMI-1", year: 2026, quarter: 1) { value status } iku(year: 2026, quarter: 1) { indicator { code } numerator } }""";

    private static async Task<string> ReadAsync(KinerjaHost host) => (await host.QueryAsync(Value)).Ok().GetRawText();

    private static Task<GraphQLAnswer> RecordAsync(KinerjaHost host, int value) => host.QueryAsync(
        $$"""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: {{value}} }) { status } }""");

    [Fact]
    public async Task Given_a_write_Then_the_next_read_sees_it()
    {
        await using var host = new KinerjaHost(engine: engine);
        var empty = await ReadAsync(host);
        Assert.Equal(empty, await ReadAsync(host));

        (await RecordAsync(host, 4)).Ok();
        var four = await ReadAsync(host);
        (await RecordAsync(host, 6)).Ok();
        var six = await ReadAsync(host);

        Assert.Contains("\"value\":null", empty);
        Assert.Contains("\"value\":4", four);
        Assert.Contains("\"value\":6", six);
    }

    [Fact]
    public async Task Given_a_write_by_another_host_on_the_same_file_Then_the_next_read_sees_it()
    {
        using var data = new TempDirectory();
        await using var reader = new KinerjaHost(data.Path, engine: engine);
        await using var writer = new KinerjaHost(data.Path, engine: engine);
        (await RecordAsync(writer, 4)).Ok();
        Assert.Contains("\"value\":4", await ReadAsync(reader));

        (await RecordAsync(writer, 9)).Ok();

        Assert.Contains("\"value\":9", await ReadAsync(reader));
    }

    [Fact]
    public async Task Given_register_counts_kept_for_the_year_Then_through_TW4_of_the_same_days_is_counted_too_and_equal()
    {
        await using var host = new KinerjaHost(engine: engine);
        foreach (var register in new[] { "pmks", "psks", "tmp", "layanan" })
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", $"{register}.csv"));
            (await host.QueryAsync("mutation($r: String!, $f: String!, $c: String!) { importRegister(register: $r, fileName: $f, contentBase64: $c) { rows } }",
                new { r = register, f = $"{register}.csv", c = Convert.ToBase64String(content) })).Ok();
        }
        (await host.QueryAsync("mutation { setAllSources(year: 2026, source: REGISTER) { code } }")).Ok();
        const string Tree = "{ indicator { code } numerator denominator value status contributions { indicator { code } numerator status } }";

        var year = (await host.QueryAsync($"{{ iku(year: 2026) {Tree} }}")).Ok().GetProperty("iku").GetRawText();
        var throughFourth = (await host.QueryAsync($"{{ iku(year: 2026, quarter: 4, cumulative: true) {Tree} }}")).Ok().GetProperty("iku").GetRawText();

        Assert.Contains("\"numerator\":", year);
        Assert.Equal(year, throughFourth);
    }
}

public sealed class KeptReadingTestsOnSqlite() : KeptReadingTests(DatabaseEngine.Sqlite);

public sealed class KeptReadingTestsOnPostgreSql() : KeptReadingTests(DatabaseEngine.PostgreSql);
