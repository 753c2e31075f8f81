using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>How each indicator's quarterly targets are read in a year (its target reading), changed by administrators.</summary>
internal sealed class TargetReadingCommands
{
    private readonly ModuleDirectory _directory;
    private readonly TargetReadingStore _store;
    private readonly QuarterClosures _closures;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public TargetReadingCommands(ModuleDirectory directory, TargetReadingStore store, QuarterClosures closures, Access access, IAuditTrail audit,
        IUnitOfWork unit)
    {
        _directory = directory;
        _store = store;
        _closures = closures;
        _access = access;
        _audit = audit;
        _unit = unit;
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
