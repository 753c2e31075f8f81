using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kinerja.Shared.Data;

/// <summary>
/// One change as one transaction: the checks that decide it, its writes in every module, the data version
/// and its audit row, on one connection. The host keeps it; modules run their changes through it.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="change"/> in a write transaction, raises the data version and commits; any
    /// exception rolls everything back. Writers take turns: none fails because another is writing.
    /// A change started inside another joins it.
    /// </summary>
    Task<T> RunAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken, ChangeReach reach = ChangeReach.Anything);
}

/// <summary>What a change may write: a change that writes figures only leaves what later changes check against as it was.</summary>
public enum ChangeReach
{
    /// <summary>Anything, the tree, sources, polarity and closures included.</summary>
    Anything,

    /// <summary>
    /// Figures (realisations, targets, base measures) and their audit rows only: never a year's tree, its
    /// sources, polarity or the triwulan closures.
    /// </summary>
    FiguresOnly,

    /// <summary>
    /// Only what no kept answer reads (the audit trail, a sign-in's failure count): the data version stays as it was, so
    /// a sign-in does not make every dashboard count again.
    /// </summary>
    Unanswered,
}

/// <summary>
/// Told each time a change a caller ran committed, in the caller's flow (a request's, say): the GraphQL gateway keeps
/// it so that an answer cut short after a commit does not say that nothing was stored.
/// </summary>
public interface ICommitObserver
{
    void Committed();
}

/// <summary>
/// A number every committed change raises, in the same transaction as the change: equal numbers mean
/// equal figures, whichever process wrote them.
/// </summary>
public interface IDataVersion
{
    Task<long> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The connection and transaction of the change under way, where a context made for it finds them: every
/// module's context joins the one transaction without a module knowing another.
/// </summary>
public sealed class WriteScope
{
    private static readonly AsyncLocal<WriteScope?> Ambient = new();

    private WriteScope(DbConnection connection, DbTransaction transaction, long? settledVersion)
    {
        Connection = connection;
        Transaction = transaction;
        SettledVersion = settledVersion;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>
    /// The committed data version whose settings (a year's tree, sources, polarity, closures: all but figures)
    /// this transaction still holds, so that what was read of them at that version holds here too; null when a
    /// change of this transaction may have changed them.
    /// </summary>
    public long? SettledVersion { get; private set; }

    /// <summary>The change this code runs in, if any.</summary>
    public static WriteScope? Current => Ambient.Value;

    /// <summary>Makes the transaction current for the calling flow until the result is disposed.</summary>
    public static IDisposable Enter(DbConnection connection, DbTransaction transaction, long? settledVersion = null)
    {
        var outer = Ambient.Value;
        Ambient.Value = new WriteScope(connection, transaction, settledVersion);
        return new Exit(outer);
    }

    /// <summary>A change that may write settings joined this one: nothing read of the settings before holds any more.</summary>
    public void Unsettle() => SettledVersion = null;

    private sealed class Exit(WriteScope? outer) : IDisposable
    {
        public void Dispose() => Ambient.Value = outer;
    }
}

public static class WriteScopeContexts
{
    /// <summary>
    /// A new context, on the current change's connection and transaction when there is one. One
    /// connection serves one statement at a time: inside a change, read sequentially.
    /// </summary>
    public static TContext Enlisted<TContext>(this TContext db) where TContext : DbContext
    {
        if (WriteScope.Current is { } scope)
        {
            db.Database.SetDbConnection(scope.Connection, contextOwnsConnection: false);
            db.Database.UseTransaction(scope.Transaction);
            // The unit of work holds a savepoint around each change already: EF's own around every SaveChanges
            // would add two statements to the writer's turn and roll back nothing the change's does not.
            db.Database.AutoSavepointsEnabled = false;
        }
        return db;
    }

    /// <summary>The transaction of the change <paramref name="db"/> takes part in.</summary>
    public static DbTransaction RequireTransaction(this DbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Penulisan ini harus berjalan di dalam IUnitOfWork.RunAsync.");
}
