using System.Collections.Concurrent;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Data;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Entry;

/// <summary>What evaluating a year reads: its tree, the polarity, every module's figures, and register counts by periods.</summary>
internal sealed class YearReading(long version, CascadeTree tree, IReadOnlySet<string> polarity, IndicatorYearData[] data)
{
    private readonly ConcurrentDictionary<string, RegisterFigures> _registers = new(StringComparer.Ordinal);

    public long Version { get; } = version;
    public CascadeTree Tree { get; } = tree;
    public IReadOnlySet<string> Polarity { get; } = polarity;
    public IndicatorYearData[] Data { get; } = data;

    // The whole period, not its span: the year and "through TW4" cover the same days but are different keys of the counts.
    public static string Key(IReadOnlyCollection<Period> periods) =>
        string.Join("|", periods.Select(p => $"{p.Year}/{p.Quarter}/{p.Cumulative}").Order(StringComparer.Ordinal));

    public bool TryGetRegisters(string key, out RegisterFigures registers) => _registers.TryGetValue(key, out registers!);

    public void KeepRegisters(string key, RegisterFigures registers) => _registers[key] = registers;
}

/// <summary>
/// Figures change only by changes, and every change raises the data version in its own transaction, so what a
/// year's evaluation reads is kept in memory for the version it was read at and read again once the version
/// moves, whichever process moved it. A reading is kept only when no change committed while it was read, so
/// a kept reading is exactly the state of its version. Inside a change (a rollup) nothing is kept: the change
/// reads its own transaction, one statement at a time on its one connection.
/// </summary>
internal sealed class YearReadings
{
    private readonly IReadOnlyList<IIndicatorDataStore> _stores;
    private readonly CascadeTreeStore _trees;
    private readonly SourceSettings _sources;
    private readonly IDataVersion _version;
    private readonly ConcurrentDictionary<int, YearReading> _kept = new();

    public YearReadings(IEnumerable<IIndicatorDataStore> stores, CascadeTreeStore trees, SourceSettings sources, IDataVersion version)
    {
        _stores = stores.ToList();
        _trees = trees;
        _sources = sources;
        _version = version;
    }

    public async Task<(YearReading Reading, RegisterFigures Registers)> ReadAsync(int year, IReadOnlyCollection<Period> periods,
        CancellationToken cancellationToken)
    {
        if (WriteScope.Current is not null)
        {
            var tree = await _trees.TreeOfYearAsync(year, cancellationToken);
            var polarity = await _trees.LessIsBetterAsync(cancellationToken);
            var registers = await RegisterFigures.LoadAsync(_sources, year, periods, cancellationToken);
            var data = new IndicatorYearData[_stores.Count];
            for (var i = 0; i < _stores.Count; i++)
            {
                data[i] = await _stores[i].LoadYearAsync(year, cancellationToken);
            }
            return (new YearReading(-1, tree, polarity, data), registers);
        }

        var version = await _version.CurrentAsync(cancellationToken);
        if (!_kept.TryGetValue(year, out var reading) || reading.Version != version)
        {
            var tree = _trees.TreeOfYearAsync(year, cancellationToken);
            var polarity = _trees.LessIsBetterAsync(cancellationToken);
            var data = await Task.WhenAll(_stores.Select(s => s.LoadYearAsync(year, cancellationToken)));
            reading = new YearReading(version, await tree, await polarity, data);
            if (await _version.CurrentAsync(cancellationToken) == version)
            {
                _kept[year] = reading;
            }
        }
        var key = YearReading.Key(periods);
        if (!reading.TryGetRegisters(key, out var counted))
        {
            counted = await RegisterFigures.LoadAsync(_sources, year, periods, cancellationToken);
            if (await _version.CurrentAsync(cancellationToken) == reading.Version)
            {
                reading.KeepRegisters(key, counted);
            }
        }
        return (reading, counted);
    }
}
