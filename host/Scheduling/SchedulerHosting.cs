using Kinerja.Host.Data;
using Quartz;

namespace Kinerja.Host.Scheduling;

internal static class SchedulerHosting
{
    /// <summary>
    /// One Quartz scheduler for every module's jobs, with Quartz's own persistent store in the host's
    /// database: jobs, triggers and missed firings survive a restart without bookkeeping of our own.
    /// </summary>
    public static void AddKinerjaScheduler(this WebApplicationBuilder builder)
    {
        var connectionString = DatabaseHosting.ConnectionString(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
