using Autofac;
using Kinerja.Shared.Data;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Modules;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Host.Data;

/// <summary>The embedded database: one SQLite file in the data directory, shared by the modules' own tables.</summary>
internal sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public SqliteDatabaseProvider(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public DatabaseEngine Engine => DatabaseEngine.Sqlite;

    // The data directory is made, and the file put in WAL mode (readers go on while a module writes; the mode is kept in the
    // file), when a start or a command first needs them: the program's --help and a refused command leave nothing behind.
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource)!);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await PragmaAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
    }

    // SQLite has no schemas: the table prefixes keep the modules apart in the one file.
    public void Configure(DbContextOptionsBuilder options, string schema, string migrationsHistoryTable) =>
        options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable))
            .UseEngineMigrations();

    // SQLite's default page cache (2 MB) makes a million inserts into three indexes spill and re-read
    // pages: 64 MB of cache takes a PMKS import from about 36,000 to about 51,000 rows a second (128 MB
    // gained nothing more in sqlite3 on the same file).
    private const int BulkCacheKiB = 64 * 1024;

    public async Task<IAsyncDisposable> PrepareBulkWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var before = await PragmaAsync(connection, "PRAGMA cache_size;", cancellationToken);
        await PragmaAsync(connection, $"PRAGMA cache_size = -{BulkCacheKiB};", cancellationToken);
        // The connection goes back to the pool: it must not keep 64 MB of cache for ordinary requests.
        return new Restore(() => PragmaAsync(connection, $"PRAGMA cache_size = {before};", CancellationToken.None));
    }

    public Task<IUpsert> PrepareUpsertAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteUpsert.Prepare((SqliteConnection)connection, table, keys, values));

    /// <summary>How long a change waits for another process's writer (an import from the command line) before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(60);

    public DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // SQLite's own wait, in the engine, rather than failing with SQLITE_BUSY when another process writes.
        await PragmaAsync(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};", cancellationToken);
        return connection;
    }

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the file's write lock is taken at the start.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    // A second process on the file waits for the writer's lock in each statement; starts need no turn of their own.
    public Task<IAsyncDisposable> LockStartAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(new Restore(() => Task.CompletedTask));

    // SQLite's user_version: a number in the file's header that nothing else here uses, so the stamp goes
    // with the file (a copied or restored file carries its own).
    public async Task<int> ReadStartStampAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return Convert.ToInt32(await PragmaAsync(connection, "PRAGMA user_version;", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task WriteStartStampAsync(int stamp, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await PragmaAsync(connection, $"PRAGMA user_version = {stamp};", cancellationToken);
    }

    private static async Task<object?> PragmaAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}

/// <summary>A setting (the database's, the backups', the memory's) is wrong: the host does not start, and says which and why.</summary>
internal sealed class SettingException(string message) : Exception(message);

internal static class DatabaseHosting
{
    public const string DataDirectorySetting = "Kinerja:DataDirectory";
    public const string ProviderSetting = "Kinerja:Database:Provider";
    public const string ConnectionStringName = "Kinerja";
    public const string DatabaseFileName = "kinerja.db";

    /// <summary>The engine, the unit of work every change runs in, and the data version it raises.</summary>
    public static void AddKinerjaDatabase(this WebApplicationBuilder builder)
    {
        if (Engine(builder.Configuration) == DatabaseEngine.PostgreSql)
        {
            builder.Services.AddSingleton<IDatabaseProvider>(new PostgreSqlDatabaseProvider(ConnectionString(builder.Configuration)));
        }
        else
        {
            builder.Services.AddSingleton<IDatabaseProvider>(new SqliteDatabaseProvider(ConnectionString(builder.Configuration)));
        }
        // Always there, so that every part may record; exported only where Kinerja:Metrics:Enabled (MetricsHosting).
        builder.Services.AddSingleton<KinerjaMetrics>();
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterInstance(DataVersionContext.Kind);
            container.Register(c => new DataContextMigration(DataVersionContext.Kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
            container.RegisterType<UnitOfWork>().As<IUnitOfWork>().As<IDataVersion>().SingleInstance()
                .OnActivated(e => e.Context.Resolve<KinerjaMetrics>().ObserveWritersQueued(() => e.Instance.Queued));
            container.RegisterType<RequestDataVersion>().InstancePerLifetimeScope();
        });
    }

    /// <summary>The configured engine: Sqlite unless Kinerja:Database:Provider says PostgreSQL (in any case).</summary>
    public static DatabaseEngine Engine(IConfiguration configuration) => configuration[ProviderSetting] switch
    {
        null or "" => DatabaseEngine.Sqlite,
        var name when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseEngine.Sqlite,
        var name when name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) => DatabaseEngine.PostgreSql,
        var name => throw new SettingException(
            $"{ProviderSetting} '{name}' tidak dikenal: pilih Sqlite atau PostgreSQL."),
    };

    /// <summary>
    /// SQLite: the database file in the configured data directory. PostgreSQL: ConnectionStrings:Kinerja,
    /// which must be given.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        if (Engine(configuration) == DatabaseEngine.Sqlite)
        {
            return SqliteConnectionString(configuration);
        }
        return configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new SettingException(
                $"{ProviderSetting}=PostgreSQL memerlukan ConnectionStrings:{ConnectionStringName}, mis. \"Host=localhost;Database=kinerja;Username=kinerja;Password=...\".");
    }

    private static string SqliteConnectionString(IConfiguration configuration) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(DataDirectory(configuration), DatabaseFileName),
            Pooling = true,
            // Microsoft.Data.Sqlite retries a busy statement for this long, also outside a unit of work.
            DefaultTimeout = (int)SqliteDatabaseProvider.BusyTimeout.TotalSeconds,
        }.ToString();

    /// <summary>The configured data directory, as a full path; made by the start (<see cref="IDatabaseProvider.PrepareAsync"/>), not here.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration[DataDirectorySetting] is { Length: > 0 } configured ? configured : "data");
}
