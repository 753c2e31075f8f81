using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// A context the host's database holds, which can be made on another database too: copy-data walks the
/// kinds of every enabled module to copy their tables from SQLite into PostgreSQL without knowing a module.
/// </summary>
public sealed class DataContextKind
{
    private readonly string _schema;
    private readonly string _migrationsHistoryTable;
    private readonly Func<DbContextOptions, DbContext> _create;

    private DataContextKind(Type type, string schema, string migrationsHistoryTable, Func<DbContextOptions, DbContext> create)
    {
        Type = type;
        _schema = schema;
        _migrationsHistoryTable = migrationsHistoryTable;
        _create = create;
    }

    public Type Type { get; }

    /// <param name="schema">The context's schema where the engine has schemas (<see cref="IDatabaseProvider.Configure"/>).</param>
    public static DataContextKind Of<TContext>(string schema, string migrationsHistoryTable, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext =>
        new(typeof(TContext), schema, migrationsHistoryTable, options => create((DbContextOptions<TContext>)options));

    /// <summary>A context of this kind on <paramref name="database"/>, outside any change.</summary>
    public DbContext Create(IDatabaseProvider database)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(Type))!;
        database.Configure(options, _schema, _migrationsHistoryTable);
        return _create(options.Options);
    }
}
