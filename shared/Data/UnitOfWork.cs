using Kinerja.Shared.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

/// <summary>
/// Every change of Kinerja in one transaction with its checks, its audit row and the data version. In this
/// process writers queue here, without holding a thread; against another process (an import from the
/// command line, another host) the transaction takes the database's writer turn at its start (SQLite's
/// BEGIN IMMEDIATE, PostgreSQL's advisory lock) and waits for it, so what a change read is still true when
/// it commits.
/// </summary>
/// <remarks>
/// Group commit: a writer that finds others queued behind it does not commit alone. It leaves its change in
/// the open transaction (each change runs in a savepoint of its own, so a failing change rolls back only
/// itself) and the last writer of the group commits for all, at most <see cref="MaxGroup"/> changes. Every
/// commit is still written to disk before any writer of the group hears it succeeded (the file keeps SQLite's
/// full synchronous mode): a burst of writers pays one disk flush instead of one each, and a failed commit
/// fails every change of the group, none of which is then stored.
/// While a group's changes write figures only (<see cref="ChangeReach.FiguresOnly"/>), its transaction holds the
/// settings of the version it began on: the changes' checks may read those from memory (<see cref="WriteScope.SettledVersion"/>).
/// </remarks>
public sealed class UnitOfWork(IDatabaseProvider database, IEnumerable<ICommitObserver> observers, KinerjaMetrics metrics) : IUnitOfWork, IDataVersion
{
    private readonly Func<DataVersionContext> _createContext = DataVersionContext.Kind.Factory<DataVersionContext>(database);
    private readonly ICommitObserver[] _observers = [.. observers];

    // Enough to share a flush among a burst, small enough that a group holds the write lock only briefly.
    private const int MaxGroup = 16;

    // Read by every request that is answered from what is kept, often several times: on a connection from the
    // engine's pool with one plain statement, since a context per read cost more than the read (a sixth of the
    // host's processor time under a dashboard's load).
    private string? _versionStatement;

    /// <summary>Where the version read reports its statement, as EF reports its own: the one statement of a kept answer.</summary>
    public static readonly System.Diagnostics.DiagnosticListener Diagnostics = new("Kinerja.Data");

    public const string VersionReadEvent = "Kinerja.Data.VersionRead";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private int _queued;
    private Group? _open;

    /// <summary>
    /// The writers waiting for the writer's turn now: each will join the open group. Read by tests that line
    /// writers up behind one that holds the turn.
    /// </summary>
    public int Queued => Volatile.Read(ref _queued);

    private sealed class Group(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public System.Data.Common.DbConnection Connection { get; } = connection;
        public System.Data.Common.DbTransaction Transaction { get; } = transaction;
        public int Changes { get; set; }

        /// <summary>The changes that raise the data version: all but those no kept answer reads (<see cref="ChangeReach.Unanswered"/>).</summary>
        public int Answered { get; set; }

        /// <summary>False once a change that may write settings ran in the group (see <see cref="WriteScope.SettledVersion"/>).</summary>
        public bool Settled { get; set; } = true;

        /// <summary>The committed version the group began on, read when its first change that finds it settled starts.</summary>
        public long? BaseVersion { get; set; }
        public TaskCompletionSource Commit { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken, ChangeReach reach = ChangeReach.Anything)
    {
        if (WriteScope.Current is { } outer)
        {
            if (reach is not (ChangeReach.FiguresOnly or ChangeReach.Unanswered))
            {
                outer.Unsettle();
            }
            return await change();
        }
        Interlocked.Increment(ref _queued);
        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A writer ahead may have left its change open for this one: the group must still be committed.
            Interlocked.Decrement(ref _queued);
            await _writer.WaitAsync(CancellationToken.None);
            try
            {
                await CloseIfLastAsync();
            }
            finally
            {
                _writer.Release();
            }
            throw;
        }
        Interlocked.Decrement(ref _queued);

        Group group;
        T result = default!;
        Exception? failed = null;
        try
        {
            group = _open ??= await OpenGroupAsync(cancellationToken);
            const string Savepoint = "kinerja_change";
            await group.Transaction.SaveAsync(Savepoint, CancellationToken.None);
            try
            {
                // Until a change may have written settings, the group holds those of the version it began on.
                group.Settled &= reach is ChangeReach.FiguresOnly or ChangeReach.Unanswered;
                long? settled = null;
                if (group.Settled)
                {
                    // Not cut short: a statement cancelled midway can break the connection the whole group writes on.
                    settled = group.BaseVersion ??= await ReadVersionAsync(group.Connection, group.Transaction, CancellationToken.None);
                }
                using (WriteScope.Enter(group.Connection, group.Transaction, settled))
                {
                    try
                    {
                        result = await change();
                    }
                    finally
                    {
                        if (WriteScope.Current!.SettledVersion is null)
                        {
                            group.Settled = false; // a change joined this one that may write settings
                        }
                    }
                }
                await group.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                group.Changes++;
                if (reach != ChangeReach.Unanswered)
                {
                    group.Answered++;
                }
            }
            catch (Exception e)
            {
                failed = e;
                try
                {
                    await group.Transaction.RollbackAsync(Savepoint, CancellationToken.None);
                    await group.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                }
                catch (Exception broken)
                {
                    group.Commit.TrySetException(broken); // the transaction itself is gone: the group cannot commit
                }
            }
            await CloseIfLastAsync();
        }
        finally
        {
            _writer.Release();
        }
        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }
        // Not cut short by the request's time limit: the change is in the group's transaction and commits with it.
        await group.Commit.Task;
        foreach (var observer in _observers)
        {
            observer.Committed();
        }
        return result;
    }

    private async Task<Group> OpenGroupAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenForWriteAsync(cancellationToken);
        try
        {
            return new Group(connection, await database.BeginWriteAsync(connection, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits the open group unless a writer queued behind can still join it. Called holding the writer's turn.</summary>
    private async Task CloseIfLastAsync()
    {
        if (_open is not { } group
            || (Volatile.Read(ref _queued) > 0 && group.Changes < MaxGroup && !group.Commit.Task.IsFaulted))
        {
            return;
        }
        _open = null;
        try
        {
            if (!group.Commit.Task.IsFaulted)
            {
                if (group.Answered > 0)
                {
                    await RaiseVersionAsync(group);
                }
                await group.Transaction.CommitAsync(CancellationToken.None);
                group.Commit.TrySetResult();
            }
        }
        catch (Exception e)
        {
            group.Commit.TrySetException(e);
        }
        finally
        {
            _ = group.Commit.Task.Exception; // observed: each writer of the group hears of it by awaiting
            await group.DisposeAsync();
        }
    }

    /// <summary>
    /// Raises the data version by the group's stored changes, in the group's transaction just before it commits:
    /// once a group instead of once a change keeps the writer's turn short, and every change still counts once.
    /// </summary>
    private async Task RaiseVersionAsync(Group group)
    {
        using (WriteScope.Enter(group.Connection, group.Transaction))
        {
            await using var db = _createContext();
            var raise = $$"""
                INSERT INTO {{db.Table<DataVersionRecord>()}} AS v ("Id", "Version") VALUES (1, {0})
                ON CONFLICT ("Id") DO UPDATE SET "Version" = v."Version" + {0}
                """;
            await db.Database.ExecuteSqlRawAsync(raise, [(long)group.Answered], CancellationToken.None);
        }
    }

    public async Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        if (WriteScope.Current is { } scope)
        {
            return await ReadVersionAsync(scope.Connection, scope.Transaction, cancellationToken);
        }
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await ReadVersionAsync(connection, null, cancellationToken);
    }

    private string VersionStatement => _versionStatement ??= ReadVersionStatement();

    private string ReadVersionStatement()
    {
        using var db = _createContext();
        return $"""SELECT "Version" FROM {db.Table<DataVersionRecord>()} WHERE "Id" = 1""";
    }

    private async Task<long> ReadVersionAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = VersionStatement;
        if (Diagnostics.IsEnabled(VersionReadEvent))
        {
            Diagnostics.Write(VersionReadEvent, command);
        }
        // No row yet (a database no change has written to): version 0, as every process reads it.
        var read = await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull
            ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        metrics.SawDataVersion(read);
        return read;
    }
}
