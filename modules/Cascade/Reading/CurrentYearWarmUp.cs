using Kinerja.Modules.Cascade.Closures;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>
/// The dashboard's opening period (this year through TW IV) evaluated once the host listens, before the
/// first official asks: the year's tree and figures are read and its registers counted (or the counts kept
/// in the database read) for the data version, as a request would, and requests that ask meanwhile share
/// that reading. Other periods of the year then need only their own counts.
/// </summary>
internal sealed class CurrentYearWarmUp(IndicatorReads indicators, TimeProvider clock, RollupSettings office) : IWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        // The office's year (its zone, as the rollups keep it), not the server's.
        indicators.IkuAsync(office.Local(clock.GetUtcNow()).Year, 4, cumulative: true, cancellationToken);
}
