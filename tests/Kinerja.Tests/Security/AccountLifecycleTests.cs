using System.Security.Claims;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Tests.Security;

/// <summary>Accounts the office manages and revokes, through the real host, on both engines.</summary>
public abstract class AccountLifecycleTests(DatabaseEngine engine)
{
    private const string Login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";
    private const string Me = "{ me { username roles unit } }";

    private static string? Code(GraphQLAnswer answer) =>
        answer.HasErrors ? answer.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static async Task<string> LoginAsync(KinerjaHost host, string user, string password) =>
        (await host.QueryAsAsync(null, Login, new { u = user, p = password })).Ok().GetProperty("login").GetProperty("token").GetString()!;

    private static async Task AssertRefusedAsync(KinerjaHost host, string token, string why)
    {
        var answer = await host.QueryAsAsync(token, "{ iku(year: 2026) { status } }");
        Assert.Equal("UNAUTHENTICATED", Code(answer));
        Assert.Contains(why, Assert.Single(answer.ErrorMessages));
        // A report says it as well, so a download in the web app can tell the person why.
        var report = await Reports.Reports.GetAsync(host, "/reports/pengukuran-kinerja.html?year=2026", token);
        Assert.Equal(401, report.Status);
        Assert.Contains(why, report.Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Given_an_account_made_changed_disabled_and_reset_Then_each_change_ends_its_tokens_at_once_and_is_audited()
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path, engine: engine);
        var admin = await host.SignInAsync("admin-akun", Roles.Admin, null);
        const string password = "kalimat-sandi-seksi-pemulihan";

        var made = (await host.QueryAsAsync(admin, """
            mutation($p: String!) { createAccount(input: { username: "op-pemulihan", password: $p, roles: ["operator"], unit: "PEMULIHAN" })
              { username roles unit disabled } }
            """, new { p = password })).Ok().GetProperty("createAccount");
        Assert.Equal("""{"username":"op-pemulihan","roles":["operator"],"unit":"PEMULIHAN","disabled":false}""", made.GetRawText());
        var first = await LoginAsync(host, "op-pemulihan", password);
        (await host.QueryAsAsync(first, Me)).Ok();
        Assert.Equal("FORBIDDEN", Code(await host.QueryAsAsync(first, "{ accounts { username } }")));
        Assert.Equal("FORBIDDEN", Code(await host.QueryAsAsync(first, """mutation { disableAccount(username: "admin-akun") { disabled } }""")));

        // Other roles: the token that carried the old ones is refused at once; a new one carries the new.
        (await host.QueryAsAsync(admin, """mutation { updateAccount(input: { username: "op-pemulihan", roles: ["operator", "verifikator"], unit: "REHSOS" }) { roles } }""")).Ok();
        await AssertRefusedAsync(host, first, "token dicabut");
        var second = await LoginAsync(host, "op-pemulihan", password);
        Assert.Equal("REHSOS", (await host.QueryAsAsync(second, Me)).Ok().GetProperty("me").GetProperty("unit").GetString());

        (await host.QueryAsAsync(admin, """mutation { disableAccount(username: "op-pemulihan") { disabled } }""")).Ok();
        await AssertRefusedAsync(host, second, "dinonaktifkan");
        Assert.Equal("LOGIN_FAILED", Code(await host.QueryAsAsync(null, Login, new { u = "op-pemulihan", p = password })));
        (await host.QueryAsAsync(admin, """mutation { enableAccount(username: "op-pemulihan") { disabled } }""")).Ok();
        var third = await LoginAsync(host, "op-pemulihan", password);

        const string newPassword = "sandi-baru-dari-administrator";
        (await host.QueryAsAsync(admin, """mutation($p: String!) { resetPassword(username: "op-pemulihan", newPassword: $p) { username } }""", new { p = newPassword })).Ok();
        await AssertRefusedAsync(host, third, "token dicabut");
        Assert.Equal("LOGIN_FAILED", Code(await host.QueryAsAsync(null, Login, new { u = "op-pemulihan", p = password })));
        var fourth = await LoginAsync(host, "op-pemulihan", newPassword);

        // Anyone changes their own password with the current one; the answer is the only token that still works.
        var wrong = await host.QueryAsAsync(fourth, """mutation { changePassword(currentPassword: "bukan-sandinya-sama-sekali", newPassword: "sandi-pilihan-sendiri-yang-baru") { token } }""");
        Assert.Contains("currentPassword: kata sandi sekarang salah", Assert.Single(wrong.ErrorMessages));
        var changed = (await host.QueryAsAsync(fourth, """mutation($p: String!) { changePassword(currentPassword: $p, newPassword: "sandi-pilihan-sendiri-yang-baru") { token } }""",
            new { p = newPassword })).Ok().GetProperty("changePassword").GetProperty("token").GetString()!;
        await AssertRefusedAsync(host, fourth, "token dicabut");
        (await host.QueryAsAsync(changed, Me)).Ok();
        await LoginAsync(host, "op-pemulihan", "sandi-pilihan-sendiri-yang-baru");

        var listed = (await host.QueryAsAsync(admin, "{ accounts { username disabled changedAt } }")).Ok().GetProperty("accounts");
        Assert.Equal(["admin-akun", "op-pemulihan"], listed.EnumerateArray().Select(a => a.GetProperty("username").GetString()));
        var trail = (await host.QueryAsAsync(admin, """{ auditTrail(code: "op-pemulihan") { action user before after } }""")).Ok().GetProperty("auditTrail")
            .EnumerateArray().Select(a => a.GetProperty("action").GetString()).Reverse().ToList();
        Assert.Equal(["akun dibuat", "masuk", "akun diubah", "masuk", "akun dinonaktifkan", "masuk ditolak: akun nonaktif", "akun diaktifkan", "masuk",
            "kata sandi disetel ulang", "masuk gagal", "masuk", "kata sandi diganti", "masuk"], trail);
        Assert.DoesNotContain(password, (await host.QueryAsAsync(admin, "{ auditTrail { before after } }")).Body);
    }

    [Fact]
    public async Task Given_the_last_enabled_administrator_Then_it_cannot_be_disabled_or_lose_the_role()
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path, engine: engine);
        var admin = await host.SignInAsync("admin-tunggal", Roles.Admin, null);
        await host.CreateAccountAsync("admin-kedua", [Roles.Admin], null);

        Assert.Contains("akunnya sendiri", Assert.Single((await host.QueryAsAsync(admin, """mutation { disableAccount(username: "admin-tunggal") { disabled } }""")).ErrorMessages));
        (await host.QueryAsAsync(admin, """mutation { disableAccount(username: "admin-kedua") { disabled } }""")).Ok();
        var last = await host.QueryAsAsync(admin, """mutation { updateAccount(input: { username: "admin-tunggal", roles: ["pimpinan"] }) { roles } }""");
        Assert.Contains("peran administrator dari akunnya sendiri", Assert.Single(last.ErrorMessages));
    }

    [Theory]
    [InlineData("x<script>", "kata-sandi-yang-cukup-panjang", "input.username", "huruf kecil")]
    [InlineData("Admin", "kata-sandi-yang-cukup-panjang", "input.username", "huruf kecil")]
    [InlineData("op lima", "kata-sandi-yang-cukup-panjang", "input.username", "huruf kecil")]
    [InlineData("op-baru", "pendek-saja", "input.password", "paling sedikit 12 karakter")]
    [InlineData("op-baru", "aaaaaaaaaaaaaaaa", "input.password", "satu karakter yang diulang")]
    [InlineData("op-baru", "sandi-op-baru-saya", "input.password", "memuat nama pengguna")]
    [InlineData("op-baru", "123qweasdzxc", "input.password", "paling sering dipakai")]
    [InlineData("op-baru", "QWERTY123456", "input.password", "paling sering dipakai")]
    public async Task Given_a_bad_name_or_password_Then_the_account_is_refused_naming_why(string name, string password, string field, string reason)
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path, engine: engine);

        var answer = await host.QueryAsync("""
            mutation($u: String!, $p: String!) { createAccount(input: { username: $u, password: $p, roles: ["pimpinan"], unit: "DINSOS" }) { username } }
            """, new { u = name, p = password });

        var error = Assert.Single(answer.ErrorMessages);
        Assert.StartsWith(field, error);
        Assert.Contains(reason, error);
        Assert.DoesNotContain(name, (await host.QueryAsync("{ accounts { username } }")).Ok().GetRawText());
    }

    [Fact]
    public async Task Given_tokens_signed_with_the_right_key_Then_one_without_an_account_or_without_exp_is_refused_even_after_a_restart()
    {
        using var data = new TempDirectory();
        string deleted;
        await using (var host = new KinerjaHost(data.Path, engine: engine))
        {
            deleted = await host.SignInAsync("akan-dihapus", Roles.Pimpinan, "DINSOS");
            (await host.QueryAsAsync(deleted, Me)).Ok();
            await using var connection = await new EngineTables(data.Path, engine).OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {(engine == DatabaseEngine.Sqlite ? "\"host_accounts\"" : "\"kinerja\".\"host_accounts\"")} WHERE \"UserName\" = 'akan-dihapus'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            // A change the host did not make raises no version: only the next change is seen, as after a restart.
        }
        await using var restarted = new KinerjaHost(data.Path, engine: engine);
        (await restarted.QueryAsync(Me)).Ok();
        await AssertRefusedAsync(restarted, deleted, "akun token ini tidak ada");

        var key = new SymmetricSecurityKey(await File.ReadAllBytesAsync(Path.Combine(data.Path, "signing.key")));
        string Forge(string name, bool expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "kinerja",
            Audience = "kinerja",
            Subject = new ClaimsIdentity([new Claim("name", name), new Claim("role", Roles.Admin), new Claim("kinerja_stamp", "0")]),
            Expires = expires ? DateTime.UtcNow.AddHours(1) : null,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        await AssertRefusedAsync(restarted, Forge("tidak-pernah-ada", expires: true), "akun token ini tidak ada");
        await AssertRefusedAsync(restarted, Forge("admin-uji", expires: false), "tanpa masa berlaku");
    }

    [Fact]
    public async Task Given_two_hosts_on_one_database_Then_an_account_disabled_on_one_is_refused_by_the_other_at_once()
    {
        using var data = new TempDirectory();
        await using var one = new KinerjaHost(data.Path, engine: engine);
        var token = await one.SignInAsync("op-dua-host", Roles.Operator, "PMI");
        await using var other = new KinerjaHost(data.Path, engine: engine);
        (await other.QueryAsAsync(token, Me)).Ok();

        (await one.QueryAsync("""mutation { disableAccount(username: "op-dua-host") { disabled } }""")).Ok();

        await AssertRefusedAsync(other, token, "dinonaktifkan");
    }

    [Fact]
    public async Task Given_failures_with_a_name_that_exists_and_one_that_does_not_Then_both_answer_alike()
    {
        using var data = new TempDirectory();
        await using var host = new KinerjaHost(data.Path, engine: engine);
        await host.CreateAccountAsync("op-ada", [Roles.Pimpinan], "DINSOS");

        foreach (var name in new[] { "op-ada", "op-tidak-ada" })
        {
            var answers = new List<string>();
            for (var i = 0; i < AccountsFailures + 2; i++)
            {
                var answer = await host.QueryAsAsync(null, Login, new { u = name, p = "bukan-sandi-yang-benar" });
                answers.Add($"{Code(answer)}: {Assert.Single(answer.ErrorMessages)}");
            }
            Assert.Equal([.. Enumerable.Repeat("LOGIN_FAILED: nama pengguna atau kata sandi salah", AccountsFailures + 1),
                "LOGIN_DELAYED: terlalu banyak percobaan masuk yang gagal; coba lagi dalam 5 detik"], answers);
        }
        var trail = (await host.QueryAsync("{ auditTrail { action code } }")).Ok().GetProperty("auditTrail").EnumerateArray()
            .Select(a => $"{a.GetProperty("action").GetString()} {a.GetProperty("code").GetString()}").ToList();
        Assert.Equal(4, trail.Count(a => a == "masuk gagal op-tidak-ada"));
        Assert.Contains("akun ditahan op-tidak-ada", trail);
        Assert.Contains("akun ditahan op-ada", trail);
    }

    private const int AccountsFailures = 3;
}

public sealed class AccountLifecycleTestsOnSqlite() : AccountLifecycleTests(DatabaseEngine.Sqlite);

public sealed class AccountLifecycleTestsOnPostgreSql() : AccountLifecycleTests(DatabaseEngine.PostgreSql);
