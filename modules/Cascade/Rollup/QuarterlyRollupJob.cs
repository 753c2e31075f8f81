using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kinerja.Modules.Cascade.Rollup;

/// <summary>
/// The scheduled rollup of the triwulan that ended before the firing. It leaves alone a triwulan that is
/// already closed (a firing seen twice does not make two snapshots) and one that ended before Kinerja was
/// installed (an office starting in November may still enter the year's earlier triwulan).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class QuarterlyRollupJob : IJob
{
    public static readonly JobKey Key = new("quarterly-rollup", "cascade");
    public static readonly TriggerKey TriggerKey = new("quarterly-rollup", "cascade");
    public const string InstalledAtKey = "installedAt";

    private readonly RollupService _rollups;
    private readonly QuarterClosures _closures;
    private readonly ILogger<QuarterlyRollupJob> _logger;

    public QuarterlyRollupJob(RollupService rollups, QuarterClosures closures, ILogger<QuarterlyRollupJob> logger)
    {
        _rollups = rollups;
        _closures = closures;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = _rollups.Settings;
        var fired = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var (year, quarter) = settings.QuarterEndedBefore(fired);
        var installedAt = DateTimeOffset.Parse(context.MergedJobDataMap.GetString(InstalledAtKey)!, CultureInfo.InvariantCulture);

        if (settings.EndOf(year, quarter) <= installedAt)
        {
            _logger.LogInformation("Rollup {Year} TW{Quarter} dilewati: triwulan itu berakhir sebelum Kinerja dipasang ({InstalledAt:o})",
                year, quarter, installedAt);
            return;
        }
        if ((await _closures.StateAsync(year, quarter, cancellationToken)).Closed)
        {
            _logger.LogInformation("Rollup {Year} TW{Quarter} dilewati: triwulan itu sudah ditutup", year, quarter);
            return;
        }
        var snapshot = await _rollups.RunAsync(year, quarter, RollupTrigger.Schedule, cancellationToken);
        _logger.LogInformation("Rollup terjadwal {Year} TW{Quarter}: revisi {Revision}", year, quarter, snapshot.Revision);
    }
}
