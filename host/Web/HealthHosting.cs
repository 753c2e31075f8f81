using System.Text.Json;
using Kinerja.Host.Modules;
using Kinerja.Shared.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Kinerja.Host.Web;

/// <summary>
/// What a monitor asks without an account: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the
/// database answers and holds this build's migrations, the scheduler runs, the warm-up is done), 200 when healthy and
/// 503 when not, with a JSON body naming each check.
/// </summary>
internal static class HealthHosting
{
    private const string Ready = "ready";

    public static void AddKinerjaHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModuleStart>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready])
            .AddCheck<WarmUpHealthCheck>("warm-up", tags: [Ready]);
    }

    public static void MapKinerjaHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        // A warm-up under way is Degraded: not ready (503), yet not an error in the log each time a monitor asks during a start.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready),
            ResponseWriter = WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
    }

    /// <summary>The release this host runs (Directory.Build.props, tagged v0.N): after an upgrade, the monitor tells which runs.</summary>
    public static readonly string Version = typeof(HealthHosting).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            version = Version,
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, cancellationToken: http.RequestAborted);
    }
}

/// <summary>The database answers, and its last completed start is this build's (its migrations and seeding applied).</summary>
internal sealed class DatabaseHealthCheck(IDatabaseProvider database, ModuleStart start) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        try
        {
            var stamp = await database.ReadStartStampAsync(cancellationToken);
            return stamp == start.Stamp
                ? HealthCheckResult.Healthy("basis data terhubung; migrasi versi ini sudah diterapkan")
                : HealthCheckResult.Unhealthy("basis data terhubung, tetapi migrasinya bukan milik versi ini; mulai ulang host");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"basis data tidak dapat dihubungi: {e.GetType().Name}");
        }
    }
}

internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var status = await (await schedulers.GetScheduler(cancellationToken)).GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("penjadwal rollup berjalan")
            : HealthCheckResult.Unhealthy($"penjadwal rollup tidak berjalan ({status})");
    }
}

/// <summary>Ready once the warm-up has read the current year (always, where Kinerja:WarmUp=false).</summary>
internal sealed class WarmUpHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) =>
        Task.FromResult(services.GetService<WarmUpService>() is { Finished.IsCompleted: false }
            ? HealthCheckResult.Degraded("pemanasan belum selesai")
            : HealthCheckResult.Healthy("pemanasan selesai"));
}
