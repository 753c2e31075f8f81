using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>An indicator's targets of a year as typed, with the reading they are read by.</summary>
internal sealed record IndicatorTargets(IndicatorDefinition Indicator, int Year, TargetSet Targets);

/// <summary>The typed targets of a year (a Rencana Aksi), and how each indicator's quarterly targets are read.</summary>
internal sealed class TargetService
{
    private readonly ModuleDirectory _directory;
    private readonly YearReadings _readings;
    private readonly TargetReadingStore _store;
    private readonly QuarterClosures _closures;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public TargetService(ModuleDirectory directory, YearReadings readings, TargetReadingStore store, QuarterClosures closures, Access access,
        IAuditTrail audit, IUnitOfWork unit)
    {
        _directory = directory;
        _readings = readings;
        _store = store;
        _closures = closures;
        _access = access;
        _audit = audit;
        _unit = unit;
    }

    /// <summary>The targets of every indicator of <paramref name="unit"/> and the units below it (every unit when none), in catalog order.</summary>
    public async Task<IReadOnlyList<IndicatorTargets>> ListAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        var reading = await _readings.YearAsync(year, cancellationToken);
        var figures = new YearFigures(year, reading.Data, reading.Readings.Of);
        return _directory.Indicators
            .Where(i => unit is null || _access.IsWithin(i.Unit, unit))
            .Select(i => new IndicatorTargets(i, year, figures.TargetsOf(i.Code)))
            .ToList();
    }

    /// <summary>
    /// Sets how an indicator's quarterly targets are read in a year. Administrators only; like the year's tree,
    /// not while one of its triwulan is closed, since its snapshots were computed with the reading it had.
    /// </summary>
    public async Task<IndicatorDefinition> SetReadingAsync(Caller caller, string code, int year, TargetReading reading,
        CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah pembacaan target");
        var checks = new InputChecks();
        var yearOk = checks.Year("year", year);
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        checks.ThrowIfFailed();
        return await _unit.RunAsync(async () =>
        {
            if (yearOk)
            {
                await _closures.CheckYearOpenAsync(checks, "year", year, "pembacaan target", cancellationToken);
            }
            checks.ThrowIfFailed();
            var before = (await _store.ReadYearAsync(year, cancellationToken)).Of(indicator!.Code);
            await _store.SaveAsync(year, indicator, reading, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("pembacaan target diubah", indicator.Unit, indicator.Code, year, null,
                new { reading = TargetSet.Name(before) }, new { reading = TargetSet.Name(reading) }), cancellationToken);
            return indicator;
        }, cancellationToken);
    }
}
