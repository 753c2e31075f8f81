using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// The database engine the host runs on. Modules describe their tables; which engine stores them, and
/// where, is the host's choice, so no module carries engine-specific code.
/// </summary>
public interface IDatabaseProvider
{
    /// <summary>The engine, for the few statements that differ between engines (bulk copies, say).</summary>
    DatabaseEngine Engine { get; }

    /// <summary>Readies the database's place (a data directory, say) before the start's first statement.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Points a context at the database: on engines with schemas its tables and its migrations history
    /// live in <paramref name="schema"/>.
    /// </summary>
    void Configure(DbContextOptionsBuilder options, string schema, string migrationsHistoryTable);

    /// <summary>
    /// Readies an open connection for a write of many rows (an import of a million persons, say); the
    /// connection is as before once the returned object is disposed. Engines that need nothing return a no-op.
    /// </summary>
    Task<IAsyncDisposable> PrepareBulkWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The upsert of a bulk write (see <see cref="Upsert"/>) on the connection and transaction of a change. The
    /// portable prepared statements unless an engine has a cheaper way to run a million of them.
    /// </summary>
    async Task<IUpsert> PrepareUpsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        string table, IReadOnlyList<string> keys, IReadOnlyList<string> values, CancellationToken cancellationToken) =>
        await Upsert.PrepareAsync(connection, transaction, table, keys, values, cancellationToken);

    /// <summary>
    /// A new, closed connection to the database for a short read outside any change (from the engine's pool once
    /// opened): for statements so frequent that a context per statement would cost more than the statement.
    /// </summary>
    System.Data.Common.DbConnection CreateConnection();

    /// <summary>
    /// An open connection for a change, set to wait for another process's writer rather than fail.
    /// </summary>
    Task<System.Data.Common.DbConnection> OpenForWriteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Begins a change's transaction holding the database's single writer turn, so that writers of every
    /// process and host take turns and what a change read is still true when it commits.
    /// </summary>
    Task<System.Data.Common.DbTransaction> BeginWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the start's turn until disposed: hosts started at once on one database migrate and seed one
    /// after another. A no-op where one host owns the database (SQLite).
    /// </summary>
    Task<IAsyncDisposable> LockStartAsync(CancellationToken cancellationToken);

    /// <summary>A stamp of what the last completed start established, kept in the database itself; 0 when none.</summary>
    Task<int> ReadStartStampAsync(CancellationToken cancellationToken);

    Task WriteStartStampAsync(int stamp, CancellationToken cancellationToken);
}
