using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Host.Data;

/// <summary>
/// Every change of Kinerja in one transaction with its checks, its audit row and the data version. In this
/// process writers queue here, without holding a thread; against another process (an import from the
/// command line, another host) the transaction takes the database's writer turn at its start (SQLite's
/// BEGIN IMMEDIATE, PostgreSQL's advisory lock) and waits for it, so what a change read is still true when
/// it commits.
/// </summary>
internal sealed class UnitOfWork(IDatabaseProvider database, Func<HostDbContext> createContext, IHttpContextAccessor http) : IUnitOfWork, IDataVersion
{
    /// <summary>Set on a request once one of its changes committed: an answer cut short after it must not say nothing was stored.</summary>
    public const string Committed = "kinerja.change-committed";

    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<T> RunAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        if (WriteScope.Current is not null)
        {
            return await change();
        }
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenForWriteAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            T result;
            using (WriteScope.Enter(connection, transaction))
            {
                result = await change();
                await using var db = createContext();
                var raise = $"""
                    INSERT INTO {db.Table<DataVersionRecord>()} AS v ("Id", "Version") VALUES (1, 1)
                    ON CONFLICT ("Id") DO UPDATE SET "Version" = v."Version" + 1
                    """;
                await db.Database.ExecuteSqlRawAsync(raise, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            if (http.HttpContext is { } request)
            {
                request.Items[Committed] = true;
            }
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.DataVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);
    }
}
