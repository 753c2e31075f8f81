using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kinerja.Tests.Rollup;

/// <summary>The real Quartz scheduler of the host, with its persistent store, driven by a shifted clock.</summary>
public abstract class ScheduledRollupTests(DatabaseEngine engine)
{
    private static readonly JobKey RollupJob = new("quarterly-rollup", "cascade");

    private KinerjaHost HostAt(TempDirectory? data, string instant) => new(data?.Path, engine: engine, now: DateTimeOffset.Parse(instant));

    private static async Task<System.Text.Json.JsonElement> SnapshotsOf(KinerjaHost host, int quarter) =>
        (await host.QueryAsync($"{{ snapshots(year: 2026, quarter: {quarter}) {{ revision trigger createdAt }} }}")).Ok().GetProperty("snapshots");

    private static Task<System.Text.Json.JsonElement> WaitForSnapshotAsync(KinerjaHost host, int quarter) =>
        Eventually.MatchesAsync(() => SnapshotsOf(host, quarter), snapshots => snapshots.GetArrayLength() > 0,
            $"the scheduled rollup makes a snapshot of triwulan {quarter}", TimeSpan.FromSeconds(20));

    /// <summary>Fires the rollup job now, as a firing of the schedule would, and waits until Quartz has run it.</summary>
    private static async Task FireAndWaitAsync(KinerjaHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var listener = new RunListener();
        scheduler.ListenerManager.AddJobListener(listener);
        try
        {
            await scheduler.TriggerJob(RollupJob);
            Assert.Null(await listener.Executed.Task.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class RunListener : IJobListener
    {
        public TaskCompletionSource<JobExecutionException?> Executed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name { get; } = $"test-{Guid.NewGuid():N}";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(RollupJob))
            {
                Executed.TrySetResult(jobException);
            }
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Given_the_host_runs_at_01_00_WIB_on_10_April_Then_the_schedule_rolls_up_the_first_quarter()
    {
        using var data = new TempDirectory();
        await using (var installed = HostAt(data, "2026-03-30T10:00:00+07:00"))
        {
            (await installed.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 4 }) { status } }""")).Ok();
            var scheduler = await installed.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.IsType<ShiftedClock>(scheduler.TimeProvider);
        }

        await using var host = HostAt(data, "2026-04-10T00:59:57+07:00");
        var before = await SnapshotsOf(host, 1);
        var snapshots = await WaitForSnapshotAsync(host, 1);

        Assert.Equal(0, before.GetArrayLength());
        var snapshot = Assert.Single(snapshots.EnumerateArray());
        Assert.Equal("schedule", snapshot.GetProperty("trigger").GetString());
        Assert.StartsWith("2026-04-10T01:00:0", snapshot.GetProperty("createdAt").GetString());
        Assert.EndsWith("+07:00", snapshot.GetProperty("createdAt").GetString());
        var refused = await host.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 5 }) { status } }""");
        Assert.Contains("sudah ditutup sejak 10 April 2026 pukul 01.00", Assert.Single(refused.ErrorMessages));
    }

    [Fact]
    public async Task Given_the_host_was_down_at_the_firing_Then_it_rolls_up_once_at_start_and_never_again()
    {
        using var data = new TempDirectory();
        await using (var installed = HostAt(data, "2026-03-30T10:00:00+07:00"))
        {
            (await installed.QueryAsync("{ modules { name } }")).Ok();
        }

        await using (var late = HostAt(data, "2026-04-12T09:00:00+07:00"))
        {
            var snapshots = await WaitForSnapshotAsync(late, 1);
            Assert.Equal("schedule", Assert.Single(snapshots.EnumerateArray()).GetProperty("trigger").GetString());
        }

        // Each restart fires the job again and waits until Quartz has run it: the triwulan is not rolled up twice.
        foreach (var restart in new[] { "2026-04-13T09:00:00+07:00", "2026-04-20T09:00:00+07:00" })
        {
            await using var again = HostAt(data, restart);
            await FireAndWaitAsync(again);
            Assert.Single((await SnapshotsOf(again, 1)).EnumerateArray());
        }
    }

    [Fact]
    public async Task Given_the_host_was_down_through_four_firings_Then_it_rolls_up_each_missed_triwulan_once_oldest_first()
    {
        using var data = new TempDirectory();
        await using (var installed = HostAt(data, "2026-03-30T10:00:00+07:00"))
        {
            (await installed.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 2, value: 4 }) { status } }""")).Ok();
        }

        await using var late = HostAt(data, "2027-01-15T09:00:00+07:00");
        await WaitForSnapshotAsync(late, 4);
        await FireAndWaitAsync(late);

        var snapshots = (await late.QueryAsync("{ snapshots(year: 2026) { quarter revision trigger } }")).Ok()
            .GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal([4, 3, 2, 1], snapshots.Select(s => s.GetProperty("quarter").GetInt32()));
        Assert.All(snapshots, s => Assert.Equal(1, s.GetProperty("revision").GetInt32()));
        Assert.All(snapshots, s => Assert.Equal("schedule", s.GetProperty("trigger").GetString()));
        // The scheduler's rollups, not the nightly backup it also ran (missed while the host was down).
        var order = (await late.QueryAsync("""{ auditTrail(user: "(jadwal)") { action quarter } }""")).Ok()
            .GetProperty("auditTrail").EnumerateArray().Where(r => r.GetProperty("action").GetString() != "cadangan dibuat")
            .Select(r => r.GetProperty("quarter").GetInt32()).Reverse();
        Assert.Equal([1, 2, 3, 4], order);
        var pmi = (await late.QueryAsync("{ snapshots(year: 2026, quarter: 2) { values(cumulative: false) { indicator { code } numerator } } }")).Ok()
            .GetProperty("snapshots")[0].GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("indicator").GetProperty("code").GetString() == "PMI-1");
        Assert.Equal(4, pmi.GetProperty("numerator").GetDouble());
    }

    [Fact]
    public async Task Given_a_new_installation_in_November_Then_earlier_quarters_stay_open_for_entry()
    {
        await using var host = HostAt(null, "2026-11-15T10:00:00+07:00");

        await FireAndWaitAsync(host);

        var answer = (await host.QueryAsync("""
            mutation { a: recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 4 }) { status }
                       b: recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 3, value: 4 }) { status } }
            """)).Ok();
        Assert.Equal("OK", answer.GetProperty("b").GetProperty("status").GetString());
        var quarters = (await host.QueryAsync("{ quarters(year: 2026) { closed } snapshots(year: 2026) { revision } }")).Ok();
        Assert.All(quarters.GetProperty("quarters").EnumerateArray(), q => Assert.False(q.GetProperty("closed").GetBoolean()));
        Assert.Equal(0, quarters.GetProperty("snapshots").GetArrayLength());
    }
}

public sealed class ScheduledRollupTestsOnSqlite() : ScheduledRollupTests(DatabaseEngine.Sqlite);

public sealed class ScheduledRollupTestsOnPostgreSql() : ScheduledRollupTests(DatabaseEngine.PostgreSql);
