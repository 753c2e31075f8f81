using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>A base-data stock through a year: as recorded at the end of each triwulan, or counted from its register.</summary>
internal sealed record BaseMeasureYear(BaseMeasureDefinition Measure, UnitDefinition Unit, int Year, ValueSource Source, IReadOnlyList<double?> Quarters);

/// <summary>The base-data stocks that denominators use, as their owning units keep them.</summary>
internal sealed class BaseMeasureReads
{
    private readonly ModuleDirectory _directory;
    private readonly YearReadings _readings;
    private readonly SourceSettings _sources;
    private readonly Access _access;

    public BaseMeasureReads(ModuleDirectory directory, YearReadings readings, SourceSettings sources, Access access)
    {
        _directory = directory;
        _readings = readings;
        _sources = sources;
        _access = access;
    }

    /// <summary>
    /// The stocks of the enabled modules owned by <paramref name="unit"/> or a unit below it (all when none), each at the end
    /// of the four triwulan: the value recorded for that triwulan, or for a register-counted stock its count on that day.
    /// </summary>
    public async Task<IReadOnlyList<BaseMeasureYear>> ListAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        var reading = await _readings.YearAsync(year, cancellationToken);
        var register = await _sources.RegisterCodesAsync(year, cancellationToken);
        var recorded = reading.Data.SelectMany(d => d.BaseMeasures).ToLookup(b => b.Measure, StringComparer.Ordinal);
        var list = new List<BaseMeasureYear>();
        foreach (var measure in _directory.Modules.Where(m => m.Enabled).SelectMany(m => m.Catalog.BaseMeasures))
        {
            if (unit is not null && !_access.IsWithin(measure.OwnerUnit, unit) || _directory.FindEnabledUnit(measure.OwnerUnit) is not { } owner)
            {
                continue;
            }
            var quarters = new double?[4];
            if (register.Contains(measure.Code) && _sources.StockCounter(measure.Code) is { } counter)
            {
                for (var q = 1; q <= 4; q++)
                {
                    quarters[q - 1] = (await counter.CountStockAsync(measure.Code, Period.ThroughQuarter(year, q).End, cancellationToken)).Total;
                }
                list.Add(new BaseMeasureYear(measure, owner, year, ValueSource.Register, quarters));
                continue;
            }
            foreach (var entry in recorded[measure.Code])
            {
                quarters[entry.Quarter - 1] = entry.Value;
            }
            list.Add(new BaseMeasureYear(measure, owner, year, ValueSource.Entered, quarters));
        }
        return list;
    }
}
