using System.Data.Common;
using System.Linq.Expressions;
using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using IDatabaseProvider = Kinerja.Shared.Data.IDatabaseProvider;

namespace Kinerja.Host.Commands;

/// <summary>
/// Copies every table of the contexts of the enabled modules and the host from one database into an empty
/// PostgreSQL one, generically over their EF models: each row read from the source, each value taken
/// through the source's type mapping to its model value and the target's back to a stored value (a list
/// kept as JSON text in SQLite is an array in PostgreSQL), and streamed into the target by binary COPY, in
/// one transaction.
/// </summary>
internal sealed class DataCopier(IReadOnlyList<DataContextKind> kinds, IDatabaseProvider source, IDatabaseProvider target)
{
    /// <summary>The tables of the target that hold rows (qualified names); empty when the target may be copied into.</summary>
    public async Task<IReadOnlyList<string>> TablesWithDataAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        foreach (var kind in kinds)
        {
            await using var db = kind.Create(target);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            foreach (var table in Tables(db).Select(t => db.Table(t.ClrType)).Distinct())
            {
                if (await ScalarAsync(connection, null, $"SELECT to_regclass('{table.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL", cancellationToken) is true
                    && await ScalarAsync(connection, null, $"SELECT EXISTS (SELECT 1 FROM {table})", cancellationToken) is true)
                {
                    found.Add(table);
                }
            }
        }
        return found;
    }

    /// <summary>Creates or upgrades the target's schemas and tables by the PostgreSQL migrations of every context.</summary>
    public async Task MigrateTargetAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in kinds)
        {
            await using var db = kind.Create(target);
            await db.Database.MigrateAsync(cancellationToken);
        }
    }

    /// <summary>Copies every row; reports each table as it is done. All or nothing on the target.</summary>
    public async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(Action<string, long> copied, CancellationToken cancellationToken)
    {
        var result = new List<(string, long)>();
        var contexts = kinds.Select(k => (Source: k.Create(source), Target: k.Create(target))).ToList();
        try
        {
            // One read transaction on the source: every table as of one moment, even if a host still writes.
            var first = contexts[0];
            await first.Source.Database.OpenConnectionAsync(cancellationToken);
            var reading = first.Source.Database.GetDbConnection();
            await using var readTransaction = await reading.BeginTransactionAsync(cancellationToken);
            await first.Target.Database.OpenConnectionAsync(cancellationToken);
            var writing = (NpgsqlConnection)first.Target.Database.GetDbConnection();
            await using var writeTransaction = await writing.BeginTransactionAsync(cancellationToken);
            foreach (var (sourceDb, targetDb) in contexts)
            {
                foreach (var entity in Tables(sourceDb))
                {
                    var targetEntity = targetDb.Model.FindEntityType(entity.ClrType)!;
                    var table = targetDb.Table(entity.ClrType);
                    var rows = await CopyTableAsync(sourceDb, entity, reading, readTransaction, targetEntity, table, writing, writeTransaction, cancellationToken);
                    await ResetIdentitiesAsync(targetEntity, table, writing, writeTransaction, cancellationToken);
                    result.Add((table, rows));
                    copied(table, rows);
                }
            }
            await writeTransaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            foreach (var (sourceDb, targetDb) in contexts)
            {
                await sourceDb.DisposeAsync();
                await targetDb.DisposeAsync();
            }
        }
    }

    /// <summary>The context's tables, a table another one refers to first (its foreign keys hold at every row).</summary>
    private static List<IEntityType> Tables(DbContext db)
    {
        var entities = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        void Visit(IEntityType entity, HashSet<IEntityType> visiting)
        {
            if (ordered.Contains(entity) || !visiting.Add(entity))
            {
                return;
            }
            foreach (var principal in entity.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != entity && entities.Contains(p)))
            {
                Visit(principal, visiting);
            }
            ordered.Add(entity);
        }
        foreach (var entity in entities.OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entity, []);
        }
        return ordered;
    }

    private static async Task<long> CopyTableAsync(DbContext sourceDb, IEntityType entity, DbConnection reading, DbTransaction readTransaction,
        IEntityType targetEntity, string targetTable, NpgsqlConnection writing, NpgsqlTransaction writeTransaction, CancellationToken cancellationToken)
    {
        var columns = entity.GetProperties()
            .Select(p => (Source: p, Target: targetEntity.FindProperty(p.Name)!))
            .Select(p => (p.Source, p.Target, Column: p.Source.GetColumnName()))
            .ToList();
        var types = await ColumnTypesAsync(writing, writeTransaction, targetTable, columns.Select(c => c.Target.GetColumnName()).ToList(), cancellationToken);
        var readers = columns.Select(c => ValueReader(c.Source)).ToArray();
        var writers = columns.Select((c, i) => ValueWriter(c.Target, types[i])).ToArray();

        await using var select = reading.CreateCommand();
        select.Transaction = readTransaction;
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Column)))} FROM {sourceDb.Table(entity.ClrType)}";
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        await using var copy = await writing.BeginBinaryImportAsync(
            $"COPY {targetTable} ({string.Join(", ", columns.Select(c => Quote(c.Target.GetColumnName())))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        while (await rows.ReadAsync(cancellationToken))
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < readers.Length; i++)
            {
                if (await rows.IsDBNullAsync(i, cancellationToken))
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
                else if (writers[i](readers[i](rows, i)) is { } value)
                {
                    await copy.WriteAsync(value, types[i], cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
            count++;
        }
        await copy.CompleteAsync(cancellationToken);
        return count;
    }

    /// <summary>The target's type of each column, as PostgreSQL names it (text, date, timestamp with time zone, text[]).</summary>
    private static async Task<string[]> ColumnTypesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, List<string> columns,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped",
            connection, transaction);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                types[reader.GetString(0)] = reader.GetString(1);
            }
        }
        return [.. columns.Select(c => types[c])];
    }

    /// <summary>Reads a column's model value: the source engine's reader method, then its converter back from what it stores.</summary>
    private static Func<DbDataReader, int, object?> ValueReader(IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
        var reader = Expression.Parameter(typeof(DbDataReader));
        var ordinal = Expression.Parameter(typeof(int));
        var method = mapping.GetDataReaderMethod();
        var read = Expression.Lambda<Func<DbDataReader, int, object?>>(
            Expression.Convert(Expression.Call(Expression.Convert(reader, method.DeclaringType!), method, ordinal), typeof(object)),
            reader, ordinal).Compile();
        return mapping.Converter is { } converter ? (r, i) => converter.ConvertFromProvider(read(r, i)) : read;
    }

    /// <summary>Gives a model value as the target stores it: its converter, and instants in UTC, as PostgreSQL's timestamptz takes them.</summary>
    private static Func<object?, object?> ValueWriter(IProperty property, string type)
    {
        var converter = property.GetRelationalTypeMapping().Converter;
        var instant = type == "timestamp with time zone";
        return value =>
        {
            var stored = converter is null ? value : converter.ConvertToProvider(value);
            return stored switch
            {
                DateTimeOffset at when instant => at.ToUniversalTime(),
                DateTime at when instant && at.Kind != DateTimeKind.Utc => DateTime.SpecifyKind(at, DateTimeKind.Utc),
                _ => stored,
            };
        };
    }

    /// <summary>After rows were copied with their keys, the target's key sequences go on after the largest.</summary>
    private static async Task ResetIdentitiesAsync(IEntityType entity, string table, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        foreach (var key in entity.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd) ?? [])
        {
            var column = key.GetColumnName();
            await ScalarAsync(connection, transaction, $"""
                SELECT setval(s, COALESCE((SELECT MAX({Quote(column)}) FROM {table}), 0) + 1, false)
                FROM pg_get_serial_sequence('{table.Replace("'", "''", StringComparison.Ordinal)}', '{column}') AS s WHERE s IS NOT NULL
                """, cancellationToken);
        }
    }

    private static string Quote(string column) => $"\"{column}\"";

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
