using Kinerja.Tests.Support;

namespace Kinerja.Tests.Transactions;

/// <summary>Reads answered from memory, kept for the data version: never older than the last change, wherever it was made.</summary>
public sealed class KeptReadingTests
{
    private const string Value = """{ value(indicator: "PMI-1", year: 2026, quarter: 1) { value status } iku(year: 2026, quarter: 1) { indicator { code } numerator } }""";

    private static async Task<string> ReadAsync(KinerjaHost host) => (await host.QueryAsync(Value)).Ok().GetRawText();

    private static Task<GraphQLAnswer> RecordAsync(KinerjaHost host, int value) => host.QueryAsync(
        $$"""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: {{value}} }) { status } }""");

    [Fact]
    public async Task Given_a_write_Then_the_next_read_sees_it()
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path);
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
        await using var reader = new KinerjaHost(data.Path);
        await using var writer = new KinerjaHost(data.Path);
        (await RecordAsync(writer, 4)).Ok();
        Assert.Contains("\"value\":4", await ReadAsync(reader));

        (await RecordAsync(writer, 9)).Ok();

        Assert.Contains("\"value\":9", await ReadAsync(reader));
    }
}
