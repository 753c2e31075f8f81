using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Kinerja.Modules.Cascade.Rollup;

/// <summary>
/// The scheduled rollup. A firing rolls up every triwulan that ended before it and has no snapshot yet,
/// oldest first: a host that was down through several firings catches up each missed triwulan once. It
/// leaves alone a triwulan that has a snapshot (a firing seen twice does not make two; one reopened by an
/// admin stays open) and one that ended before Kinerja was installed (an office starting in November may
/// still enter the year's earlier triwulan).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class QuarterlyRollupJob : IJob
{
    public static readonly JobKey Key = new("quarterly-rollup", "cascade");
    public static readonly TriggerKey TriggerKey = new("quarterly-rollup", "cascade");
    public const string InstalledAtKey = "installedAt";

    private readonly RollupService _rollups;
    private readonly ILogger<QuarterlyRollupJob> _logger;
    private readonly TimeProvider _clock;

    public QuarterlyRollupJob(RollupService rollups, ILogger<QuarterlyRollupJob> logger, TimeProvider clock)
    {
        _rollups = rollups;
        _clock = clock;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = _rollups.Settings;
        // A firing made up for at start comes late: every firing due by now counts, whichever this one is.
        var now = _clock.GetUtcNow();
        var due = context.ScheduledFireTimeUtc is { } scheduled && scheduled > now ? scheduled : now;
        var installedAt = DateTimeOffset.Parse(context.MergedJobDataMap.GetString(InstalledAtKey)!, CultureInfo.InvariantCulture);

        foreach (var (year, quarter) in settings.QuartersDue(installedAt, due))
        {
            var snapshot = await _rollups.RunScheduledAsync(year, quarter, cancellationToken);
            if (snapshot is null)
            {
                _logger.LogInformation("Rollup {Year} TW{Quarter} dilewati: triwulan itu sudah pernah di-rollup", year, quarter);
            }
            else
            {
                _logger.LogInformation("Rollup terjadwal {Year} TW{Quarter}: revisi {Revision}", year, quarter, snapshot.Revision);
            }
        }
    }
}
