using System.Net.Http.Json;
using System.Text.Json;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Security;

/// <summary>Sign-in behind a proxy, the headers of every answer, the schema for accounts only, and the program's --help.</summary>
public sealed class HardeningTests
{
    private const string Login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";

    /// <summary>A host on a real loopback port, so that requests have a client address, as behind nginx.</summary>
    private static (KinerjaHost Host, HttpClient Client) Serve(TempDirectory data, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new KinerjaHost(data.Path, settings: settings);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (host, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task<string?> LoginCodeAsync(HttpClient client, string user, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Login, variables = new { u = user, p = "bukan-sandi-yang-benar" } }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return answer.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
    }

    [Fact]
    public async Task Given_a_configured_proxy_Then_failures_count_by_the_forwarded_client_address_and_random_names_lock_out_nobody_else()
    {
        using var data = new TempDirectory();
        var (host, client) = Serve(data, new Dictionary<string, string?> { ["Kinerja:Proxy:KnownProxies"] = "127.0.0.1" });
        await using (host)
        using (client)
        {
            // Eleven clients behind the proxy, each failing once with a random name: nobody waits.
            for (var i = 0; i <= 10; i++)
            {
                Assert.Equal("LOGIN_FAILED", await LoginCodeAsync(client, $"acak-{i}", $"10.1.0.{i}"));
            }
            // One client failing with many names waits, and only that one.
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal("LOGIN_FAILED", await LoginCodeAsync(client, $"tebak-{i}", "10.2.0.7"));
            }
            Assert.Equal("LOGIN_FAILED", await LoginCodeAsync(client, "tebak-11", "10.2.0.7"));
            Assert.Equal("LOGIN_DELAYED", await LoginCodeAsync(client, "tebak-12", "10.2.0.7"));
            Assert.Equal("LOGIN_FAILED", await LoginCodeAsync(client, "tebak-12", "10.2.0.8"));
        }
    }

    [Fact]
    public async Task Given_no_configured_proxy_Then_X_Forwarded_For_is_ignored_and_a_client_cannot_choose_its_address()
    {
        using var data = new TempDirectory();
        var (host, client) = Serve(data);
        await using (host)
        using (client)
        {
            for (var i = 0; i <= 10; i++)
            {
                Assert.Equal("LOGIN_FAILED", await LoginCodeAsync(client, $"tebak-{i}", $"10.3.0.{i}"));
            }
            Assert.Equal("LOGIN_DELAYED", await LoginCodeAsync(client, "tebak-lagi", "10.3.0.200"));
        }
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/isian")]
    [InlineData("GET", "/graphiql")]
    [InlineData("GET", "/favicon.svg")]
    [InlineData("GET", "/reports/pengukuran-kinerja.html?year=2026")]
    [InlineData("POST", "/graphql")]
    [InlineData("POST", "/registers/pmks")]
    public async Task Given_any_answer_Then_it_carries_CSP_nosniff_no_framing_and_no_referrer(string method, string path)
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { query = "{ __typename }" }) : null,
        });

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Matches("script-src 'self'(;|$)", csp); // no inline or evaluated script
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Given_no_account_Then_the_schema_is_not_read_and_with_one_it_is()
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path);
        const string introspection = "{ __schema { queryType { name } } __type(name: \"Indicator\") { name } }";

        var anonymous = await host.QueryAsAsync(null, introspection);
        Assert.True(!anonymous.Root.TryGetProperty("data", out var nothing) || nothing.ValueKind == JsonValueKind.Null, anonymous.Body);
        Assert.All(anonymous.Root.GetProperty("errors").EnumerateArray(),
            e => Assert.Equal("UNAUTHENTICATED", e.GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Contains("skema API hanya dapat dibaca dengan akun", anonymous.ErrorMessages[0]);

        var token = await host.SignInAsync("pimpinan-skema", Roles.Pimpinan, "DINSOS");
        Assert.Equal("Query", (await host.QueryAsAsync(token, introspection)).Ok().GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Given_help_or_an_unknown_command_Then_the_program_answers_and_exits_without_touching_the_data()
    {
        using var data = new TempDirectory();
        var directory = Path.Combine(data.Path, "tidak-dibuat");

        var (helpCode, help, _) = await HostProcess.RunAsync(TimeSpan.FromSeconds(60), "--help", $"--Kinerja:DataDirectory={directory}");
        var (unknownCode, _, unknown) = await HostProcess.RunAsync(TimeSpan.FromSeconds(60), "hapus-semua", $"--Kinerja:DataDirectory={directory}");

        Assert.Equal(0, helpCode);
        foreach (var command in new[] { "copy-data", "import", "report", "rollup", "user" })
        {
            Assert.Contains($"  {command} ", help);
        }
        Assert.Equal(2, unknownCode);
        Assert.Contains("Perintah 'hapus-semua' tidak dikenal", unknown);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Given_the_command_line_Then_accounts_are_listed_disabled_enabled_and_given_a_new_password()
    {
        using var data = new TempDirectory();
        string[] Args(params string[] words) => [.. words, $"--Kinerja:DataDirectory={data.Path}"];

        Assert.Equal(0, (await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "kata-sandi-pengelola-pertama\n", Args("user", "add", "admin", "--role", "admin"))).ExitCode);
        Assert.Equal(0, (await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "kata-sandi-operator-pmi\n",
            Args("user", "add", "op-pmi", "--role", "operator", "--unit", "PMI"))).ExitCode);
        var weak = await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "1234567890\n", Args("user", "add", "op-lemah", "--role", "pimpinan"));
        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("paling sedikit 12 karakter", weak.Error);

        Assert.Equal(0, (await HostProcess.RunAsync(TimeSpan.FromSeconds(90), Args("user", "disable", "op-pmi"))).ExitCode);
        var listed = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), Args("user", "list"));
        Assert.Contains("op-pmi\toperator\tPMI\tnonaktif", listed.Output);
        Assert.Contains("admin\tadmin\t-\taktif", listed.Output);
        Assert.Equal(0, (await HostProcess.RunAsync(TimeSpan.FromSeconds(90), Args("user", "enable", "op-pmi"))).ExitCode);
        Assert.Equal(0, (await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "sandi-baru-operator-pmi\n", Args("user", "passwd", "op-pmi"))).ExitCode);
        Assert.Equal(2, (await HostProcess.RunAsync(TimeSpan.FromSeconds(90), Args("user", "hapus", "op-pmi"))).ExitCode);

        await using var host = new KinerjaHost(data.Path);
        (await host.QueryAsAsync(null, Login, new { u = "op-pmi", p = "sandi-baru-operator-pmi" })).Ok();
        var trail = (await host.QueryAsync("""{ auditTrail(code: "op-pmi") { action user } }""")).Ok().GetProperty("auditTrail").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()).Reverse().ToList();
        Assert.Equal(["akun dibuat", "akun dinonaktifkan", "akun diaktifkan", "kata sandi disetel ulang", "masuk"], trail);
    }
}
