using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

/// <summary>What a monitor reads without an account: the process answers, and the host is ready to serve.</summary>
public abstract class HealthTests(DatabaseEngine engine) : FreshHost(engine)
{
    public sealed class OnSqlite() : HealthTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : HealthTests(DatabaseEngine.PostgreSql);

    private async Task<(int Status, JsonElement Body, string? CacheControl)> GetAsync(string path)
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync(path);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(),
            response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Given_a_started_host_Then_live_and_ready_answer_200_without_an_account_naming_each_check()
    {
        var live = await GetAsync("/health/live");
        Assert.Equal(200, live.Status);
        Assert.Equal("Healthy", live.Body.GetProperty("status").GetString());
        Assert.Equal("no-store", live.CacheControl);

        var ready = await Eventually.MatchesAsync(() => GetAsync("/health/ready"), r => r.Status == 200, "/health/ready 200");
        Assert.Equal("Healthy", ready.Body.GetProperty("status").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", ready.Body.GetProperty("version").GetString());
        var checks = ready.Body.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["database"] = "Healthy", ["scheduler"] = "Healthy", ["warm-up"] = "Healthy" }, checks);
    }
}

/// <summary>
/// /health/ready follows the database without a restart: 503 while the PostgreSQL server is down, 200 once it is back.
/// On a server of the test's own, which it stops and starts.
/// </summary>
public sealed class HealthWhenTheDatabaseStopsTests
{
    [Fact]
    public async Task Given_the_database_server_stopped_Then_ready_answers_503_and_200_again_once_it_is_back()
    {
        using var server = TestPostgres.StartOwn();
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path, settings: new Dictionary<string, string?>
        {
            ["Kinerja:Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Kinerja"] = server.ConnectionString,
        });
        using var client = host.CreateClient();
        async Task<(int Status, string Body)> ReadyAsync()
        {
            using var response = await client.GetAsync("/health/ready");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        await Eventually.MatchesAsync(ReadyAsync, r => r.Status == 200, "ready before the server stops");
        server.Stop();
        var down = await Eventually.MatchesAsync(ReadyAsync, r => r.Status == 503, "503 while the server is down");
        Assert.Contains("\"database\"", down.Body);
        Assert.Contains("Unhealthy", down.Body);
        Assert.Equal(200, (await client.GetAsync("/health/live")).StatusCode is var live ? (int)live : 0);

        server.Start();
        await Eventually.MatchesAsync(ReadyAsync, r => r.Status == 200, "200 once the server is back");
    }
}
