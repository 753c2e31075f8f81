using System.Text.Json;
using Kinerja.Modules.Accounts;
using Kinerja.Shared.Security;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Transactions;

/// <summary>Many clients at once, through the real host: writers wait for each other instead of failing.</summary>
public abstract class ConcurrencyTests(DatabaseEngine engine)
{
    private const int Clients = 32;
    private const int WritesPerClient = 4;

    // Half the clients fight over one indicator-triwulan, the others write one each.
    private static (string Indicator, int Quarter) Target(int client) =>
        client < Clients / 2 ? ("PEMULIHAN-1", 1) : (Kegiatan[client % Kegiatan.Length], client % 4 + 1);

    private static readonly string[] Kegiatan =
        ["PMI-1", "PMI-2", "PELAYANAN-1", "PELAYANAN-2", "UMPEG-1", "UMPEG-2", "JAMINAN-1", "PERLINDUNGAN-1"];

    [Fact]
    public async Task Given_32_clients_writing_at_once_Then_none_fails_each_figure_is_the_last_accepted_write_and_each_write_has_one_audit_row()
    {
        await using var host = new KinerjaHost(engine: engine);
        var token = await host.SignInAsync("admin-serentak", Roles.Admin, null);

        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var (indicator, quarter) = Target(client);
            var results = new List<GraphQLAnswer>();
            for (var i = 0; i < WritesPerClient; i++)
            {
                results.Add(await host.QueryAsAsync(token,
                    "mutation($i: String!, $q: Int!, $v: Float!) { recordRealization(input: { indicator: $i, year: 2026, quarter: $q, value: $v }) { status } }",
                    new { i = indicator, q = quarter, v = client * 100 + i }));
            }
            return results;
        })));

        Assert.All(answers.SelectMany(a => a), a => Assert.False(a.HasErrors, a.Body));
        // The account's own sign-in is in the trail too.
        var trail = (await host.QueryAsync("""{ auditTrail(user: "admin-serentak", limit: 5000) { action code quarter after } }"""))
            .Ok().GetProperty("auditTrail").EnumerateArray().Where(r => r.GetProperty("action").GetString() != "masuk").ToList();
        Assert.Equal(Clients * WritesPerClient, trail.Count);
        Assert.All(trail, row => Assert.Equal("realisasi diisi", row.GetProperty("action").GetString()));

        // The newest audit row of each indicator-triwulan is the write that stands.
        foreach (var (indicator, quarter) in Enumerable.Range(0, Clients).Select(Target).Distinct())
        {
            var last = trail.First(r => r.GetProperty("code").GetString() == indicator && r.GetProperty("quarter").GetInt32() == quarter);
            var written = JsonDocument.Parse(last.GetProperty("after").GetString()!).RootElement.GetProperty("numerator").GetDouble();
            var stored = (await host.QueryAsync($$"""{ value(indicator: "{{indicator}}", year: 2026, quarter: {{quarter}}) { value } }"""))
                .Ok().GetProperty("value").GetProperty("value").GetDouble();
            Assert.Equal(written, stored);
        }
    }

    [Fact]
    public async Task Given_32_wrong_passwords_at_once_Then_every_failure_is_counted()
    {
        await using var host = new KinerjaHost(engine: engine);
        await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        var accounts = host.Services.GetRequiredService<AccountService>();

        // From 32 addresses, so that only the account's own count is at work.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(async () =>
        {
            try
            {
                await accounts.LoginAsync("op-pmi", "salah-sekali-kata-sandi", $"10.0.0.{i}", CancellationToken.None);
                return "OK";
            }
            catch (AccessException e)
            {
                return e.Code;
            }
        })));

        await using var db = host.Services.GetRequiredService<Func<AccountsDbContext>>()();
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.UserName == "op-pmi");
        Assert.DoesNotContain("OK", outcomes);
        Assert.Equal(outcomes.Count(o => o == "LOGIN_FAILED"), account.FailedLogins);
        Assert.True(account.FailedLogins > AccountService.FreeFailures);
        Assert.NotNull(account.LockedUntil);
    }

    [Fact]
    public async Task Given_one_address_failing_with_many_accounts_Then_it_waits_even_for_a_right_password()
    {
        await using var host = new KinerjaHost(engine: engine);
        await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        const string login = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }";

        for (var i = 0; i <= LoginThrottle.FreeAddressFailures; i++)
        {
            var failed = await host.QueryAsAsync(null, login, new { u = $"tebakan-{i}", p = "salah-sekali-kata-sandi" });
            Assert.Equal("LOGIN_FAILED", failed.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        }
        var delayed = await host.QueryAsAsync(null, login, new { u = "op-pmi", p = "kata-sandi-uji-yang-panjang" });

        Assert.Equal("LOGIN_DELAYED", delayed.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}

public sealed class ConcurrencyTestsOnSqlite() : ConcurrencyTests(DatabaseEngine.Sqlite);

public sealed class ConcurrencyTestsOnPostgreSql() : ConcurrencyTests(DatabaseEngine.PostgreSql);
