using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// The database engine the host runs on. Modules describe their tables; which engine stores them, and
/// where, is the host's choice, so no module carries engine-specific code.
/// </summary>
public interface IDatabaseProvider
{
    void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable);

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
    /// An open connection for a change, set to wait for another process's writer rather than fail.
    /// </summary>
    Task<System.Data.Common.DbConnection> OpenForWriteAsync(CancellationToken cancellationToken);

    /// <summary>A stamp of what the last completed start established, kept in the database itself; 0 when none.</summary>
    Task<int> ReadStartStampAsync(CancellationToken cancellationToken);

    Task WriteStartStampAsync(int stamp, CancellationToken cancellationToken);
}
