using System.Text.Json;
using Autofac;
using Kinerja.Modules.Accounts;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Transactions;

/// <summary>
/// Writers that queue together commit together, each change in a savepoint of its own: a change that fails in
/// a group rolls back alone, and the others of its group are stored with their audit rows, and the data version
/// rises by one for each of them.
/// </summary>
public abstract class GroupCommitTests(DatabaseEngine engine)
{
    private const int Clients = 32;
    private const int WritesPerClient = 4;

    // Changes of PMI-1 fail in the database after their entry and audit row were written: a statement that fails
    // leaves a PostgreSQL transaction unusable until it rolls back to a savepoint, the change's own.
    private sealed class FailingFor(string code, IAuditTrail inner, Func<AccountsDbContext> createContext) : IAuditTrail
    {
        public async Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken cancellationToken)
        {
            await inner.RecordAsync(caller, entry, cancellationToken);
            if (entry.Code == code)
            {
                await using var db = createContext();
                await db.Database.ExecuteSqlRawAsync("UPDATE tabel_yang_tidak_ada SET x = 1", cancellationToken);
            }
        }
    }

    private static readonly string[] Indicators = ["PMI-1", "PEMULIHAN-1", "PELAYANAN-1", "UMPEG-1"];

    [Fact]
    public async Task Given_writers_at_once_and_some_changes_failing_Then_only_the_failing_ones_are_missing()
    {
        await using var host = new KinerjaHost(container: c =>
            c.Register(x => new FailingFor("PMI-1", x.Resolve<AuditTrail>(), x.Resolve<Func<AccountsDbContext>>())).As<IAuditTrail>().SingleInstance(),
            engine: engine);
        var token = await host.SignInAsync("admin-serentak", Roles.Admin, null);
        var version = await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var results = new List<(string Indicator, GraphQLAnswer Answer)>();
            for (var i = 0; i < WritesPerClient; i++)
            {
                var indicator = Indicators[(client + i) % Indicators.Length];
                results.Add((indicator, await host.QueryAsAsync(token,
                    "mutation($i: String!, $v: Float!) { recordRealization(input: { indicator: $i, year: 2026, quarter: 1, value: $v }) { status } }",
                    new { i = indicator, v = client * 100 + i })));
            }
            return results;
        })));

        var all = answers.SelectMany(a => a).ToList();
        Assert.All(all.Where(a => a.Indicator == "PMI-1"), a => Assert.True(a.Answer.HasErrors, a.Answer.Body));
        Assert.All(all.Where(a => a.Indicator != "PMI-1"), a => Assert.False(a.Answer.HasErrors, a.Answer.Body));
        var stored = all.Count(a => a.Indicator != "PMI-1");
        Assert.Equal(version + stored, await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None));
        // The account's own sign-in is in the trail too, and raises no version.
        var trail = (await host.QueryAsync("""{ auditTrail(user: "admin-serentak", limit: 5000) { action code after } }"""))
            .Ok().GetProperty("auditTrail").EnumerateArray().Where(r => r.GetProperty("action").GetString() != "masuk").ToList();
        Assert.Equal(stored, trail.Count);
        Assert.DoesNotContain(trail, r => r.GetProperty("code").GetString() == "PMI-1");
        Assert.Equal(JsonValueKind.Null, (await host.QueryAsync("""{ value(indicator: "PMI-1", year: 2026, quarter: 1) { value } }"""))
            .Ok().GetProperty("value").GetProperty("value").ValueKind);
        foreach (var indicator in Indicators.Skip(1))
        {
            var last = trail.First(r => r.GetProperty("code").GetString() == indicator);
            var written = JsonDocument.Parse(last.GetProperty("after").GetString()!).RootElement.GetProperty("numerator").GetDouble();
            Assert.Equal(written, (await host.QueryAsync($$"""{ value(indicator: "{{indicator}}", year: 2026, quarter: 1) { value } }"""))
                .Ok().GetProperty("value").GetProperty("value").GetDouble());
        }
    }
}

public sealed class GroupCommitTestsOnSqlite() : GroupCommitTests(DatabaseEngine.Sqlite);

public sealed class GroupCommitTestsOnPostgreSql() : GroupCommitTests(DatabaseEngine.PostgreSql);
