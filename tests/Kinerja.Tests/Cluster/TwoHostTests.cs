using System.Collections.Concurrent;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace Kinerja.Tests.Cluster;

/// <summary>
/// Two hosts on one PostgreSQL database, as behind a reverse proxy: Quartz's clustered store fires a
/// scheduled rollup on one of them only, and rollups asked of both at once take turns on the database.
/// </summary>
public sealed class TwoHostTests
{
    private static readonly JobKey RollupJob = new("quarterly-rollup", "cascade");

    private static KinerjaHost HostAt(TempDirectory data, string instant) =>
        new(data.Path, engine: DatabaseEngine.PostgreSql, now: DateTimeOffset.Parse(instant));

    private static async Task<List<JsonElement>> SnapshotsAsync(KinerjaHost host, int quarter) =>
        (await host.QueryAsync($"{{ snapshots(year: 2026, quarter: {quarter}) {{ revision trigger }} }}")).Ok()
            .GetProperty("snapshots").EnumerateArray().ToList();

    private sealed class Runs : IJobListener
    {
        public ConcurrentQueue<string> Instances { get; } = new();

        public string Name { get; } = $"runs-{Guid.NewGuid():N}";

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(RollupJob))
            {
                Instances.Enqueue(context.Scheduler.SchedulerInstanceId);
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Where the cluster is with a firing of the rollup: the runs seen, the job's triggers still due at or before it
    /// (the schedule's, or one recovering a run of a host taken for dead), and Quartz's records of firings acquired
    /// or running on any host (each kept until its run has completed, after the listeners heard of it).
    /// </summary>
    private sealed record Firing(int Runs, int TriggersDue, long FiredRecords)
    {
        public bool Over => Runs > 0 && TriggersDue == 0 && FiredRecords == 0;
    }

    private static async Task<Firing> FiringAsync(IScheduler scheduler, TempDirectory data, Runs runs, DateTimeOffset firing)
    {
        var due = (await scheduler.GetTriggersOfJob(RollupJob)).Count(t => t.NextFireTimeUtc is { } next && next <= firing);
        await using var connection = new NpgsqlConnection(TestPostgres.DatabaseFor(data.Path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM quartz.qrtz_fired_triggers WHERE job_name = @name AND job_group = @group";
        command.Parameters.AddWithValue("name", RollupJob.Name);
        command.Parameters.AddWithValue("group", RollupJob.Group);
        return new Firing(runs.Instances.Count, due, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Given_two_hosts_at_the_firing_Then_the_rollup_runs_once_on_one_of_them_and_makes_one_revision()
    {
        using var data = new TempDirectory();
        await using (var installed = HostAt(data, "2026-03-30T10:00:00+07:00"))
        {
            (await installed.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 4 }) { status } }""")).Ok();
        }

        await using var first = HostAt(data, "2026-04-10T00:59:50+07:00");
        await using var second = HostAt(data, "2026-04-10T00:59:50+07:00");
        var runs = new Runs();
        var instances = new List<string>();
        foreach (var host in new[] { first, second })
        {
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            Assert.True((await scheduler.GetMetadata()).JobStoreClustered);
            scheduler.ListenerManager.AddJobListener(runs);
            instances.Add(scheduler.SchedulerInstanceId);
        }
        // Until the firing is over in the whole cluster: a second run of it, by either scheduler, would have shown by then.
        var scheduled = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.MatchesAsync(() => FiringAsync(scheduled, data, runs, DateTimeOffset.Parse("2026-04-10T01:00:00+07:00")), f => f.Over,
            "the rollup of 10 April 01:00 has run and nothing of its firing is left in the cluster");

        Assert.Equal(2, instances.Distinct().Count());
        Assert.Contains(Assert.Single(runs.Instances), instances);
        var snapshot = Assert.Single(await SnapshotsAsync(second, 1));
        Assert.Equal(1, snapshot.GetProperty("revision").GetInt32());
        Assert.Equal("schedule", snapshot.GetProperty("trigger").GetString());
        Assert.Single((await first.QueryAsync("""{ auditTrail(user: "(jadwal)") { action } }""")).Ok().GetProperty("auditTrail").EnumerateArray(),
            r => r.GetProperty("action").GetString() != "cadangan dibuat");
    }

    [Fact]
    public async Task Given_two_hosts_started_at_once_on_a_new_database_Then_both_start_and_the_catalog_is_seeded_once()
    {
        using var data = new TempDirectory();
        await using var first = new KinerjaHost(data.Path, engine: DatabaseEngine.PostgreSql);
        await using var second = new KinerjaHost(data.Path, engine: DatabaseEngine.PostgreSql);

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        var indicators = (await first.QueryAsync("{ indicators { code } }")).Ok().GetProperty("indicators").GetArrayLength();
        Assert.Equal(indicators, (await second.QueryAsync("{ indicators { code } }")).Ok().GetProperty("indicators").GetArrayLength());
        Assert.True(indicators > 0);
        var job = await (await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetJobDetail(RollupJob);
        Assert.True(job!.RequestsRecovery);
    }

    [Fact]
    public async Task Given_runRollup_asked_of_two_hosts_at_once_Then_exactly_one_new_revision_is_made()
    {
        using var data = new TempDirectory();
        await using var first = new KinerjaHost(data.Path, engine: DatabaseEngine.PostgreSql);
        await using var second = new KinerjaHost(data.Path, engine: DatabaseEngine.PostgreSql);
        const string rollup = "mutation { runRollup(year: 2026, quarter: 1) { revision } }";
        (await first.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 4 }) { status } }""")).Ok();

        async Task<int[]> BothAtOnceAsync()
        {
            using var start = new Barrier(2);
            var answers = await Task.WhenAll(new[] { first, second }.Select(host => Task.Run(async () =>
            {
                start.SignalAndWait();
                return (await host.QueryAsync(rollup)).Ok().GetProperty("runRollup").GetProperty("revision").GetInt32();
            })));
            return answers;
        }

        var firstRollups = await BothAtOnceAsync();
        Assert.Equal([1, 1], firstRollups);
        (await second.QueryAsync("mutation { reopenQuarter(year: 2026, quarter: 1) { closed } }")).Ok();
        (await second.QueryAsync("""mutation { recordRealization(input: { indicator: "PMI-1", year: 2026, quarter: 1, value: 6 }) { status } }""")).Ok();
        var secondRollups = await BothAtOnceAsync();
        Assert.Equal([2, 2], secondRollups);

        var revisions = (await SnapshotsAsync(first, 1)).Select(s => s.GetProperty("revision").GetInt32()).ToList();
        Assert.Equal([2, 1], revisions);
    }
}
