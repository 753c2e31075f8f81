using System.Data.Common;

namespace Kinerja.Shared.Data;

public enum UpsertOutcome { Inserted, Updated, Unchanged }

/// <summary>Inserts a row by its key, or updates it where a value differs; prepared once for many rows.</summary>
public interface IUpsert : IAsyncDisposable
{
    /// <summary>Writes one row: its key values first, then its other values, in the order prepared.</summary>
    ValueTask<UpsertOutcome> ExecuteAsync(object?[] row, CancellationToken cancellationToken);
}

/// <summary>
/// Inserts a row by its key, or updates it where a value differs, with two prepared statements in portable
/// SQL (SQLite and PostgreSQL alike). Imports of a million rows go through here rather than through EF's
/// change tracker, which would hold every row in memory.
/// </summary>
public sealed class Upsert : IUpsert
{
    private readonly DbCommand _insert;
    private readonly DbCommand _update;
    private readonly DbParameter[] _insertParameters;
    private readonly DbParameter[] _updateParameters;

    private Upsert(DbCommand insert, DbParameter[] insertParameters, DbCommand update, DbParameter[] updateParameters)
    {
        _insert = insert;
        _insertParameters = insertParameters;
        _update = update;
        _updateParameters = updateParameters;
    }

    /// <param name="table">The table as SQL, quoted and qualified: <c>db.Table&lt;TRecord&gt;()</c>.</param>
    /// <param name="keys">The columns that identify a row (a unique index must cover them).</param>
    /// <param name="values">The other columns, updated when they differ.</param>
    public static async Task<Upsert> PrepareAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var columns = keys.Concat(values).ToList();
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql(table, keys, values);
        var insertParameters = columns.Select((_, i) => AddParameter(insert, InsertParameter(i))).ToArray();

        var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = values.Count == 0 ? "SELECT 0" : UpdateSql(table, keys, values);
        var updateParameters = UpdateParameters(keys.Count, values.Count).Select(name => AddParameter(update, name)).ToArray();

        await insert.PrepareAsync(cancellationToken);
        await update.PrepareAsync(cancellationToken);
        return new Upsert(insert, insertParameters, update, updateParameters);
    }

    /// <summary>The insert that does nothing when the key is taken; its parameters are <see cref="InsertParameter"/> in column order.</summary>
    public static string InsertSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        var columns = keys.Concat(values).ToList();
        return $"""
            INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            VALUES ({string.Join(", ", columns.Select((_, i) => InsertParameter(i)))})
            ON CONFLICT ({string.Join(", ", keys.Select(c => $"\"{c}\""))}) DO NOTHING
            """;
    }

    public static string InsertParameter(int column) => $"@p{column}";

    /// <summary>The update of a row's values where one differs; its parameters are <see cref="UpdateParameters"/>.</summary>
    public static string UpdateSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values)
    {
        var set = string.Join(", ", values.Select((c, i) => $"\"{c}\" = @v{i}"));
        var match = string.Join(" AND ", keys.Select((c, i) => $"\"{c}\" = @k{i}"));
        // Differs, counting NULL as a value of its own, in SQL both engines read alike.
        var differs = string.Join(" OR ", values.Select((c, i) =>
            $"(\"{c}\" <> @v{i} OR (\"{c}\" IS NULL AND @v{i} IS NOT NULL) OR (\"{c}\" IS NOT NULL AND @v{i} IS NULL))"));
        return $"UPDATE {table} SET {set} WHERE {match} AND ({differs})";
    }

    /// <summary>The update's parameter names: keys then values, as the insert's, so one row fills both in the same order.</summary>
    public static IEnumerable<string> UpdateParameters(int keys, int values) =>
        Enumerable.Range(0, keys).Select(i => $"@k{i}").Concat(Enumerable.Range(0, values).Select(i => $"@v{i}"));

    public async ValueTask<UpsertOutcome> ExecuteAsync(object?[] row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < row.Length; i++)
        {
            _insertParameters[i].Value = row[i] ?? DBNull.Value;
        }
        if (await _insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return UpsertOutcome.Inserted;
        }
        for (var i = 0; i < row.Length; i++)
        {
            _updateParameters[i].Value = row[i] ?? DBNull.Value;
        }
        return await _update.ExecuteNonQueryAsync(cancellationToken) > 0 ? UpsertOutcome.Updated : UpsertOutcome.Unchanged;
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _update.DisposeAsync();
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>Counts of what an import wrote.</summary>
public sealed class UpsertTally
{
    public int Inserted { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    public void Add(UpsertOutcome outcome)
    {
        switch (outcome)
        {
            case UpsertOutcome.Inserted: Inserted++; break;
            case UpsertOutcome.Updated: Updated++; break;
            default: Unchanged++; break;
        }
    }
}
