using System.Net;
using System.Net.Http.Json;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Transactions;

/// <summary>
/// Answers of reads kept for the data version: served without running the request again, never older than the
/// last change wherever it was made, never another caller's, and refused, limited and failed exactly as before.
/// </summary>
public sealed class KeptAnswerTests
{
    private const string Iku = """
        query Iku($year: Int!, $quarter: Int) {
          iku(year: $year, quarter: $quarter) { indicator { code } numerator value status contributions { indicator { code } numerator value } }
        }
        """;

    private static readonly object FirstQuarter = new { year = 2026, quarter = 1 };

    private static Task<GraphQLAnswer> RecordAsync(KinerjaHost host, int value) => host.QueryAsync(
        $$"""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: {{value}} }) { status } }""");

    private static double? Pemulihan(GraphQLAnswer answer) =>
        answer.Ok().GetProperty("iku").EnumerateArray().SelectMany(i => i.GetProperty("contributions").EnumerateArray())
            .Single(c => c.GetProperty("indicator").GetProperty("code").GetString() == "REHSOS-1")
            .GetProperty("numerator") is { ValueKind: System.Text.Json.JsonValueKind.Number } n ? n.GetDouble() : null;

    [Fact]
    public async Task Given_a_read_asked_again_Then_it_is_answered_from_memory_with_one_statement_and_the_same_body()
    {
        await using var host = new KinerjaHost();
        using var commands = new CommandCounter(host.DataDirectory);
        (await RecordAsync(host, 5)).Ok();
        var first = await host.QueryAsync(Iku, FirstQuarter); // the document's shape is learned
        await host.QueryAsync(Iku, FirstQuarter); // run once more and kept

        GraphQLAnswer? kept = null;
        var sent = await commands.DuringAsync(async () => kept = await host.QueryAsync(Iku, FirstQuarter));

        Assert.Equal(first.Body, kept!.Body);
        // Only the data version: neither the year's figures nor anything else is read for a kept answer.
        Assert.Single(sent);
        Assert.Contains("data_version", sent[0]);
    }

    [Fact]
    public async Task Given_kept_answers_Then_a_read_after_a_write_sees_the_write()
    {
        await using var host = new KinerjaHost();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(Pemulihan(await host.QueryAsync(Iku, FirstQuarter)));
        }

        (await RecordAsync(host, 4)).Ok();
        Assert.Equal(4, Pemulihan(await host.QueryAsync(Iku, FirstQuarter)));
        Assert.Equal(4, Pemulihan(await host.QueryAsync(Iku, FirstQuarter)));
        (await RecordAsync(host, 6)).Ok();

        Assert.Equal(6, Pemulihan(await host.QueryAsync(Iku, FirstQuarter)));
    }

    [Fact]
    public async Task Given_kept_answers_Then_a_write_by_another_host_on_the_same_file_is_seen_by_the_next_request()
    {
        using var data = new TempDirectory();
        await using var reader = new KinerjaHost(data.Path);
        await using var writer = new KinerjaHost(data.Path);
        (await RecordAsync(writer, 4)).Ok();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(4, Pemulihan(await reader.QueryAsync(Iku, FirstQuarter)));
        }

        (await RecordAsync(writer, 9)).Ok();

        Assert.Equal(9, Pemulihan(await reader.QueryAsync(Iku, FirstQuarter)));
    }

    [Fact]
    public async Task Given_a_polarity_read_and_kept_Then_a_change_by_another_host_is_seen_by_the_next_request()
    {
        using var data = new TempDirectory();
        await using var reader = new KinerjaHost(data.Path);
        await using var writer = new KinerjaHost(data.Path);
        const string polarity = """{ indicators { code lessIsBetter } }""";
        static bool LessIsBetter(GraphQLAnswer answer) =>
            answer.Ok().GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "PEMULIHAN-1").GetProperty("lessIsBetter").GetBoolean();
        Assert.False(LessIsBetter(await reader.QueryAsync(polarity)));
        Assert.False(LessIsBetter(await reader.QueryAsync(polarity)));

        (await writer.QueryAsync("""mutation { setPolarity(indicator: "PEMULIHAN-1", lessIsBetter: true) { code } }""")).Ok();

        Assert.True(LessIsBetter(await reader.QueryAsync(polarity)));
        (await reader.QueryAsync("""mutation { setPolarity(indicator: "PEMULIHAN-1", lessIsBetter: false) { code } }""")).Ok();
        Assert.False(LessIsBetter(await writer.QueryAsync(polarity)));
        Assert.False(LessIsBetter(await reader.QueryAsync(polarity)));
    }

    [Fact]
    public async Task Given_an_answer_kept_for_one_caller_Then_a_caller_who_sees_otherwise_gets_their_own()
    {
        await using var host = new KinerjaHost();
        var pimpinan = await host.SignInAsync("kadis", Roles.Pimpinan, null);
        var operatorPmi = await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        const string MeAndIku = "{ me { username roles unit } iku(year: 2026) { indicator { code } value } }";
        for (var i = 0; i < 3; i++)
        {
            (await host.QueryAsAsync(pimpinan, MeAndIku)).Ok();
        }

        var other = (await host.QueryAsAsync(operatorPmi, MeAndIku)).Ok().GetProperty("me");
        var anonymous = await host.QueryAsAsync(null, MeAndIku);
        var spoiled = await host.QueryAsAsync(pimpinan[..^4] + "AAAA", MeAndIku);

        Assert.Equal("op-pmi", other.GetProperty("username").GetString());
        Assert.Equal("PMI", other.GetProperty("unit").GetString());
        Assert.Equal("operator", Assert.Single(other.GetProperty("roles").EnumerateArray()).GetString());
        // Without an account (public reading is off) the figures are refused, kept answer or not.
        Assert.Contains(anonymous.ErrorMessages, m => m.Contains("memerlukan akun", StringComparison.Ordinal));
        Assert.Contains(spoiled.ErrorMessages, m => m.Contains("token tidak sah", StringComparison.Ordinal));
        Assert.Equal("kadis", (await host.QueryAsAsync(pimpinan, MeAndIku)).Ok().GetProperty("me").GetProperty("username").GetString());
    }

    [Fact]
    public async Task Given_public_reading_Then_an_anonymous_reader_and_an_account_do_not_share_what_me_says()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:Security:PublicRead"] = "true" });
        const string MeAndIku = "{ me { username } iku(year: 2026) { indicator { code } value } }";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, (await host.QueryAsAsync(null, MeAndIku)).Ok().GetProperty("me").ValueKind);
        }

        Assert.Equal("admin-uji", (await host.QueryAsync(MeAndIku)).Ok().GetProperty("me").GetProperty("username").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await host.QueryAsAsync(null, MeAndIku)).Ok().GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Given_reads_that_fail_Then_they_are_never_kept_and_fail_each_time_as_before()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:GraphQL:MaxComplexity"] = "5000" });
        using var commands = new CommandCounter(host.DataDirectory);
        var tooCostly = "{ " + string.Join(" ", Enumerable.Range(0, 10).Select(i => $"a{i}: iku(year: 2026) {{ value }}")) + " }";
        // A partial failure: the IKU are answered, the unknown indicator is an error.
        const string PartlyUnknown = """{ iku(year: 2026) { value } value(indicator: "TIDAK-ADA", year: 2026) { value } }""";

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("complex", Assert.Single((await host.QueryAsync(tooCostly)).ErrorMessages), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("tidak dikenal", Assert.Single((await host.QueryAsync(PartlyUnknown)).ErrorMessages), StringComparison.Ordinal);
        }

        GraphQLAnswer? again = null;
        var sent = await commands.DuringAsync(async () => again = await host.QueryAsync(PartlyUnknown));

        Assert.Contains("tidak dikenal", Assert.Single(again!.ErrorMessages), StringComparison.Ordinal);
        Assert.Equal(4, again.Data.GetProperty("iku").GetArrayLength());
        // Run again, not kept: the evaluation reads the version for itself besides the gateway's look-up.
        Assert.True(sent.Count(c => c.Contains("data_version", StringComparison.Ordinal)) >= 2, string.Join("\n", sent));
    }

    [Fact]
    public async Task Given_kept_answers_Then_the_rate_limit_still_counts_every_request()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:RateLimit:PermitsPerMinute"] = "4" });
        var token = await host.SignInAsync("kadis", Roles.Pimpinan, null);
        for (var i = 0; i < 4; i++)
        {
            (await host.QueryAsAsync(token, Iku, FirstQuarter)).Ok();
        }

        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Iku, variables = FirstQuarter }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    /// <summary>Kept answers take at most an eighth of the heap's bound, and never more than 32 MB.</summary>
    [Theory]
    [InlineData(384L << 20, 32L << 20)]
    [InlineData(256L << 20, 32L << 20)]
    [InlineData(64L << 20, 8L << 20)]
    [InlineData(100L << 20, (100L << 20) / 8)]
    [InlineData(24L << 30, 32L << 20)]
    [InlineData(0L, 32L << 20)]
    public void Given_the_heap_bound_Then_kept_answers_hold_at_most_an_eighth_of_it(long heapBound, long most) =>
        Assert.Equal(most, Kinerja.Gateway.KeptAnswerStore.MaxBytes(heapBound));
}
