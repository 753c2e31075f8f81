using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Shared.Data;

/// <summary>
/// The secondary (non-unique) indexes of a table that an import fills from empty: dropped before the rows
/// are written and built once at the end, a sort instead of a million inserts in random order. Both happen
/// inside the import's transaction, so a failed import leaves the indexes as they were.
/// </summary>
public sealed class DeferredIndexes
{
    private readonly List<string> _create;

    private DeferredIndexes(List<string> create) => _create = create;

    public static async Task<DeferredIndexes> DropIfEmptyAsync(DbContext db, Type entity, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in {db.GetType().Name}", nameof(entity));
        // Qualified where the engine has schemas (PostgreSQL): an index lives in its table's schema.
        var table = db.Table(entity);
        var sql = db.GetService<ISqlGenerationHelper>();
        var indexes = type.GetIndexes().Where(i => !i.IsUnique).ToList();
        if (indexes.Count == 0 || await ExecuteAsync(connection, transaction, $"""SELECT 1 FROM {table} LIMIT 1""", cancellationToken) is not null)
        {
            return new DeferredIndexes([]);
        }
        var create = new List<string>();
        foreach (var index in indexes)
        {
            var name = index.GetDatabaseName()!;
            create.Add($"""CREATE INDEX {sql.DelimitIdentifier(name)} ON {table} ({string.Join(", ", index.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName())))})""");
            await ExecuteAsync(connection, transaction, $"""DROP INDEX {sql.DelimitIdentifier(name, type.GetSchema())}""", cancellationToken);
        }
        return new DeferredIndexes(create);
    }

    public async Task BuildAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        foreach (var sql in _create)
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
        }
    }

    private static async Task<object?> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
