using System.Collections.Concurrent;
using Kinerja.Shared.Data;

namespace Kinerja.Modules.Cascade.Data;

/// <summary>
/// Settings read from the database and kept for the data version they were read at: every change raises the
/// version, in this process or another (a second host), so the next read after a change reads them again.
/// </summary>
internal sealed class VersionKept<TKey, T>(IDataVersion version) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Version, T Value)> _kept = new();

    public async Task<T> ReadAsync(TKey key, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        if (WriteScope.Current is not null)
        {
            return await read(); // inside a change: its own transaction, kept for nobody
        }
        var current = await version.CurrentAsync(cancellationToken);
        if (_kept.TryGetValue(key, out var known) && known.Version == current)
        {
            return known.Value;
        }
        var value = await read();
        // Kept only if no change committed while it was read: then it is exactly the version's.
        if (await version.CurrentAsync(cancellationToken) == current)
        {
            _kept[key] = (current, value);
        }
        return value;
    }
}
