using System.Net;
using System.Text;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

public sealed class HttpTests(SharedHost.OnSqlite shared) : IClassFixture<SharedHost.OnSqlite>
{
    private readonly KinerjaHost _host = shared.Host;

    private async Task<HttpClient> SignedInClientAsync()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            await _host.SignInAsync("pimpinan-uji", Kinerja.Shared.Security.Roles.Pimpinan, null));
        return client;
    }

    [Fact]
    public async Task Given_a_GET_with_query_Then_it_answers_data()
    {
        using var client = await SignedInClientAsync();
        var body = await client.GetStringAsync("/graphql?query=" + Uri.EscapeDataString("{ unit(code: \"UPTLBK\") { name } }"));
        Assert.Equal("""{"data":{"unit":{"name":"UPT Pengelola Balai LBK Cerme"}}}""", body);
    }

    [Fact]
    public async Task Given_a_GET_with_variables_Then_they_are_used()
    {
        using var client = await SignedInClientAsync();
        var body = await client.GetStringAsync("/graphql?query=" + Uri.EscapeDataString("query($c: String!) { unit(code: $c) { code } }")
            + "&variables=" + Uri.EscapeDataString("""{"c":"PMI"}"""));
        Assert.Equal("""{"data":{"unit":{"code":"PMI"}}}""", body);
    }

    [Fact]
    public async Task Given_a_mutation_over_GET_Then_it_is_refused_and_not_run()
    {
        using var client = _host.CreateClient();
        var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(
            "mutation { recordRealization(input: { indicator: \"PMI-2\", year: 2026, quarter: 1, value: 4 }) { status } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", await response.Content.ReadAsStringAsync());

        var value = (await _host.QueryAsync("""{ value(indicator: "PMI-2", year: 2026, quarter: 1) { status } }""")).Ok();
        Assert.Equal("NO_DATA", value.GetProperty("value").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    public async Task Given_a_malformed_POST_Then_it_is_a_400_with_an_error(string body)
    {
        using var client = _host.CreateClient();
        var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_syntax_error_Then_the_answer_has_errors_and_no_data()
    {
        var answer = await _host.QueryAsync("{ units { code ");
        Assert.True(answer.HasErrors);
        Assert.False(answer.Root.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Given_the_home_page_Then_it_points_to_graphql_in_Bahasa_Indonesia()
    {
        using var client = _host.CreateClient();
        var page = await client.GetStringAsync("/");
        Assert.Contains("/graphql", page);
        Assert.Contains("lang=\"id\"", page);
    }
}
