using Kinerja.Shared.Data;

namespace Kinerja.Tests.Support;

/// <summary>The test's own look at a host's tables, past the host, on either engine.</summary>
public sealed record EngineTables(string DataDirectory, DatabaseEngine Engine)
{
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = Engine == DatabaseEngine.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "kinerja.db")};Pooling=False")
            : new Npgsql.NpgsqlConnection(TestPostgres.DatabaseFor(DataDirectory));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>A module's table: in its schema (its prefix) on PostgreSQL.</summary>
    public string Table(string table) => Engine == DatabaseEngine.Sqlite ? $"\"{table}\"" : $"\"{table[..table.IndexOf('_')]}\".\"{table}\"";

    /// <summary>
    /// Every table's columns (name, type, nullability) and every index (columns, uniqueness), one sorted line each, migration
    /// histories and Quartz's tables left out: what two databases must share to be the same to the host.
    /// </summary>
    public async Task<IReadOnlyList<string>> SchemaAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Engine == DatabaseEngine.Sqlite
            ? """
              SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || (CASE WHEN c."notnull" THEN ' not null' ELSE '' END) || (CASE WHEN c.pk > 0 THEN ' key' ELSE '' END)
              FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'
              UNION ALL
              SELECT 'index ' || m.name || ' ' || i.name || (CASE WHEN i."unique" THEN ' unique' ELSE '' END) || ' (' ||
                     (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(i.name) ii ORDER BY ii.seqno)) || ')'
              FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table'
              """
            : """
              SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || COALESCE(' ' || collation_name, '')
                     || (CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END)
              FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
              UNION ALL
              SELECT 'index ' || schemaname || '.' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
              """;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines.Where(l => !l.Contains("_migrations", StringComparison.Ordinal) && !l.Contains("qrtz_", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
    }
}
