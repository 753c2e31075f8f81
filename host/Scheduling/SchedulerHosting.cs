using Kinerja.Host.Data;
using Kinerja.Shared.Data;
using Quartz;

namespace Kinerja.Host.Scheduling;

internal static class SchedulerHosting
{
    /// <summary>The schema of Quartz's tables on PostgreSQL (made by the host's start, see SchedulerSchemaInitializer).</summary>
    public const string PostgreSqlSchema = "quartz";

    /// <summary>
    /// One Quartz scheduler for every module's jobs, with Quartz's own persistent store in the host's
    /// database: jobs, triggers and missed firings survive a restart without bookkeeping of our own. On
    /// PostgreSQL the schedulers of every host sharing the database form one cluster: a firing runs on one
    /// host, and a host that dies has its jobs recovered by another.
    /// </summary>
    public static void AddKinerjaScheduler(this WebApplicationBuilder builder)
    {
        var connectionString = DatabaseHosting.ConnectionString(builder.Configuration);
        var engine = DatabaseHosting.Engine(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                if (engine == DatabaseEngine.PostgreSql)
                {
                    store.UsePostgres(connectionString);
                    store.ConfigureStore(options => options.TablePrefix = $"{PostgreSqlSchema}.qrtz_");
                    // Each host gets an instance id of its own (AUTO), as a cluster needs.
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ProvisionSchema();
            });
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
