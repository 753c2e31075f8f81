using Kinerja.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Kinerja.Shared.Data;

/// <summary>
/// A context the host's database holds: its tables (a shape under a module's prefix, or a module's own), its schema
/// where the engine has schemas, and the history of its migrations. The host migrates every kind at start, and
/// copy-data walks them to copy their tables from SQLite into PostgreSQL without knowing a module.
/// </summary>
public sealed class DataContextKind
{
    private readonly Func<DbContextOptions, DbContext> _create;

    private DataContextKind(Type type, string schema, string historyTable, string? prefix, Func<DbContextOptions, DbContext> create)
    {
        Type = type;
        Schema = schema;
        HistoryTable = historyTable;
        Prefix = prefix;
        _create = create;
    }

    public Type Type { get; }

    /// <summary>The schema of its tables and history on engines with schemas (<see cref="IDatabaseProvider.Configure"/>).</summary>
    public string Schema { get; }

    public string HistoryTable { get; }

    /// <summary>The prefix a shape's tables take (<see cref="TablePrefix"/>); null for a context of its own tables.</summary>
    public string? Prefix { get; }

    /// <summary>
    /// The last migration, per engine, of the one history (<c>__{prefix}_migrations</c>) that a module kept before its
    /// tables were migrated apart by kind: a database whose legacy history ends there already has this kind's first
    /// migration's tables (see <see cref="BaselineAsync"/>).
    /// </summary>
    public IReadOnlyList<string> LegacyMigrations { get; private init; } = [];

    /// <summary>A module's own tables, in its schema, with their own history.</summary>
    public static DataContextKind Of<TContext>(string schema, string historyTable, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext =>
        new(typeof(TContext), schema, historyTable, null, options => create((DbContextOptions<TContext>)options));

    /// <summary>A shape of tables kept under <paramref name="prefix"/>, in the schema of that name.</summary>
    public static DataContextKind Shape<TContext>(string prefix, string historyTable, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext =>
        new(typeof(TContext), prefix, historyTable, prefix, options => create((DbContextOptions<TContext>)options));

    /// <summary>
    /// The same kind, for a database whose module kept one history before (<see cref="LegacyMigrations"/>): by default
    /// <c>__{prefix}_migrations</c> in the kind's schema.
    /// </summary>
    public DataContextKind WithLegacy(IReadOnlyList<string> lastLegacyMigrations, string? legacyHistoryTable = null) =>
        new(Type, Schema, HistoryTable, Prefix, _create)
        {
            LegacyMigrations = lastLegacyMigrations,
            LegacyHistoryTable = legacyHistoryTable ?? $"__{Prefix ?? Schema}_migrations",
        };

    /// <summary>A context of this kind on <paramref name="database"/>, outside any change.</summary>
    public DbContext Create(IDatabaseProvider database) => _create(Options(database, HistoryTable));

    /// <summary>
    /// Contexts of this kind on <paramref name="database"/>: each on the change's connection and transaction when there is one
    /// (<see cref="WriteScopeContexts.Enlisted{TContext}"/>). The options are built once.
    /// </summary>
    public Func<TContext> Factory<TContext>(IDatabaseProvider database) where TContext : DbContext
    {
        var options = Options(database, HistoryTable);
        return () => ((TContext)_create(options)).Enlisted();
    }

    private DbContextOptions Options(IDatabaseProvider database, string historyTable)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(Type))!;
        database.Configure(options, Schema, historyTable);
        if (Prefix is not null)
        {
            options.UseTablePrefix(Prefix);
        }
        return options.Options;
    }

    /// <summary>The ids of this kind's migrations for the engine in use, oldest first.</summary>
    public IReadOnlyList<string> MigrationIds(IDatabaseProvider database) => EngineMigrationsAssembly.Ids(Type, Options(database, HistoryTable)).ToList();

    /// <summary>Creates or upgrades this kind's tables, after recording what a database of the older layout already has.</summary>
    public async Task MigrateAsync(IDatabaseProvider database, CancellationToken cancellationToken)
    {
        await using var db = Create(database);
        await BaselineAsync(database, db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// A database made before modules' tables were migrated apart by kind holds them under one history per module. When
    /// this kind has no history yet and that one does, ending at a known last migration, the tables of this kind's first
    /// migration are there already: it is recorded as applied, so that nothing is created twice. A legacy history that
    /// ends elsewhere is refused, naming the migration it ends at: that database needs the build that made it first.
    /// </summary>
    private async Task BaselineAsync(IDatabaseProvider database, DbContext db, CancellationToken cancellationToken)
    {
        if (LegacyMigrations.Count == 0)
        {
            return;
        }
        var history = db.GetService<IHistoryRepository>();
        if ((await history.GetAppliedMigrationsAsync(cancellationToken)).Count > 0)
        {
            return;
        }
        await using var legacyDb = _create(Options(database, LegacyHistoryTable));
        var legacy = (await legacyDb.GetService<IHistoryRepository>().GetAppliedMigrationsAsync(cancellationToken))
            .Select(r => r.MigrationId).ToList();
        if (legacy.Count == 0)
        {
            return;
        }
        if (!legacy.Any(LegacyMigrations.Contains))
        {
            throw new InvalidOperationException(
                $"Basis data ini dibuat oleh versi Kinerja yang lain: riwayat migrasi {LegacyHistoryTable} berakhir pada {legacy.Max()}, "
                + $"bukan {string.Join(" atau ", LegacyMigrations)}. Buka dulu dengan versi yang membuatnya, lalu dengan versi ini.");
        }
        var first = db.GetService<IMigrationsAssembly>().Migrations.Keys.First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
    }

    /// <summary>The one history a module kept before its tables were migrated apart by kind.</summary>
    private string LegacyHistoryTable { get; init; } = "";
}

/// <summary>Migrates a kind of context at start: every kind a module registers comes before the module's seeding.</summary>
public sealed class DataContextMigration(DataContextKind kind, IDatabaseProvider database) : IModuleInitializer
{
    public string State => $"{kind.Type.FullName} {kind.Prefix} {string.Join(",", kind.MigrationIds(database))}";

    public Task InitializeAsync(CancellationToken cancellationToken) => kind.MigrateAsync(database, cancellationToken);
}
