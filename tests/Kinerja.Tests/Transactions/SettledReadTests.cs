using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Transactions;

/// <summary>
/// A commit group of entries checks its changes against the settings read at the version it began on: until a
/// change that may write settings joins the group, after which every check reads the database again.
/// </summary>
public abstract class SettledReadTests(DatabaseEngine engine)
{
    private const string Record = """mutation($v: Float!) { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: $v }) { status } }""";
    private const string ToRegister = """mutation { setSource(code: "PEMULIHAN-1", year: 2026, source: REGISTER) { source } }""";

    private static Task UntilQueuedAsync(IUnitOfWork unit, int writers) =>
        Eventually.TrueAsync(() => ((UnitOfWork)unit).Queued >= writers, $"{writers} writers queue for the writer's turn");

    /// <summary>An entry that writes nothing holds the writer's turn until released: writers that queue meanwhile join its group.</summary>
    private static async Task<(Task<int> Holder, TaskCompletionSource Release)> HoldTurnAsync(IUnitOfWork unit)
    {
        var holding = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = unit.RunAsync(async () =>
        {
            holding.SetResult();
            await release.Task;
            return 0;
        }, CancellationToken.None, ChangeReach.FiguresOnly);
        await holding.Task;
        return (holder, release);
    }

    [Fact]
    public async Task Given_a_source_changed_earlier_in_the_same_commit_group_Then_an_entry_of_the_group_is_checked_against_it()
    {
        await using var host = new KinerjaHost(engine: engine);
        var token = await host.SignInAsync("admin-grup", Roles.Admin, null);
        (await host.QueryAsAsync(token, Record, new { v = 3 })).Ok();
        var unit = host.Services.GetRequiredService<IUnitOfWork>();

        // A writer holds the turn with an entry that writes nothing, so the two requests queue and join its group.
        var (holder, release) = await HoldTurnAsync(unit);
        var toRegister = host.QueryAsAsync(token, ToRegister);
        await UntilQueuedAsync(unit, 1);
        var entry = host.QueryAsAsync(token, Record, new { v = 4 });
        await UntilQueuedAsync(unit, 2);
        release.SetResult();
        await holder;

        Assert.Equal("REGISTER", (await toRegister).Ok().GetProperty("setSource").GetProperty("source").GetString());
        Assert.Contains("dihitung dari register layanan", Assert.Single((await entry).ErrorMessages), StringComparison.Ordinal);
        // Typed in again, the figure is the first entry's: the refused one stored nothing.
        (await host.QueryAsAsync(token, ToRegister.Replace("REGISTER", "ENTERED", StringComparison.Ordinal))).Ok();
        Assert.Equal(3, (await host.QueryAsAsync(token, """{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 1) { value } }"""))
            .Ok().GetProperty("value").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Given_entries_in_one_commit_group_after_a_source_changed_Then_each_is_refused_whether_checked_from_memory_or_the_database()
    {
        await using var host = new KinerjaHost(engine: engine);
        var token = await host.SignInAsync("admin-grup", Roles.Admin, null);
        // An entry while the source is ENTERED keeps what its checks read, for the version before the source changes.
        (await host.QueryAsAsync(token, Record, new { v = 3 })).Ok();
        (await host.QueryAsAsync(token, ToRegister)).Ok();
        var unit = host.Services.GetRequiredService<IUnitOfWork>();
        var version = await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None);
        using var commands = new CommandCounter(host.DataDirectory);

        var (holder, release) = await HoldTurnAsync(unit);
        var entries = new List<Task<GraphQLAnswer>>();
        for (var i = 0; i < 3; i++)
        {
            entries.Add(host.QueryAsAsync(token, Record, new { v = 10 + i }));
            await UntilQueuedAsync(unit, i + 1);
        }
        commands.Reset();
        release.SetResult();
        await holder;

        // Every entry of the group is refused by the source, whether its check read the database or memory.
        foreach (var answer in await Task.WhenAll(entries))
        {
            Assert.Contains("dihitung dari register layanan", Assert.Single(answer.ErrorMessages), StringComparison.Ordinal);
        }
        Assert.Equal(version + 1, await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None));
        if (engine == DatabaseEngine.Sqlite)
        {
            // Counted on SQLite, whose file is this test's own: the first entry of the group read the sources, the others memory.
            Assert.Single(commands.Commands, c => c.Contains("cascade_value_sources", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Given_an_entry_that_a_change_of_settings_joins_Then_its_transaction_holds_no_settled_version_from_then_on()
    {
        await using var host = new KinerjaHost(engine: engine);
        var unit = host.Services.GetRequiredService<IUnitOfWork>();
        var version = await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None);

        var seen = await unit.RunAsync(async () =>
        {
            var before = WriteScope.Current!.SettledVersion;
            await unit.RunAsync(() => Task.FromResult(0), CancellationToken.None);
            return (before, after: WriteScope.Current!.SettledVersion);
        }, CancellationToken.None, ChangeReach.FiguresOnly);

        Assert.Equal(version, seen.before);
        Assert.Null(seen.after);
    }

    [Fact]
    public async Task Given_an_entry_whose_change_writes_a_setting_after_all_Then_its_transaction_holds_no_settled_version_from_then_on()
    {
        await using var host = new KinerjaHost(engine: engine);
        var unit = host.Services.GetRequiredService<IUnitOfWork>();
        var trees = host.Services.GetRequiredService<Kinerja.Modules.Cascade.Tree.CascadeTreeStore>();

        // Declared wrongly on purpose: the writer of the setting says so itself.
        var after = await unit.RunAsync(async () =>
        {
            Assert.NotNull(WriteScope.Current!.SettledVersion);
            await trees.SetLessIsBetterAsync("PEMULIHAN-1", true, CancellationToken.None);
            return WriteScope.Current!.SettledVersion;
        }, CancellationToken.None, ChangeReach.FiguresOnly);

        Assert.Null(after);
    }
}

public sealed class SettledReadTestsOnSqlite() : SettledReadTests(DatabaseEngine.Sqlite);

public sealed class SettledReadTestsOnPostgreSql() : SettledReadTests(DatabaseEngine.PostgreSql);
