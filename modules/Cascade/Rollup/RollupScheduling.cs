using System.Globalization;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Shared.Modules;
using Quartz;

namespace Kinerja.Modules.Cascade.Rollup;

/// <summary>
/// Puts the quarterly rollup on the host's scheduler. Quartz keeps the job and its trigger in its
/// persistent store, so a restart finds them as they were and a firing missed while the host was down
/// fires once at start (FireAndProceed). The moment of the first start is kept as the installation. With
/// several hosts on one clustered store, the job asks for recovery: a firing under way on a host that dies
/// is run again by another.
/// </summary>
internal sealed class RollupScheduling : IModuleInitializer
{
    private readonly ISchedulerFactory _schedulers;
    private readonly RollupSettings _settings;
    private readonly TimeProvider _clock;

    public RollupScheduling(ISchedulerFactory schedulers, RollupSettings settings, TimeProvider clock)
    {
        _schedulers = schedulers;
        _settings = settings;
        _clock = clock;
    }

    public string State => $"{_settings.Cron} {_settings.TimeZone.Id} recovery";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken);
        var existing = await scheduler.GetTrigger(QuarterlyRollupJob.TriggerKey, cancellationToken) as ICronTrigger;
        if (existing is not null && existing.CronExpressionString == _settings.Cron && existing.TimeZone.Id == _settings.TimeZone.Id)
        {
            // Stored before jobs asked for recovery: the same job, its installation moment kept, asking now.
            if (await scheduler.GetJobDetail(QuarterlyRollupJob.Key, cancellationToken) is { RequestsRecovery: false } stored)
            {
                await scheduler.AddJob(stored.GetJobBuilder().RequestRecovery().Build(), AddJobOptions.Replacing, cancellationToken);
            }
            return;
        }

        var job = JobBuilder.Create<QuarterlyRollupJob>()
            .WithIdentity(QuarterlyRollupJob.Key)
            .UsingJobData(QuarterlyRollupJob.InstalledAtKey, _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture))
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var trigger = Trigger(_settings, _clock);

        if (existing is null)
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        else
        {
            // A changed schedule: the job and its installation moment stay, the trigger is replaced.
            await scheduler.RescheduleJob(QuarterlyRollupJob.TriggerKey, trigger, cancellationToken);
        }
    }

    /// <summary>The rollup's trigger: the configured cron in the configured zone, from the clock's now on.</summary>
    public static ITrigger Trigger(RollupSettings settings, TimeProvider clock) => TriggerBuilder.Create(clock)
        .WithIdentity(QuarterlyRollupJob.TriggerKey)
        .ForJob(QuarterlyRollupJob.Key)
        .StartAt(clock.GetUtcNow())
        .WithCronSchedule(settings.Cron, cron => cron.InTimeZone(settings.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
