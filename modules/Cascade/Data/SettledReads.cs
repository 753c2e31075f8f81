using Kinerja.Shared.Data;

namespace Kinerja.Modules.Cascade.Data;

/// <summary>
/// What a change's checks read of the settings (a year's tree, its sources, a triwulan's closure), kept for the
/// settled version of the change's transaction (<see cref="WriteScope.SettledVersion"/>): a group of entries
/// then checks all but its first change against memory, in the writer's turn that every other writer waits for.
/// Outside such a transaction every read goes to the database.
/// </summary>
internal sealed class SettledReads
{
    private readonly Lock _gate = new();
    private long _version = -1;
    private Dictionary<string, object> _kept = new(StringComparer.Ordinal);

    /// <summary>
    /// Said by every writer of the settings before it writes: what was kept does not hold in this transaction any
    /// more, whatever reach its change declared.
    /// </summary>
    public static void Changing() => WriteScope.Current?.Unsettle();

    public async Task<T> ReadAsync<T>(string key, Func<Task<T>> read) where T : class
    {
        if (WriteScope.Current?.SettledVersion is not { } version)
        {
            return await read();
        }
        lock (_gate)
        {
            if (_version == version && _kept.TryGetValue(key, out var kept))
            {
                return (T)kept;
            }
        }
        var value = await read();
        lock (_gate)
        {
            // Only the newest version is kept: versions only rise, and the writer's turn is one at a time.
            if (version > _version)
            {
                _version = version;
                _kept = new Dictionary<string, object>(StringComparer.Ordinal);
            }
            if (version == _version)
            {
                _kept[key] = value;
            }
        }
        return value;
    }
}
