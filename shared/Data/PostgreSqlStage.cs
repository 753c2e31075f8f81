using System.Data.Common;
using Npgsql;

namespace Kinerja.Shared.Data;

/// <summary>
/// An import's rows on PostgreSQL: copied (binary COPY) into a temporary table dropped at commit, then
/// merged into the module's tables by a few set statements. Prepared statements row by row, as
/// <see cref="Upsert"/> does them, cost a network round trip a row; COPY streams. Each row is numbered
/// in file order, so the merge keeps what row by row would: the last row of a key wins, and each row's
/// outcome (new, changed, unchanged) is judged against the row of its key before it, in the file or in the table.
/// </summary>
public sealed class PostgreSqlStage : IAsyncDisposable
{
    private const string Seq = "Seq";
    private static int _next;

    private readonly NpgsqlConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string[] _types;
    private NpgsqlBinaryImporter? _copy;
    private long _rows;

    private PostgreSqlStage(NpgsqlConnection connection, DbTransaction transaction, string name, string[] types)
    {
        _connection = connection;
        _transaction = transaction;
        Name = name;
        _types = types;
    }

    /// <summary>The temporary table's name (unqualified: temporary tables have a schema of their own).</summary>
    public string Name { get; }

    /// <summary>
    /// A stage whose columns (after the row number) are those <paramref name="select"/> names, of their
    /// tables' types, e.g. <c>SELECT p."Nik", c."Category" FROM persons p, categories c</c>.
    /// </summary>
    public static async Task<PostgreSqlStage> CreateAsync(DbConnection connection, DbTransaction transaction, string select,
        CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var name = $"kinerja_stage_{Interlocked.Increment(ref _next)}";
        await ExecuteAsync(npgsql, transaction, $"""
            CREATE TEMPORARY TABLE "{name}" ON COMMIT DROP AS SELECT 0::bigint AS "{Seq}", s.* FROM ({select}) AS s WITH NO DATA;
            -- The import's own transaction: a larger sort memory makes the merge and the index builds sort in memory.
            SET LOCAL work_mem = '128MB';
            SET LOCAL maintenance_work_mem = '256MB';
            """, cancellationToken);
        var types = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT format_type(atttypid, NULL) FROM pg_attribute
            WHERE attrelid = @stage::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, npgsql, (NpgsqlTransaction)transaction))
        {
            command.Parameters.AddWithValue("stage", $"\"{name}\"");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                types.Add(reader.GetString(0));
            }
        }
        var stage = new PostgreSqlStage(npgsql, transaction, name, [.. types.Skip(1)]);
        stage._copy = await npgsql.BeginBinaryImportAsync($"""COPY "{name}" FROM STDIN (FORMAT BINARY)""", cancellationToken);
        return stage;
    }

    /// <summary>Adds a row: one value a column, in the order of the stage's columns.</summary>
    public async Task AddAsync(object?[] values, CancellationToken cancellationToken)
    {
        var copy = _copy ?? throw new InvalidOperationException("The stage is closed.");
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(++_rows, NpgsqlTypes.NpgsqlDbType.Bigint, cancellationToken);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                await copy.WriteNullAsync(cancellationToken);
            }
            else
            {
                await copy.WriteAsync(values[i], _types[i], cancellationToken);
            }
        }
    }

    /// <summary>Ends the copy; then the stage can be read.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_copy is { } copy)
        {
            _copy = null;
            await copy.CompleteAsync(cancellationToken);
            await copy.DisposeAsync();
            await ExecuteAsync(_connection, _transaction, $"""ANALYZE "{Name}" """, cancellationToken);
        }
    }

    /// <summary>
    /// A query of each staged row's number and outcome in <paramref name="table"/> (0 new, 1 changed,
    /// 2 unchanged): against the row of the same key before it in the file, or failing one, in the table.
    /// </summary>
    public string OutcomesSql(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values, string? where = null)
    {
        var previous = string.Join(", ", values.Select((c, i) => $"LAG({Q(c)}) OVER byKey AS \"Previous{i}\""));
        var differsFromPrevious = values.Count == 0 ? "FALSE" : $"({Columns(values, "s")}) IS DISTINCT FROM ({string.Join(", ", values.Select((_, i) => $"s.\"Previous{i}\""))})";
        var differsFromTable = values.Count == 0 ? "FALSE" : $"({Columns(values, "s")}) IS DISTINCT FROM ({Columns(values, "t")})";
        return $"""
            SELECT s."{Seq}", CASE
                WHEN s."PreviousSeq" IS NOT NULL THEN CASE WHEN {differsFromPrevious} THEN 1 ELSE 2 END
                WHEN t.{Q(keys[0])} IS NULL THEN 0
                WHEN {differsFromTable} THEN 1 ELSE 2 END AS "Outcome"
            FROM (SELECT *, LAG("{Seq}") OVER byKey AS "PreviousSeq"{(values.Count > 0 ? ", " + previous : "")}
                  FROM "{Name}" {(where is null ? "" : "WHERE " + where)}
                  WINDOW byKey AS (PARTITION BY {Columns(keys)} ORDER BY "{Seq}")) AS s
            LEFT JOIN {table} AS t ON {string.Join(" AND ", keys.Select(k => $"t.{Q(k)} = s.{Q(k)}"))}
            """;
    }

    /// <summary>How many staged rows were new, changed and unchanged in <paramref name="table"/>.</summary>
    public async Task<WriteCounts> CountAsync(string outcomesSql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT COUNT(*) FILTER (WHERE "Outcome" = 0), COUNT(*) FILTER (WHERE "Outcome" = 1), COUNT(*) FILTER (WHERE "Outcome" = 2)
            FROM ({outcomesSql}) AS o
            """, _connection, (NpgsqlTransaction)_transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WriteCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    /// <summary>Stores the last staged row of each key in <paramref name="table"/>; a row already as staged is not written again.</summary>
    public Task MergeAsync(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken, string? where = null)
    {
        var columns = keys.Concat(values).ToList();
        var update = values.Count == 0
            ? "DO NOTHING"
            : $"DO UPDATE SET {string.Join(", ", values.Select(c => $"{Q(c)} = EXCLUDED.{Q(c)}"))} WHERE ({Columns(values, "t")}) IS DISTINCT FROM ({Columns(values, "EXCLUDED")})";
        return ExecuteAsync(_connection, _transaction, $"""
            INSERT INTO {table} AS t ({Columns(columns)})
            SELECT DISTINCT ON ({Columns(keys)}) {Columns(columns)} FROM "{Name}" {(where is null ? "" : "WHERE " + where)}
            ORDER BY {Columns(keys)}, "{Seq}" DESC
            ON CONFLICT ({Columns(keys)}) {update}
            """, cancellationToken);
    }

    /// <summary>Counts and merges into one table: what a register of one table needs.</summary>
    public async Task<WriteCounts> UpsertAsync(string table, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken,
        string? where = null)
    {
        var counts = await CountAsync(OutcomesSql(table, keys, values, where), cancellationToken);
        await MergeAsync(table, keys, values, cancellationToken, where);
        return counts;
    }

    /// <summary>Runs a statement in the import's transaction.</summary>
    public Task ExecuteAsync(string sql, CancellationToken cancellationToken) => ExecuteAsync(_connection, _transaction, sql, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_copy is { } copy)
        {
            _copy = null;
            // Not completed: the copy is cancelled, and the transaction rolls back.
            await copy.DisposeAsync();
        }
    }

    private static string Q(string column) => $"\"{column}\"";

    private static string Columns(IEnumerable<string> columns, string? alias = null) =>
        string.Join(", ", columns.Select(c => alias is null ? Q(c) : $"{alias}.{Q(c)}"));

    private static async Task ExecuteAsync(NpgsqlConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>What an import's writes did: rows new, changed and unchanged.</summary>
public readonly record struct WriteCounts(int Inserted, int Updated, int Unchanged);

/// <summary>The bulk writer of a register kept in one table: rows staged, then counted and merged by key.</summary>
public sealed class StagedTable<TRow> : Sources.IBulkRowWriter<TRow>
{
    private readonly PostgreSqlStage _stage;
    private readonly string _table;
    private readonly IReadOnlyList<string> _keys;
    private readonly IReadOnlyList<string> _values;
    private readonly Func<TRow, object?[]> _columns;

    private StagedTable(PostgreSqlStage stage, string table, IReadOnlyList<string> keys, IReadOnlyList<string> values, Func<TRow, object?[]> columns)
    {
        _stage = stage;
        _table = table;
        _keys = keys;
        _values = values;
        _columns = columns;
    }

    /// <param name="table">The table's delimited, qualified name (<see cref="DatabaseEngines.Table{TEntity}"/>).</param>
    /// <param name="columns">A row's key values, then its other values, in the order of <paramref name="keys"/> and <paramref name="values"/>.</param>
    public static async Task<StagedTable<TRow>> CreateAsync(DbConnection connection, DbTransaction transaction, string table,
        IReadOnlyList<string> keys, IReadOnlyList<string> values, Func<TRow, object?[]> columns, CancellationToken cancellationToken)
    {
        var select = $"SELECT {string.Join(", ", keys.Concat(values).Select(c => $"\"{c}\""))} FROM {table}";
        return new StagedTable<TRow>(await PostgreSqlStage.CreateAsync(connection, transaction, select, cancellationToken), table, keys, values, columns);
    }

    public Task AddAsync(TRow row, CancellationToken cancellationToken) => _stage.AddAsync(_columns(row), cancellationToken);

    public async Task<WriteCounts> CompleteAsync(CancellationToken cancellationToken)
    {
        await _stage.CloseAsync(cancellationToken);
        var counts = await _stage.UpsertAsync(_table, _keys, _values, cancellationToken);
        await _stage.ExecuteAsync($"ANALYZE {_table}", cancellationToken);
        return counts;
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();
}
