using System.Collections.Concurrent;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// Failed logins by client address, whatever the account: an address that tries many accounts (or one
/// many times) waits like an account does. Kept in memory: it guards this process's login endpoint.
/// </summary>
internal sealed class LoginThrottle
{
    /// <summary>Failures an address may make within <see cref="Window"/> before it waits.</summary>
    public const int FreeFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    public DateTimeOffset? WaitUntil(string address, DateTimeOffset now) =>
        _addresses.TryGetValue(address, out var failures) ? failures.WaitUntil(now) : null;

    public void Fail(string address, DateTimeOffset now)
    {
        _addresses.GetOrAdd(address, _ => new Failures()).Add(now);
        // Addresses quiet for a whole window are forgotten, so the table does not grow without end.
        if (_addresses.Count > 10_000)
        {
            foreach (var (key, failures) in _addresses)
            {
                if (failures.IsQuiet(now))
                {
                    _addresses.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Failures
    {
        private readonly Lock _lock = new();
        private int _count;
        private DateTimeOffset _last;
        private DateTimeOffset? _until;

        public void Add(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now - _last > Window)
                {
                    _count = 0;
                }
                _count++;
                _last = now;
                if (_count > FreeFailures)
                {
                    _until = now + AccountService.Wait(_count - FreeFailures);
                }
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
