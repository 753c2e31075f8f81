using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>The snapshots the rollups froze, rebuilt as values with their contributions, read from the same snapshot only.</summary>
internal sealed class SnapshotReads
{
    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly RollupSettings _settings;

    public SnapshotReads(ModuleDirectory directory, Func<CascadeDbContext> createContext, RollupSettings settings)
    {
        _directory = directory;
        _createContext = createContext;
        _settings = settings;
    }

    public async Task<IReadOnlyList<Snapshot>> ListAsync(int year, int? quarter, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Quarter("quarter", quarter);
        checks.ThrowIfFailed();

        await using var db = _createContext();
        var snapshots = await db.Snapshots.AsNoTracking().AsSplitQuery().Include(s => s.Values)
            .Where(s => s.Year == year && (quarter == null || s.Quarter == quarter))
            .OrderByDescending(s => s.Quarter).ThenByDescending(s => s.Revision)
            .ToListAsync(cancellationToken);
        return snapshots.Select(ToSnapshot).ToList();
    }

    /// <summary>A revision of a triwulan's snapshot as stored; null when there is none such.</summary>
    public async Task<SnapshotRecord?> RecordAsync(int year, int quarter, int revision, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Snapshots.AsNoTracking().Include(s => s.Values)
            .SingleOrDefaultAsync(s => s.Year == year && s.Quarter == quarter && s.Revision == revision, cancellationToken);
    }

    public Snapshot ToSnapshot(SnapshotRecord record)
    {
        var quarter = Build(record, false, Period.OfQuarter(record.Year, record.Quarter));
        var through = Build(record, true, Period.ThroughQuarter(record.Year, record.Quarter));
        var values = record.Values
            .OrderBy(v => v.Cumulative)
            .ThenBy(v => v.Id)
            .Select(v => (v.Cumulative ? through : quarter).GetValueOrDefault(v.Indicator))
            .OfType<IndicatorValue>()
            .ToList();
        return new Snapshot(record.Year, record.Quarter, record.Revision, _settings.Local(record.CreatedAt), record.Trigger, values);
    }

    /// <summary>
    /// The snapshot's values of every indicator of the catalog for the triwulan (or through it, when
    /// <paramref name="cumulative"/>) as values of <paramref name="period"/>: the year is the period through the
    /// fourth triwulan under its own name. An indicator the snapshot has no row for was not loaded when it ran.
    /// </summary>
    public Dictionary<string, IndicatorValue> Build(SnapshotRecord record, bool cumulative, Period period)
    {
        var rows = record.Values.Where(v => v.Cumulative == cumulative).ToDictionary(v => v.Indicator, StringComparer.Ordinal);
        var built = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);

        IndicatorValue BuildOne(string code)
        {
            if (built.TryGetValue(code, out var done))
            {
                return done;
            }
            var indicator = _directory.FindIndicator(code)!;
            IndicatorValue value;
            if (rows.TryGetValue(code, out var row))
            {
                var rule = new IndicatorRule(code, PartRule.Parse(row.NumeratorRule), row.DenominatorRule is null ? null : PartRule.Parse(row.DenominatorRule));
                value = new IndicatorValue(indicator, period, rule, Amount.Of(row.Numerator), Amount.Of(row.Denominator), Amount.Of(row.Target),
                    row.Value, row.Achievement, row.Predicate, Enum.Parse<ValueStatus>(row.Status),
                    rule.Children.Select(BuildOne).ToList(),
                    row.Source is null ? null : Enum.Parse<ValueSource>(row.Source),
                    row.DenominatorSource is null ? null : Enum.Parse<ValueSource>(row.DenominatorSource), TargetWarning: row.TargetWarning);
            }
            else
            {
                // Not in the snapshot: its module was not loaded when the rollup ran.
                value = new IndicatorValue(indicator, period, CascadeTree.DefaultRule(indicator), Amount.DisabledPart, Amount.DisabledPart,
                    Amount.DisabledPart, null, null, null, ValueStatus.ModuleDisabled, []);
            }
            built[code] = value;
            return value;
        }

        foreach (var code in rows.Keys.Where(code => _directory.FindIndicator(code) is not null).Concat(_directory.Indicators.Select(i => i.Code)))
        {
            BuildOne(code);
        }
        return built;
    }
}
