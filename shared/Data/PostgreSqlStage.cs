using System.Data.Common;
using Npgsql;

namespace Kinerja.Shared.Data;

/// <summary>
/// An import's rows on PostgreSQL: copied (binary COPY) into a temporary table dropped at commit, then
/// merged into the module's tables by one statement that writes only the rows that differ. Prepared
/// statements row by row, as <see cref="Upsert"/> does them, cost a network round trip a row; COPY
/// streams. Each row is numbered in file order, so the merge keeps what row by row would: the last row of
/// a key wins, and each row's outcome (new, changed, unchanged) is judged against the row of its key
/// before it, in the file or in the table.
/// </summary>
public sealed class PostgreSqlStage : IAsyncDisposable
{
    private const string Seq = "Seq";
    private static int _next;

    private readonly NpgsqlConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string[] _columns;
    private readonly string[] _types;
    private NpgsqlBinaryImporter? _copy;
    private long _rows;

    private PostgreSqlStage(NpgsqlConnection connection, DbTransaction transaction, string name, string[] columns, string[] types)
    {
        _connection = connection;
        _transaction = transaction;
        Name = name;
        _columns = columns;
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
        var columns = new List<string>();
        var types = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT attname, format_type(atttypid, NULL) FROM pg_attribute
            WHERE attrelid = @stage::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
            """, npgsql, (NpgsqlTransaction)transaction))
        {
            command.Parameters.AddWithValue("stage", $"\"{name}\"");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        var stage = new PostgreSqlStage(npgsql, transaction, name, [.. columns.Skip(1)], [.. types.Skip(1)]);
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
    /// Stores the stage in <paramref name="targets"/>, in one statement, and says what its rows did. For each target every
    /// staged row gets an outcome ("Outcome0", "Outcome1", ...: 0 new, 1 changed, 2 unchanged), judged against the row of
    /// its key before it in the file or, failing one, in the table; the last row of each key is inserted when its key is
    /// new and updated when a value differs, and nothing else is written: an unchanged file reads the stage and the tables
    /// and writes no row, so no page, index or WAL record is touched for it.
    /// </summary>
    /// <param name="outcome">A row's outcome over all targets, in SQL over "Outcome0", "Outcome1", ...; "Outcome0" for one table.</param>
    /// <param name="where">Which staged rows go to these targets (a services stage holds several modules' rows); null for all.</param>
    public async Task<StagedMerge> MergeAsync(IReadOnlyList<StageTarget> targets, string outcome, string? where, CancellationToken cancellationToken)
    {
        // Each target's window over the one before it: targets whose keys start alike (persons by NIK, their categories by
        // NIK, category and start) then need one full sort of the stage, the next ones an incremental sort within a NIK.
        var windows = "";
        var outcomes = new List<string>();
        var joins = new List<string>();
        var writes = new List<string>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var values = target.Values;
            var previous = string.Concat(values.Select((c, j) => $", LAG({Q(c)}) OVER byKey{i} AS \"Previous{i}_{j}\""));
            var from = i == 0 ? $"\"{Name}\" AS x{(where is null ? "" : " WHERE " + where)}" : $"({windows}) AS x";
            windows = $"""
                SELECT x.*, LAG("{Seq}") OVER byKey{i} AS "PreviousSeq{i}", LEAD("{Seq}") OVER byKey{i} AS "NextSeq{i}"{previous}
                FROM {from}
                WINDOW byKey{i} AS (PARTITION BY {Columns(target.Keys)} ORDER BY "{Seq}")
                """;
            var t = $"t{i}";
            joins.Add($"LEFT JOIN {target.Table} AS {t} ON {string.Join(" AND ", target.Keys.Select(k => $"{t}.{Q(k)} = s.{Q(k)}"))}");
            var differsFromPrevious = values.Count == 0 ? "FALSE" : $"({Columns(values, "s")}) IS DISTINCT FROM ({string.Join(", ", values.Select((_, j) => $"s.\"Previous{i}_{j}\""))})";
            var differsFromTable = values.Count == 0 ? "FALSE" : $"({Columns(values, "s")}) IS DISTINCT FROM ({Columns(values, t)})";
            var absent = $"{t}.{Q(target.Keys[0])} IS NULL";
            outcomes.Add($"""
                CASE WHEN s."PreviousSeq{i}" IS NOT NULL THEN CASE WHEN {differsFromPrevious} THEN 1 ELSE 2 END
                    WHEN {absent} THEN 0 WHEN {differsFromTable} THEN 1 ELSE 2 END AS "Outcome{i}",
                CASE WHEN s."NextSeq{i}" IS NOT NULL THEN NULL WHEN {absent} THEN 0 WHEN {differsFromTable} THEN 1 END AS "Write{i}"
                """);
            var columns = Columns(target.Keys.Concat(target.Values));
            // The rows come in the windows' key order, so a unique index fills page after page.
            writes.Add($"\"Inserted{i}\" AS (INSERT INTO {target.Table} ({columns}) SELECT {columns} FROM \"Merge\" WHERE \"Write{i}\" = 0)");
            if (values.Count > 0)
            {
                writes.Add($"""
                    "Updated{i}" AS (UPDATE {target.Table} AS t SET {string.Join(", ", values.Select(c => $"{Q(c)} = m.{Q(c)}"))}
                        FROM "Merge" AS m WHERE m."Write{i}" = 1 AND {string.Join(" AND ", target.Keys.Select(k => $"t.{Q(k)} = m.{Q(k)}"))})
                    """);
            }
        }
        var merge = $"""
            "Merge" AS MATERIALIZED (
                SELECT {Columns(_columns, "s")}, {string.Join(", ", outcomes)}
                FROM ({windows}) AS s
                {string.Join("\n", joins)})
            """;
        await using var command = new NpgsqlCommand($"""
            WITH {string.Join(",\n", writes.Prepend(merge))}
            SELECT COUNT(*) FILTER (WHERE "Outcome" = 0), COUNT(*) FILTER (WHERE "Outcome" = 1), COUNT(*) FILTER (WHERE "Outcome" = 2),
                {string.Join(", ", targets.Select((_, i) => $"COUNT(\"Write{i}\")"))}
            FROM (SELECT *, {outcome} AS "Outcome" FROM "Merge") AS o
            """, _connection, (NpgsqlTransaction)_transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StagedMerge(new WriteCounts((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2)),
            [.. targets.Select((_, i) => reader.GetInt64(3 + i))]);
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

/// <summary>A table a stage is merged into, by key: its key columns and its other columns, each a column of the stage.</summary>
/// <param name="Table">The table's delimited, qualified name (<see cref="DatabaseEngines.Table{TEntity}"/>).</param>
public sealed record StageTarget(string Table, IReadOnlyList<string> Keys, IReadOnlyList<string> Values);

/// <summary>What a merge did: the rows' outcomes, and the rows written (inserted or updated) in each target.</summary>
public sealed record StagedMerge(WriteCounts Counts, IReadOnlyList<long> Written);

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
        var merged = await _stage.MergeAsync([new StageTarget(_table, _keys, _values)], "\"Outcome0\"", null, cancellationToken);
        if (merged.Written[0] > 0)
        {
            await _stage.ExecuteAsync($"ANALYZE {_table}", cancellationToken);
        }
        return merged.Counts;
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();
}
