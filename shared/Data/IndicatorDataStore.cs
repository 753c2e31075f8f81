using Kinerja.Shared.Catalog;
using System.Text.Json;
using Kinerja.Shared.Modules;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// A module's indicator data, on the shape under its prefix. A context is made per call: GraphQL resolvers run in
/// parallel and a DbContext must not be shared between them. At start, after the shape's migrations, it seeds the
/// module's catalog.
/// </summary>
public sealed class IndicatorDataStore : IIndicatorDataStore, IModuleInitializer
{
    private readonly ModuleCatalog _catalog;
    private readonly Func<IndicatorDataContext> _createContext;
    private readonly TimeProvider _clock;

    public IndicatorDataStore(ModuleCatalog catalog, Func<IndicatorDataContext> createContext, TimeProvider clock)
    {
        _catalog = catalog;
        _createContext = createContext;
        _clock = clock;
    }

    public string Module => _catalog.Module;

    public string State => JsonSerializer.Serialize(new { _catalog.Module, _catalog.Units, _catalog.Indicators });

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        await SeedCatalogAsync(db, cancellationToken);
    }

    public async Task<IndicatorYearData> LoadYearAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var realizations = await db.Realizations.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new RealizationEntry(r.Indicator, r.Year, r.Quarter, r.Numerator, r.Denominator)
            {
                State = r.State, EnteredBy = r.EnteredBy, ReviewedBy = r.ReviewedBy, ReturnReason = r.ReturnReason, Revision = r.Revision,
            })
            .ToListAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().Where(t => t.Year == year)
            .Select(t => new TargetEntry(t.Indicator, t.Year, t.Quarter == TargetRecord.AnnualQuarter ? null : t.Quarter, t.Value))
            .ToListAsync(cancellationToken);
        var stocks = await db.BaseMeasures.AsNoTracking().Where(b => b.Year == year)
            .Select(b => new BaseMeasureEntry(b.Measure, b.Year, b.Quarter, b.Value))
            .ToListAsync(cancellationToken);
        return new IndicatorYearData(realizations, targets, stocks);
    }

    public async Task<RealizationEntry?> SaveRealizationAsync(RealizationEntry entry, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var before = await FindAsync(db, entry.Indicator, entry.Year, entry.Quarter, cancellationToken) is { } record ? ToEntry(record) : null;
        // A figure entered again is submitted again: an earlier verification was of another figure.
        await UpsertAsync(db, db.Table<RealizationRecord>(), ["Indicator", "Year", "Quarter"],
            ["Numerator", "Denominator", "RecordedAt", "State", "EnteredBy", "ReviewedBy", "ReturnReason", "Revision"],
            [entry.Indicator, entry.Year, entry.Quarter, entry.Numerator, entry.Denominator, _clock.GetUtcNow(), VerificationState.Diajukan,
             entry.EnteredBy, null, null, (before?.Revision ?? 0) + 1], cancellationToken);
        return before;
    }

    public async Task<RealizationEntry?> FindRealizationAsync(string indicator, int year, int quarter, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await FindAsync(db, indicator, year, quarter, cancellationToken) is { } record ? ToEntry(record) : null;
    }

    public async Task<RealizationEntry> ReviewRealizationAsync(string indicator, int year, int quarter, string state, string reviewer,
        string? reason, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var record = await FindAsync(db, indicator, year, quarter, cancellationToken)
            ?? throw new InvalidOperationException($"Realisasi {indicator} {year} TW{quarter} tidak ada.");
        record.State = state;
        record.ReviewedBy = reviewer;
        record.ReturnReason = reason;
        record.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return ToEntry(record);
    }

    public async Task<TargetEntry?> SaveTargetAsync(TargetEntry entry, CancellationToken cancellationToken)
    {
        var quarter = entry.Quarter ?? TargetRecord.AnnualQuarter;
        await using var db = _createContext();
        var before = await db.Targets.AsNoTracking()
            .Where(t => t.Indicator == entry.Indicator && t.Year == entry.Year && t.Quarter == quarter)
            .Select(t => (double?)t.Value).SingleOrDefaultAsync(cancellationToken);
        await UpsertAsync(db, db.Table<TargetRecord>(), ["Indicator", "Year", "Quarter"], ["Value", "RecordedAt"],
            [entry.Indicator, entry.Year, quarter, entry.Value, _clock.GetUtcNow()], cancellationToken);
        return before is { } value ? entry with { Value = value } : null;
    }

    public async Task<BaseMeasureEntry?> SaveBaseMeasureAsync(BaseMeasureEntry entry, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var before = await db.BaseMeasures.AsNoTracking()
            .Where(b => b.Measure == entry.Measure && b.Year == entry.Year && b.Quarter == entry.Quarter)
            .Select(b => (double?)b.Value).SingleOrDefaultAsync(cancellationToken);
        await UpsertAsync(db, db.Table<BaseMeasureRecord>(), ["Measure", "Year", "Quarter"], ["Value", "RecordedAt"],
            [entry.Measure, entry.Year, entry.Quarter, entry.Value, _clock.GetUtcNow()], cancellationToken);
        return before is { } value ? entry with { Value = value } : null;
    }

    // Insert or replace in one statement: two writers of the same key at once cannot collide on its unique index.
    private static Task UpsertAsync(IndicatorDataContext db, string table, string[] keys, string[] values, object?[] row, CancellationToken cancellationToken)
    {
        var columns = keys.Concat(values).ToList();
        var sql = $"""
            INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            VALUES ({string.Join(", ", columns.Select((_, i) => $"{{{i}}}"))})
            ON CONFLICT ({string.Join(", ", keys.Select(c => $"\"{c}\""))})
            DO UPDATE SET {string.Join(", ", values.Select(c => $"\"{c}\" = excluded.\"{c}\""))}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, row!, cancellationToken);
    }

    private static Task<RealizationRecord?> FindAsync(IndicatorDataContext db, string indicator, int year, int quarter, CancellationToken cancellationToken) =>
        db.Realizations.SingleOrDefaultAsync(r => r.Indicator == indicator && r.Year == year && r.Quarter == quarter, cancellationToken);

    private static RealizationEntry ToEntry(RealizationRecord r) => new(r.Indicator, r.Year, r.Quarter, r.Numerator, r.Denominator)
    {
        State = r.State, EnteredBy = r.EnteredBy, ReviewedBy = r.ReviewedBy, ReturnReason = r.ReturnReason, Revision = r.Revision,
    };

    // Upserts by code, so a restart or a newer catalog leaves one row per unit and indicator.
    private async Task SeedCatalogAsync(IndicatorDataContext db, CancellationToken cancellationToken)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var unit in _catalog.Units)
        {
            if (!units.TryGetValue(unit.Code, out var record))
            {
                record = new UnitRecord { Code = unit.Code, Name = unit.Name, Kind = unit.Kind, Head = unit.Head, Tugas = unit.Tugas };
                db.Units.Add(record);
            }
            record.Name = unit.Name;
            record.Kind = unit.Kind;
            record.Parent = unit.Parent;
            record.Head = unit.Head;
            record.Tugas = unit.Tugas;
            record.Fungsi = [.. unit.Fungsi];
        }

        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, cancellationToken);
        foreach (var indicator in _catalog.Indicators)
        {
            if (!indicators.TryGetValue(indicator.Code, out var record))
            {
                record = new IndicatorRecord
                {
                    Code = indicator.Code, Unit = indicator.Unit, Goal = indicator.Goal, Name = indicator.Name,
                    Numerator = indicator.Numerator, Source = indicator.Source, RollupNumerator = indicator.RollupNumerator,
                };
                db.Indicators.Add(record);
            }
            record.Unit = indicator.Unit;
            record.Level = indicator.Level;
            record.Kind = indicator.Kind;
            record.Goal = indicator.Goal;
            record.Name = indicator.Name;
            record.Numerator = indicator.Numerator;
            record.Denominator = indicator.Denominator;
            record.Source = indicator.Source;
            record.RollupNumerator = indicator.RollupNumerator;
            record.RollupDenominator = indicator.RollupDenominator;
            record.Note = indicator.Note;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
