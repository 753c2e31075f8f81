using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>
/// The warm-up a host runs once it listens: the dashboard's opening period (this year through TW IV) read
/// for the data version, so the first request reads nothing but the version; a change made by another
/// process after it is still seen by the next request; and Kinerja:WarmUp=false leaves the work to requests.
/// </summary>
public sealed class WarmUpTests
{
    private static readonly int ThisYear = DateTime.Now.Year;

    private const string Iku = """
        query Iku($year: Int!, $quarter: Int, $cumulative: Boolean) {
          iku(year: $year, quarter: $quarter, cumulative: $cumulative) { indicator { code } numerator value contributions { indicator { code } numerator } }
        }
        """;

    private static object OpeningPeriod => new { year = ThisYear, quarter = 4, cumulative = true };

    private static double? Pemulihan(GraphQLAnswer answer) =>
        answer.Ok().GetProperty("iku").EnumerateArray().SelectMany(i => i.GetProperty("contributions").EnumerateArray())
            .Single(c => c.GetProperty("indicator").GetProperty("code").GetString() == "REHSOS-1")
            .GetProperty("numerator") is { ValueKind: System.Text.Json.JsonValueKind.Number } n ? n.GetDouble() : null;

    private static Task<GraphQLAnswer> RecordAsync(KinerjaHost host, int value) => host.QueryAsync(
        $$"""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: {{ThisYear}}, quarter: 4, value: {{value}} }) { status } }""");

    [Fact]
    public async Task Given_a_restarted_host_Then_its_first_iku_reads_only_the_data_version()
    {
        using var data = new TempDirectory();
        await using (var first = new KinerjaHost(data.Path))
        {
            (await RecordAsync(first, 5)).Ok();
        }
        using var commands = new CommandCounter(data.Path);
        await using var restarted = new KinerjaHost(data.Path);
        await restarted.QueryAsync("{ me { username } }"); // signed in: the account is made before the timing

        GraphQLAnswer? answer = null;
        var sent = await commands.DuringAsync(async () => answer = await restarted.QueryAsync(Iku, OpeningPeriod));

        Assert.Equal(5, Pemulihan(answer!));
        Assert.NotEmpty(sent);
        Assert.All(sent, command => Assert.Contains("data_version", command));
    }

    [Fact]
    public async Task Given_a_warmed_host_Then_a_write_by_another_host_on_the_same_file_is_seen_by_the_next_request()
    {
        using var data = new TempDirectory();
        await using var reader = new KinerjaHost(data.Path);
        await using var writer = new KinerjaHost(data.Path);
        Assert.Null(Pemulihan(await reader.QueryAsync(Iku, OpeningPeriod)));

        (await RecordAsync(writer, 7)).Ok();

        Assert.Equal(7, Pemulihan(await reader.QueryAsync(Iku, OpeningPeriod)));
    }

    [Fact]
    public async Task Given_the_warm_up_switched_off_Then_the_first_request_reads_the_year_itself()
    {
        using var data = new TempDirectory();
        await using (var first = new KinerjaHost(data.Path))
        {
            (await RecordAsync(first, 5)).Ok();
        }
        using var commands = new CommandCounter(data.Path);
        await using var restarted = new KinerjaHost(data.Path, settings: new Dictionary<string, string?> { ["Kinerja:WarmUp"] = "false" });
        await restarted.QueryAsync("{ me { username } }");

        GraphQLAnswer? answer = null;
        var sent = await commands.DuringAsync(async () => answer = await restarted.QueryAsync(Iku, OpeningPeriod));

        Assert.Equal(5, Pemulihan(answer!));
        Assert.Contains(sent, command => !command.Contains("data_version", StringComparison.Ordinal));
    }
}
