using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Shared.Data;

/// <summary>The engines Kinerja runs on: SQLite for one office on one machine, PostgreSQL for several hosts on one server.</summary>
public enum DatabaseEngine
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseEngines
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The engine a context runs on, from its provider.</summary>
    public static DatabaseEngine Engine(this DbContext db) => Engine(db.Database.ProviderName);

    public static DatabaseEngine Engine(string? providerName) =>
        providerName == NpgsqlProvider ? DatabaseEngine.PostgreSql : DatabaseEngine.Sqlite;

    /// <summary>
    /// An entity's table as SQL: quoted, and qualified by its schema where the engine has schemas
    /// (<c>"pemberdayaan"."pemberdayaan_persons"</c> on PostgreSQL, <c>"pemberdayaan_persons"</c> on SQLite).
    /// </summary>
    public static string Table<TEntity>(this DbContext db) => db.Table(typeof(TEntity));

    /// <summary>An entity's table as SQL, the entity given as a type (code that walks a model): see <see cref="Table{TEntity}"/>.</summary>
    public static string Table(this DbContext db, Type entity)
    {
        var type = db.Model.FindEntityType(entity)
            ?? throw new InvalidOperationException($"{entity.Name} is not in {db.GetType().Name}'s model.");
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }

    /// <summary>
    /// On PostgreSQL, the context's tables go into <paramref name="schema"/>. SQLite has no schemas: its
    /// model stays as it was, so its migrations see no change.
    /// </summary>
    public static void UseEngineSchema(this ModelBuilder modelBuilder, DbContext db, string schema)
    {
        if (db.Engine() == DatabaseEngine.PostgreSql)
        {
            modelBuilder.HasDefaultSchema(schema);
        }
    }

    /// <summary>
    /// On PostgreSQL, text compares and sorts byte by byte (collation "C"), as SQLite's BINARY does: codes
    /// and names come out in the same order on both engines, whatever locale the server was made with.
    /// Instants are stored as timestamptz, which keeps the instant but not the offset, and Npgsql takes only
    /// UTC: an instant kept in the office's time (a snapshot's, say) is turned to UTC on its way in; readers
    /// put it back in the office's time as they do on SQLite.
    /// </summary>
    public static void UseEngineConventions(this ModelConfigurationBuilder configurationBuilder, DbContext db)
    {
        if (db.Engine() == DatabaseEngine.PostgreSql)
        {
            configurationBuilder.Properties<string>().UseCollation("C");
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();
        }
    }

    private sealed class UtcInstant() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        instant => instant.ToUniversalTime(), stored => stored);

    /// <summary>
    /// Offers EF only the migrations (and model snapshot) made for the engine in use: SQLite's in
    /// <c>Data/Migrations</c>, PostgreSQL's in <c>Data/Migrations/PostgreSql</c>, one context type for both.
    /// </summary>
    public static DbContextOptionsBuilder UseEngineMigrations(this DbContextOptionsBuilder options)
    {
        options.ReplaceService<IMigrationsAssembly, EngineMigrationsAssembly>();
        options.UseTablePrefix(null);
        // Every context writes identifiers through the helper that puts a shape's tables under its prefix (TablePrefix).
        return options.Options.Extensions.Any(e => e is Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal.NpgsqlOptionsExtension)
            ? options.ReplaceService<ISqlGenerationHelper, PrefixedNpgsqlSqlGenerationHelper>()
            : options.ReplaceService<ISqlGenerationHelper, PrefixedSqliteSqlGenerationHelper>();
    }
}

/// <summary>EF's migrations assembly, narrowed to the namespace of the engine in use.</summary>
internal sealed class EngineMigrationsAssembly : IMigrationsAssembly
{
    /// <summary>The last part of the namespace of PostgreSQL's migrations; SQLite's have none.</summary>
    public const string PostgreSqlNamespace = "PostgreSql";

    private readonly Type _contextType;
    private readonly IMigrationsIdGenerator _idGenerator;
    private readonly bool _postgreSql;
    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations;
    private readonly Lazy<ModelSnapshot?> _snapshot;

    public EngineMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator)
    {
        _contextType = currentContext.Context.GetType();
        _idGenerator = idGenerator;
        _postgreSql = currentContext.Context.Engine() == DatabaseEngine.PostgreSql;
        Assembly = AssemblyOf(_contextType, options);
        _migrations = new(() => MigrationsOf(Assembly, _contextType, _postgreSql));
        _snapshot = new(() => Candidates(Assembly, _contextType, _postgreSql).Where(t => t.IsSubclassOf(typeof(ModelSnapshot)))
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
            .FirstOrDefault());
    }

    /// <summary>
    /// The ids of the migrations a context of <paramref name="contextType"/> with <paramref name="options"/> is offered, oldest
    /// first, read from the assembly alone: no context is made, so no EF service provider is built for a prefix only to list them.
    /// </summary>
    public static IEnumerable<string> Ids(Type contextType, IDbContextOptions options) =>
        MigrationsOf(AssemblyOf(contextType, options), contextType,
            options.Extensions.Any(e => e is Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal.NpgsqlOptionsExtension)).Keys;

    private static Assembly AssemblyOf(Type contextType, IDbContextOptions options)
    {
        var relational = RelationalOptionsExtension.Extract(options);
        return relational.MigrationsAssemblyObject
            ?? (relational.MigrationsAssembly is { } name ? Assembly.Load(new AssemblyName(name)) : contextType.Assembly);
    }

    private static SortedList<string, TypeInfo> MigrationsOf(Assembly assembly, Type contextType, bool postgreSql) => new(
        Candidates(assembly, contextType, postgreSql)
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<MigrationAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t),
        StringComparer.Ordinal);

    public Assembly Assembly { get; }

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(_idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static IEnumerable<TypeInfo> Candidates(Assembly assembly, Type contextType, bool postgreSql) => assembly.DefinedTypes.Where(t =>
        !t.IsAbstract && !t.IsGenericTypeDefinition
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType
        && (t.Namespace?.EndsWith("." + PostgreSqlNamespace, StringComparison.Ordinal) ?? false) == postgreSql);
}
