using Kinerja.Shared.Data;

namespace Kinerja.Tests.Support;

/// <summary>
/// A real host on a data directory of its own, started and stopped by xunit on the engine given, then
/// seeded by <see cref="SeedAsync"/>. Used as one of two kinds: <see cref="FreshHost"/>, the base class of a test
/// class whose every test has a new host, and <see cref="SharedHost"/>, a class fixture whose host the tests of
/// a class share. A class that runs on both engines has a subclass per engine (…OnSqlite, …OnPostgreSql).
/// </summary>
public abstract class HostLifetime(DatabaseEngine engine, IReadOnlyDictionary<string, string?>? settings, DateTimeOffset? now) : IAsyncLifetime
{
    public DatabaseEngine Engine => engine;

    public KinerjaHost Host { get; private set; } = null!;

    /// <summary>What every test starts from, put in once the host is made (it starts on first use).</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Host = new KinerjaHost(engine: engine, settings: settings, now: now);
        await SeedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

/// <summary>
/// The base class of a test class whose every test has a host of its own on a new database: xunit makes the
/// class anew for each test.
/// </summary>
public abstract class FreshHost(DatabaseEngine engine = DatabaseEngine.Sqlite, IReadOnlyDictionary<string, string?>? settings = null,
    DateTimeOffset? now = null) : HostLifetime(engine, settings, now);

/// <summary>
/// A host that the tests of a class share (<c>IClassFixture&lt;…&gt;</c>): made and seeded once, so its tests must
/// not depend on what the others change. <see cref="OnSqlite"/> and <see cref="OnPostgreSql"/> are the plain ones;
/// a class that needs more derives its own and overrides <see cref="HostLifetime.SeedAsync"/>.
/// </summary>
public abstract class SharedHost(DatabaseEngine engine = DatabaseEngine.Sqlite, IReadOnlyDictionary<string, string?>? settings = null,
    DateTimeOffset? now = null) : HostLifetime(engine, settings, now)
{
    public sealed class OnSqlite() : SharedHost(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : SharedHost(DatabaseEngine.PostgreSql);
}
