using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Quartz;

namespace Kinerja.Host.Backups;

/// <summary>
/// The scheduled backup. On PostgreSQL the hosts' schedulers form one cluster, so a firing runs on one host; a firing
/// missed while the host was down runs once at start.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class BackupJob(Backups backups, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("backup", "host");
    public static readonly TriggerKey TriggerKey = new("backup", "host");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await backups.TakeAsync("terjadwal", Caller.Scheduler, cancellationToken);
        }
        catch (BackupException e)
        {
            logger.LogError("Cadangan terjadwal gagal: {Reason}", e.Message);
        }
    }
}

/// <summary>Puts the backup on the scheduler with the configured cron, or takes it off when the schedule is "off".</summary>
internal sealed class BackupScheduling(ISchedulerFactory schedulers, BackupSettings settings, TimeProvider clock) : IModuleInitializer
{
    public string State => $"{settings.Schedule ?? "off"} {settings.TimeZone.Id}";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (settings.Schedule is null)
        {
            await scheduler.DeleteJob(BackupJob.Key, cancellationToken);
            return;
        }
        var existing = await scheduler.GetTrigger(BackupJob.TriggerKey, cancellationToken) as ICronTrigger;
        if (existing is not null && existing.CronExpressionString == settings.Schedule && existing.TimeZone.Id == settings.TimeZone.Id)
        {
            return;
        }
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(BackupJob.TriggerKey)
            .ForJob(BackupJob.Key)
            .StartAt(clock.GetUtcNow())
            .WithCronSchedule(settings.Schedule, cron => cron.InTimeZone(settings.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        if (existing is null)
        {
            var job = JobBuilder.Create<BackupJob>().WithIdentity(BackupJob.Key).StoreDurably().Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }
        else
        {
            await scheduler.RescheduleJob(BackupJob.TriggerKey, trigger, cancellationToken);
        }
    }
}
