using System.Collections.Concurrent;

namespace Kinerja.Shared.Data;

/// <summary>
/// Settings read from the database and kept for the data version they were read at: every change raises the
/// version, in this process or another (a second host), so the next read after a change reads them again.
/// </summary>
public sealed class VersionKept<TKey, T>(IDataVersion version) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Version, T Value)> _kept = new();

    /// <param name="current">The version as the caller read it already (<see cref="RequestDataVersion"/>), if it did.</param>
    public async Task<T> ReadAsync(TKey key, Func<Task<T>> read, CancellationToken cancellationToken, long? current = null)
    {
        if (WriteScope.Current is not null)
        {
            return await read(); // inside a change: its own transaction, kept for nobody
        }
        var at = current ?? await version.CurrentAsync(cancellationToken);
        if (_kept.TryGetValue(key, out var known) && known.Version == at)
        {
            return known.Value;
        }
        var value = await read();
        // Kept only if no change committed while it was read: then it is exactly the version's.
        if (await version.CurrentAsync(cancellationToken) == at)
        {
            _kept[key] = (at, value);
        }
        return value;
    }
}
