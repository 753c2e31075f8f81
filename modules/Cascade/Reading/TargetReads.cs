using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>An indicator's targets of a year as typed, with the reading they are read by.</summary>
internal sealed record IndicatorTargets(IndicatorDefinition Indicator, int Year, TargetSet Targets);

/// <summary>The typed targets of a year (a Rencana Aksi), with the reading each indicator's quarterly targets are read by.</summary>
internal sealed class TargetReads(ModuleDirectory directory, YearReadings readings, Access access)
{
    /// <summary>The targets of every indicator of <paramref name="unit"/> and the units below it (every unit when none), in catalog order.</summary>
    public async Task<IReadOnlyList<IndicatorTargets>> ListAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, directory);
        checks.ThrowIfFailed();
        var reading = await readings.YearAsync(year, cancellationToken);
        var figures = new YearFigures(year, reading.Data, reading.Targets);
        return directory.Indicators
            .Where(i => unit is null || access.IsWithin(i.Unit, unit))
            .Select(i => new IndicatorTargets(i, year, figures.TargetsOf(i.Code)))
            .ToList();
    }

}
