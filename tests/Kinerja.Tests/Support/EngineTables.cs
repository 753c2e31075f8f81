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
}
