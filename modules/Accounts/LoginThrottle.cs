using System.Collections.Concurrent;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// Failed sign-ins kept in this process's memory: by client address, whatever the name (an address that tries many names
/// waits as a name does), and by name where no account has it (so that a name without an account waits exactly as one
/// with an account, whose failures the database counts, and the answers do not tell which names exist).
/// </summary>
internal sealed class LoginThrottle
{
    /// <summary>Failures an address may make within <see cref="Window"/> before it waits.</summary>
    public const int FreeAddressFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Enough for an office and the addresses an attack can spread over in a window; quiet entries go first.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Failures> _names = new(StringComparer.Ordinal);

    public DateTimeOffset? AddressWaitUntil(string address, DateTimeOffset now) => WaitUntil(_addresses, address, now);

    public DateTimeOffset? NameWaitUntil(string name, DateTimeOffset now) => WaitUntil(_names, name, now);

    /// <summary>Counts a failure of the address; the wait it begins, if it begins one.</summary>
    public DateTimeOffset? FailAddress(string address, DateTimeOffset now) => Fail(_addresses, address, now, FreeAddressFailures, forgets: true);

    /// <summary>Counts a failure of a name no account has, as the database counts an account's: until a success, which never comes.</summary>
    public DateTimeOffset? FailName(string name, DateTimeOffset now) => Fail(_names, name, now, AccountService.FreeFailures, forgets: false);

    private static DateTimeOffset? WaitUntil(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.TryGetValue(key, out var failures) ? failures.WaitUntil(now) : null;

    private static DateTimeOffset? Fail(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now, int free, bool forgets)
    {
        var wait = table.GetOrAdd(key, _ => new Failures(free, forgets)).Add(now);
        if (table.Count > MaxEntries)
        {
            foreach (var (quiet, failures) in table)
            {
                if (failures.IsQuiet(now))
                {
                    table.TryRemove(quiet, out _);
                }
            }
        }
        return wait;
    }

    /// <param name="forgets">Whether failures a whole window old are forgotten (an address's) or counted on (a name's).</param>
    private sealed class Failures(int free, bool forgets)
    {
        private readonly Lock _lock = new();
        private int _count;
        private DateTimeOffset _last;
        private DateTimeOffset? _until;

        public DateTimeOffset? Add(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (forgets && now - _last > Window)
                {
                    _count = 0;
                }
                _count++;
                _last = now;
                if (_count <= free)
                {
                    return null;
                }
                _until = now + AccountService.Wait(_count - free);
                return _until;
            }
        }

        public DateTimeOffset? WaitUntil(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _until > now ? _until : null;
            }
        }

        public bool IsQuiet(DateTimeOffset now)
        {
            lock (_lock)
            {
                return now - _last > Window && !(_until > now);
            }
        }
    }
}
