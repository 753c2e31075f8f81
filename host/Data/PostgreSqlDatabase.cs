using System.Data.Common;
using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kinerja.Host.Data;

/// <summary>
/// A PostgreSQL server that several hosts share: each module's tables in its own schema, the host's in
/// <c>kinerja</c>. Writers of every host take turns through one advisory lock held by each change's transaction.
/// </summary>
internal sealed class PostgreSqlDatabaseProvider : IDatabaseProvider
{
    /// <summary>The advisory lock every change holds until it commits: "KNRJ" in ASCII, a key nothing else uses.</summary>
    public const long WriterLock = 0x4B4E524A;

    /// <summary>The advisory lock a start holds while it migrates and seeds: "KNRS".</summary>
    public const long StartLock = 0x4B4E5253;

    private const string StartStampTable = $"\"{DataVersionContext.Schema}\".\"host_start_stamp\"";

    public PostgreSqlDatabaseProvider(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    // The server keeps its own files; the database itself is made by the first start's migrations.
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Configure(DbContextOptionsBuilder options, string schema, string migrationsHistoryTable) =>
        options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable, schema))
            .UseEngineMigrations();

    // Nothing to ready: the server's buffers are its own, and bulk writes go through COPY.
    public Task<IAsyncDisposable> PrepareBulkWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToRestore.Instance);

    public DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public async Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // The lock is taken first, so every statement after it (READ COMMITTED takes a snapshot per statement)
    // sees what the writer before committed, as BEGIN IMMEDIATE gives on SQLite.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriterLock})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    // A session lock on a connection of its own, released before the connection goes back to the pool
    // (which would keep the session, and so the lock, alive).
    public async Task<IAsyncDisposable> LockStartAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet: the first start makes it, and there is nothing to take turns on.
            await connection.DisposeAsync();
            return NothingToRestore.Instance;
        }
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT pg_advisory_lock({StartLock})";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new StartTurn(connection);
    }

    private sealed class StartTurn(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT pg_advisory_unlock({StartLock})";
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    public async Task<int> ReadStartStampAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT to_regclass('{StartStampTable.Replace("'", "''")}') IS NOT NULL";
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return 0;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Stamp\" FROM {StartStampTable} WHERE \"Id\" = 1";
            return await command.ExecuteScalarAsync(cancellationToken) is int stamp ? stamp : 0;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // No database yet: the first module's migrations make it.
            return 0;
        }
    }

    public async Task WriteStartStampAsync(int stamp, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS {StartStampTable} ("Id" integer PRIMARY KEY, "Stamp" integer NOT NULL);
            INSERT INTO {StartStampTable} ("Id", "Stamp") VALUES (1, @stamp)
            ON CONFLICT ("Id") DO UPDATE SET "Stamp" = excluded."Stamp";
            """;
        command.Parameters.AddWithValue("stamp", stamp);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
