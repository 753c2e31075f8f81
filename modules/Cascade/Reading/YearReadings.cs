using System.Collections.Concurrent;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Data;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>
/// What evaluating a year reads: its tree, target readings, the polarity, every module's figures, its closed triwulan, and
/// register counts by periods and the snapshots of closed triwulan as they are asked for.
/// </summary>
internal sealed class YearReading(long version, CascadeTree tree, TargetReadings readings, IReadOnlySet<string> polarity, IndicatorYearData[] data,
    IReadOnlyDictionary<int, int> closed)
{
    private readonly ConcurrentDictionary<string, Task<RegisterFigures>> _registers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Task<SnapshotRecord?>> _frozen = new();

    public long Version { get; } = version;
    public CascadeTree Tree { get; } = tree;
    public TargetReadings Readings { get; } = readings;
    public IReadOnlySet<string> Polarity { get; } = polarity;
    public IndicatorYearData[] Data { get; } = data;

    /// <summary>The closed triwulan, each with the snapshot revision that closed it.</summary>
    public IReadOnlyDictionary<int, int> Closed { get; } = closed;

    /// <summary>The snapshot that closed a triwulan, read once for every request of this version.</summary>
    public async Task<SnapshotRecord?> FrozenAsync(int quarter, Func<Task<SnapshotRecord?>> read)
    {
        var kept = _frozen.GetOrAdd(quarter, _ => read());
        try
        {
            return await kept;
        }
        catch (Exception) when (!kept.IsCompletedSuccessfully)
        {
            _frozen.TryRemove(new KeyValuePair<int, Task<SnapshotRecord?>>(quarter, kept));
            throw;
        }
    }

    // The whole period, not its span: the year and "through TW4" cover the same days but are different keys of the counts.
    public static string Key(IReadOnlyCollection<Period> periods) =>
        string.Join("|", periods.Select(p => $"{p.Year}/{p.Quarter}/{p.Cumulative}").Order(StringComparer.Ordinal));

    /// <summary>The counts of <paramref name="key"/>: counted once for every request that asks while they are counted.</summary>
    public async Task<RegisterFigures> RegistersAsync(string key, Func<Task<RegisterFigures>> count, Func<Task<bool>> stillCurrent)
    {
        while (true)
        {
            var claim = new TaskCompletionSource<RegisterFigures>(TaskCreationOptions.RunContinuationsAsynchronously);
            var shared = _registers.GetOrAdd(key, claim.Task);
            if (shared != claim.Task)
            {
                try
                {
                    return await shared;
                }
                catch (Exception) when (!shared.IsCompletedSuccessfully)
                {
                    // The counting request failed (or went away): count again, for this request.
                    _registers.TryRemove(new KeyValuePair<string, Task<RegisterFigures>>(key, shared));
                    continue;
                }
            }
            try
            {
                var counted = await count();
                if (!await stillCurrent())
                {
                    _registers.TryRemove(new KeyValuePair<string, Task<RegisterFigures>>(key, claim.Task));
                }
                claim.SetResult(counted);
                return counted;
            }
            catch (Exception e)
            {
                _registers.TryRemove(new KeyValuePair<string, Task<RegisterFigures>>(key, claim.Task));
                claim.SetException(e);
                _ = claim.Task.Exception; // observed here: waiters count again
                throw;
            }
        }
    }
}

/// <summary>
/// Figures change only by changes, and every change raises the data version in its own transaction, so what a
/// year's evaluation reads is kept in memory for the version it was read at and read again once the version
/// moves, whichever process moved it. A reading is kept only when no change committed while it was read, so
/// a kept reading is exactly the state of its version. Requests that find the version moved while another
/// request reads the same version wait for that reading instead of reading the year again each (after a
/// write, every dashboard asks at once). Inside a change (a rollup) nothing is kept: the change reads its own
/// transaction, one statement at a time on its one connection.
/// </summary>
internal sealed class YearReadings
{
    private readonly IReadOnlyList<IIndicatorDataStore> _stores;
    private readonly CascadeTreeStore _trees;
    private readonly SourceSettings _sources;
    private readonly TargetReadingStore _targetReadings;
    private readonly IDataVersion _version;
    private readonly QuarterClosures _closures;
    private readonly ConcurrentDictionary<int, (long Version, Task<YearReading> Reading)> _kept = new();

    public YearReadings(IEnumerable<IIndicatorDataStore> stores, CascadeTreeStore trees, SourceSettings sources, TargetReadingStore targetReadings,
        IDataVersion version, QuarterClosures closures)
    {
        _closures = closures;
        _targetReadings = targetReadings;
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
            var targetReadings = await _targetReadings.ReadYearAsync(year, cancellationToken);
            var polarity = await _trees.ReadLessIsBetterAsync(cancellationToken);
            var registers = await RegisterFigures.LoadAsync(_sources, year, periods, cancellationToken);
            var data = new IndicatorYearData[_stores.Count];
            for (var i = 0; i < _stores.Count; i++)
            {
                data[i] = await _stores[i].LoadYearAsync(year, cancellationToken);
            }
            var closed = await _closures.ClosedRevisionsAsync(year, cancellationToken);
            return (new YearReading(-1, tree, targetReadings, polarity, data, closed), registers);
        }

        var version = await _version.CurrentAsync(cancellationToken);
        var reading = await ReadingAsync(year, version, cancellationToken);
        var counted = await reading.RegistersAsync(YearReading.Key(periods),
            () => RegisterFigures.LoadAsync(_sources, year, periods, cancellationToken),
            async () => await _version.CurrentAsync(cancellationToken) == reading.Version);
        return (reading, counted);
    }

    /// <summary>The year's tree, readings, polarity and figures, without register counts.</summary>
    public async Task<YearReading> YearAsync(int year, CancellationToken cancellationToken) => WriteScope.Current is null
        ? await ReadingAsync(year, await _version.CurrentAsync(cancellationToken), cancellationToken)
        : (await ReadAsync(year, [], cancellationToken)).Reading;

    private async Task<YearReading> ReadingAsync(int year, long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _kept.TryGetValue(year, out var kept);
            if (found && kept.Version == version)
            {
                try
                {
                    return await kept.Reading;
                }
                catch (Exception) when (!kept.Reading.IsCompletedSuccessfully)
                {
                    // The reading request failed (or went away): read again, for this request.
                    _kept.TryRemove(new KeyValuePair<int, (long, Task<YearReading>)>(year, kept));
                    continue;
                }
            }
            if (found && kept.Version > version)
            {
                return await LoadAsync(year, version, cancellationToken); // this request read the version before a newer change
            }
            var claim = new TaskCompletionSource<YearReading>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = (version, claim.Task);
            if (found ? !_kept.TryUpdate(year, mine, kept) : !_kept.TryAdd(year, mine))
            {
                continue;
            }
            try
            {
                var reading = await LoadAsync(year, version, cancellationToken);
                if (await _version.CurrentAsync(cancellationToken) != version)
                {
                    _kept.TryRemove(new KeyValuePair<int, (long, Task<YearReading>)>(year, mine));
                }
                claim.SetResult(reading);
                return reading;
            }
            catch (Exception e)
            {
                _kept.TryRemove(new KeyValuePair<int, (long, Task<YearReading>)>(year, mine));
                claim.SetException(e);
                _ = claim.Task.Exception; // observed here: waiters read again
                throw;
            }
        }
    }

    private async Task<YearReading> LoadAsync(int year, long version, CancellationToken cancellationToken)
    {
        var tree = _trees.TreeOfYearAsync(year, cancellationToken);
        // Read with the version, not the process's kept settings: another process may have changed them.
        var targetReadings = _targetReadings.ReadYearAsync(year, cancellationToken);
        var polarity = _trees.ReadLessIsBetterAsync(cancellationToken);
        var closed = _closures.ClosedRevisionsAsync(year, cancellationToken);
        var data = await Task.WhenAll(_stores.Select(s => s.LoadYearAsync(year, cancellationToken)));
        return new YearReading(version, await tree, await targetReadings, await polarity, data, await closed);
    }
}
