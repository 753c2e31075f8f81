using System.Security.Claims;
using System.Text.Json;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Tests.Security;

public sealed class TokenAndLoginTests : FreshHost
{
    protected override async Task SeedAsync() => await Host.SignInAsync("op-pmi", Roles.Operator, "PMI");

    private const string Entry = """mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 3 }) { status } }""";

    private string Token(byte[] key, DateTime expires, string user = "op-pmi") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "kinerja",
        Audience = "kinerja",
        // Stamp 0: the account's as it was made.
        Subject = new ClaimsIdentity([new Claim("name", user), new Claim("role", Roles.Admin), new Claim("kinerja_stamp", "0")]),
        IssuedAt = expires.AddHours(-2),
        NotBefore = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });

    private static string Refusal(GraphQLAnswer answer) =>
        Assert.Single(answer.Root.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString()!;

    [Fact]
    public async Task Given_no_token_a_forged_token_or_an_expired_one_Then_the_entry_is_refused_and_says_why()
    {
        var key = await File.ReadAllBytesAsync(Path.Combine(Host.DataDirectory, "signing.key"));
        var forged = Token(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64), DateTime.UtcNow.AddHours(1));
        var expired = Token(key, DateTime.UtcNow.AddHours(-1));
        var valid = Token(key, DateTime.UtcNow.AddHours(1));

        Assert.StartsWith("tanpa token", Refusal(await Host.QueryAsAsync(null, Entry)));
        Assert.StartsWith("token tidak sah", Refusal(await Host.QueryAsAsync(forged, Entry)));
        Assert.StartsWith("token tidak sah", Refusal(await Host.QueryAsAsync("bukan.sebuah.token", Entry)));
        Assert.StartsWith("token sudah kedaluwarsa", Refusal(await Host.QueryAsAsync(expired, Entry)));
        var value = (await Host.QueryAsync("""{ value(indicator: "PMI-1", year: 2026, quarter: 1) { status } }""")).Ok();
        Assert.Equal("NO_DATA", value.GetProperty("value").GetProperty("status").GetString());
        (await Host.QueryAsAsync(valid, Entry)).Ok(); // the same key, in time: accepted
    }

    [Fact]
    public async Task Given_a_wrong_password_or_name_Then_the_refusal_does_not_say_which_and_repeated_failures_wait()
    {
        const string login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }";

        var wrongPassword = Refusal(await Host.QueryAsAsync(null, login, new { u = "op-pmi", p = "salah-sekali-kata-sandi" }));
        var wrongName = Refusal(await Host.QueryAsAsync(null, login, new { u = "tidak-ada", p = "salah-sekali-kata-sandi" }));
        Assert.Equal(wrongPassword, wrongName);

        for (var i = 0; i < 3; i++)
        {
            await Host.QueryAsAsync(null, login, new { u = "op-pmi", p = "salah-sekali-kata-sandi" });
        }
        var delayed = await Host.QueryAsAsync(null, login, new { u = "op-pmi", p = "kata-sandi-uji-yang-panjang" });
        Assert.Contains("coba lagi dalam", Refusal(delayed));
        Assert.Equal("LOGIN_DELAYED", delayed.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_a_login_Then_the_token_and_its_expiry_come_back_and_me_tells_who()
    {
        var login = (await Host.QueryAsAsync(null, """mutation { login(username: "op-pmi", password: "kata-sandi-uji-yang-panjang") { token expiresAt } }"""))
            .Ok().GetProperty("login");
        var me = (await Host.QueryAsAsync(login.GetProperty("token").GetString(), "{ me { username roles unit } }")).Ok();

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", login.GetProperty("expiresAt").GetString());
        Assert.Equal("""{"username":"op-pmi","roles":["operator"],"unit":"PMI"}""", me.GetProperty("me").GetRawText());
        Assert.Equal(JsonValueKind.Null, (await Host.QueryAsAsync(null, "{ me { username } }")).Data.GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Given_public_reading_switched_on_Then_aggregates_are_read_without_an_account_but_nothing_is_changed()
    {
        await using var open = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:Security:PublicRead"] = "true" });

        (await open.QueryAsAsync(null, "{ iku(year: 2026) { status } }")).Ok();
        Assert.Equal("UNAUTHENTICATED", (await open.QueryAsAsync(null, Entry)).Root.GetProperty("errors")[0]
            .GetProperty("extensions").GetProperty("code").GetString());
        var value = (await open.QueryAsAsync(null, """{ value(indicator: "PMI-1", year: 2026, quarter: 1) { status } }""")).Ok();
        Assert.Equal("NO_DATA", value.GetProperty("value").GetProperty("status").GetString());
        // Nothing changed: the trail holds only the test's own account and its sign-in.
        Assert.Equal(["masuk", "akun dibuat"], (await open.QueryAsync("{ auditTrail { action } }")).Ok().GetProperty("auditTrail").EnumerateArray()
            .Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Given_limits_Then_a_too_deep_query_and_a_too_large_request_are_refused()
    {
        await using var strict = new KinerjaHost(settings: new Dictionary<string, string?>
        {
            ["Kinerja:GraphQL:MaxDepth"] = "3",
            ["Kinerja:GraphQL:MaxRequestBytes"] = "2000",
        });

        var deep = await strict.QueryAsync("{ iku(year: 2026) { contributions { contributions { contributions { value } } } } }");
        var large = await strict.QueryAsync("{ units { code } }" + new string(' ', 3000));
        var fine = await strict.QueryAsync("{ units { code } }");

        Assert.Contains("depth", Assert.Single(deep.ErrorMessages), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(413, large.StatusCode);
        fine.Ok();
    }

    [Fact]
    public async Task Given_the_command_line_Then_user_add_reads_the_password_from_standard_input()
    {
        using var data = new TempDirectory();

        var (created, output, _) = await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "rahasia-panjang-sekali\n",
            "user", "add", "kepala", "--role", "admin", $"--Kinerja:DataDirectory={data.Path}");
        var (badRole, _, error) = await HostProcess.RunWithInputAsync(TimeSpan.FromSeconds(90), "rahasia-panjang-sekali\n",
            "user", "add", "tamu", "--role", "raja", $"--Kinerja:DataDirectory={data.Path}");

        Assert.Equal(0, created);
        Assert.Contains("Akun kepala dibuat", output);
        Assert.NotEqual(0, badRole);
        Assert.Contains("peran", error);
        await using var host = new KinerjaHost(data.Path);
        var login = await host.QueryAsAsync(null, """mutation { login(username: "kepala", password: "rahasia-panjang-sekali") { token } }""");
        login.Ok();
        Assert.DoesNotContain("rahasia-panjang-sekali", await ReadDatabaseTextAsync(data.Path));
    }

    private static async Task<string> ReadDatabaseTextAsync(string directory)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "kinerja.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"PasswordHash\" FROM host_accounts";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
