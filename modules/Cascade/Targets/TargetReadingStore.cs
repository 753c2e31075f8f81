using Kinerja.Modules.Cascade.Data;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Targets;

/// <summary>The target readings of one year: each indicator's default unless the year sets another.</summary>
internal sealed class TargetReadings(int year, IReadOnlyDictionary<string, TargetReading> changed, ModuleDirectory directory)
{
    public int Year { get; } = year;

    public TargetReading Of(string indicator) =>
        changed.TryGetValue(indicator, out var reading) ? reading
        : directory.FindIndicator(indicator) is { } definition ? TargetSet.DefaultOf(definition)
        : TargetReading.PerQuarter;

    public bool IsDefault(IndicatorDefinition indicator) => !changed.ContainsKey(indicator.Code);
}

/// <summary>Keeps the years' target readings that differ from the defaults (a setting, like a year's tree).</summary>
internal sealed class TargetReadingStore
{
    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly VersionKept<int, TargetReadings> _kept;

    public TargetReadingStore(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, IDataVersion version)
    {
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _kept = new VersionKept<int, TargetReadings>(version);
    }

    /// <summary>The year's readings, kept for the data version they were read at.</summary>
    public Task<TargetReadings> OfYearAsync(int year, CancellationToken cancellationToken) =>
        _kept.ReadAsync(year, () => ReadYearAsync(year, cancellationToken), cancellationToken);

    /// <summary>The year's readings as stored now.</summary>
    public async Task<TargetReadings> ReadYearAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var changed = await db.TargetReadings.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.Indicator, r.Reading }).ToListAsync(cancellationToken);
        return new TargetReadings(year,
            changed.ToDictionary(r => r.Indicator, r => Enum.Parse<TargetReading>(r.Reading), StringComparer.Ordinal), _directory);
    }

    /// <summary>Stores the year's reading of an indicator; the default is stored as no change.</summary>
    public async Task SaveAsync(int year, IndicatorDefinition indicator, TargetReading reading, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        var record = await db.TargetReadings.SingleOrDefaultAsync(r => r.Year == year && r.Indicator == indicator.Code, cancellationToken);
        if (reading == TargetSet.DefaultOf(indicator))
        {
            if (record is not null)
            {
                db.TargetReadings.Remove(record);
            }
        }
        else
        {
            if (record is null)
            {
                record = new TargetReadingRecord { Year = year, Indicator = indicator.Code, Reading = "" };
                db.TargetReadings.Add(record);
            }
            record.Reading = reading.ToString();
            record.ChangedAt = _clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
