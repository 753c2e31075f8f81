using System.Globalization;
using Kinerja.Shared.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kinerja.Host.Data;

/// <summary>
/// <see cref="Upsert"/>'s statements run on SQLite's own prepared statements: values bound by position,
/// stepped and reset. Microsoft.Data.Sqlite spends a few microseconds of its own on every command (a
/// reader per execution, parameters bound by name), which at two statements a row was a third of the
/// writer's time in a million-row import. The connection's transaction is the change's: SQLite has one
/// per connection.
/// </summary>
internal sealed class SqliteUpsert : IUpsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt? _update;
    private readonly int[] _insertIndexes;
    private readonly int[] _updateIndexes;

    private SqliteUpsert(sqlite3 db, sqlite3_stmt insert, int[] insertIndexes, sqlite3_stmt? update, int[] updateIndexes)
    {
        _db = db;
        _insert = insert;
        _insertIndexes = insertIndexes;
        _update = update;
        _updateIndexes = updateIndexes;
    }

    public static IUpsert Prepare(SqliteConnection connection, string table, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var insert = PrepareStatement(db, Upsert.InsertSql(table, keys, values));
        sqlite3_stmt? update = null;
        try
        {
            var insertIndexes = Enumerable.Range(0, keys.Count + values.Count).Select(i => Index(insert, Upsert.InsertParameter(i))).ToArray();
            // A table of keys alone has nothing to update: a taken key is unchanged.
            update = values.Count == 0 ? null : PrepareStatement(db, Upsert.UpdateSql(table, keys, values));
            var updateIndexes = update is null ? [] : Upsert.UpdateParameters(keys.Count, values.Count).Select(name => Index(update, name)).ToArray();
            return new SqliteUpsert(db, insert, insertIndexes, update, updateIndexes);
        }
        catch
        {
            insert.Dispose();
            update?.Dispose();
            throw;
        }
    }

    public ValueTask<UpsertOutcome> ExecuteAsync(object?[] row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Run(_insert, _insertIndexes, row) == 1)
        {
            return ValueTask.FromResult(UpsertOutcome.Inserted);
        }
        if (_update is null)
        {
            return ValueTask.FromResult(UpsertOutcome.Unchanged);
        }
        return ValueTask.FromResult(Run(_update, _updateIndexes, row) > 0 ? UpsertOutcome.Updated : UpsertOutcome.Unchanged);
    }

    /// <summary>Binds the row, runs the statement to its end and gives the rows it changed.</summary>
    private int Run(sqlite3_stmt statement, int[] indexes, object?[] row)
    {
        try
        {
            for (var i = 0; i < indexes.Length; i++)
            {
                Check(Bind(statement, indexes[i], i < row.Length ? row[i] : null));
            }
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    // As Microsoft.Data.Sqlite binds them (so the rows read back through EF alike): dates as yyyy-MM-dd text.
    private static int Bind(sqlite3_stmt statement, int index, object? value)
    {
        switch (value)
        {
            case null:
                return raw.sqlite3_bind_null(statement, index);
            case string text:
                return raw.sqlite3_bind_text16(statement, index, text.AsSpan());
            case int number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case long number:
                return raw.sqlite3_bind_int64(statement, index, number);
            case bool flag:
                return raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0);
            case double number:
                return raw.sqlite3_bind_double(statement, index, number);
            case DateOnly date:
                Span<char> chars = stackalloc char[16];
                date.TryFormat(chars, out var written, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture);
                return raw.sqlite3_bind_text16(statement, index, chars[..written]);
            default:
                throw new ArgumentException($"an upsert takes no value of type {value.GetType().Name}", nameof(value));
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private static sqlite3_stmt PrepareStatement(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
            throw new InvalidOperationException($"SQLite prepared no statement for: {sql}");
        }
        return statement;
    }

    private static int Index(sqlite3_stmt statement, string name)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        return index > 0 ? index : throw new InvalidOperationException($"parameter {name} is not in the statement");
    }

    public ValueTask DisposeAsync()
    {
        _insert.Dispose();
        _update?.Dispose();
        return ValueTask.CompletedTask;
    }
}
