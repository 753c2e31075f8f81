using System.Data.Common;
using System.Threading.Channels;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Microsoft.EntityFrameworkCore;
using IDatabaseProvider = Kinerja.Shared.Data.IDatabaseProvider;

namespace Kinerja.Shared.Sources;

/// <summary>Writes the accepted rows of one import inside its transaction.</summary>
public interface IRowWriter<in TRow> : IAsyncDisposable
{
    Task<UpsertOutcome> WriteAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>After the last row, before the transaction commits: work left for the end (indexes to build).</summary>
    Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Writes the accepted rows of one import in bulk, and learns what they did once the last is in: on
/// PostgreSQL the rows are copied into a stage and merged by a few statements (<see cref="PostgreSqlStage"/>).
/// </summary>
public interface IBulkRowWriter<in TRow> : IAsyncDisposable
{
    Task AddAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>After the last row, before the transaction commits: stores the rows and says what they did.</summary>
    Task<WriteCounts> CompleteAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The common course of a register import: the file is read row by row, every row is checked, the
/// accepted ones are written as they come (checking and writing run side by side) inside one transaction, and the refused ones are reported with
/// their line, field and reason. A file of a million rows is never held in memory.
/// </summary>
public abstract class RegisterImporter<TContext, TRow> : IRegisterImporter
    where TContext : DbContext
    where TRow : class
{
    private const int RowsAhead = 4096;
    private const int RowsABatch = 256;
    private const int RowsAWindow = 8192;

    private readonly Func<TContext> _createContext;
    private readonly IDatabaseProvider _database;

    /// <summary>The engine, for the upserts a writer prepares.</summary>
    protected IDatabaseProvider Database => _database;

    protected RegisterImporter(Func<TContext> createContext, IDatabaseProvider database)
    {
        _createContext = createContext;
        _database = database;
    }

    /// <summary>A context of the register's module, to name its tables in SQL.</summary>
    protected TContext CreateContext() => _createContext();

    public abstract string Register { get; }

    public abstract string Module { get; }

    public abstract IReadOnlyList<string> Headers { get; }

    public abstract string? OwnerUnit { get; }

    /// <summary>A checked row, or null after adding its reasons to <paramref name="refused"/>.</summary>
    protected abstract TRow? Parse(TabularRow row, List<RefusedRow> refused);

    protected abstract Task<IRowWriter<TRow>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// The key an engine that writes row by row (SQLite) is given the rows in, a window of
    /// <see cref="RowsAWindow"/> rows at a time; null for file order. Random NIKs inserted in key order touch
    /// the indexes' pages one after another instead of all over: a million-person PMKS import took a sixth
    /// less CPU and a quarter less time (larger windows gained nothing more and cost memory). The sort is
    /// stable and a row's outcome depends only on earlier rows of its own key, so every row does and
    /// tallies what it would in file order, and the last row of a key still wins.
    /// </summary>
    protected virtual Func<TRow, string>? WriteOrder => null;

    /// <summary>The writer of an engine that stores rows in bulk (PostgreSQL); row by row when not overridden.</summary>
    protected virtual async Task<IBulkRowWriter<TRow>> PrepareBulkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        new RowByRow(await PrepareAsync(connection, transaction, cancellationToken));

    /// <summary>A register of one unit: the caller's right to it is checked before the file is read.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, Func<string, bool> mayEnter, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedRow>();
        WriteCounts written;
        var rows = 0;

        // The import is one change (IUnitOfWork): the context comes on its connection, inside its transaction.
        await using var db = _createContext();
        var connection = db.Database.GetDbConnection();
        await using var bulk = await _database.PrepareBulkWriteAsync(connection, cancellationToken);
        var transaction = db.RequireTransaction();
        await using (var writer = _database.Engine == DatabaseEngine.PostgreSql
            ? await PrepareBulkAsync(connection, transaction, cancellationToken)
            : new RowByRow(await PrepareAsync(connection, transaction, cancellationToken)))
        {
            // The file is read and checked on another thread while this one writes, a few thousand rows ahead,
            // handed over in batches: one hand-over a row cost both threads more than the checks.
            var order = _database.Engine == DatabaseEngine.PostgreSql ? null : WriteOrder;
            var batchSize = order is null ? RowsABatch : RowsAWindow;
            var checkedRows = Channel.CreateBounded<List<TRow>>(new BoundedChannelOptions(order is null ? RowsAhead / RowsABatch : 1)
            {
                SingleReader = true,
                SingleWriter = true,
            });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var reading = Task.Run(async () =>
            {
                try
                {
                    var batch = new List<TRow>(batchSize);
                    foreach (var row in TabularFile.Read(content, fileName))
                    {
                        rows++;
                        if (Parse(row, refused) is { } parsed)
                        {
                            batch.Add(parsed);
                            if (batch.Count == batchSize)
                            {
                                await checkedRows.Writer.WriteAsync(InWriteOrder(batch, order), stop.Token);
                                batch = new List<TRow>(batchSize);
                            }
                        }
                    }
                    if (batch.Count > 0)
                    {
                        await checkedRows.Writer.WriteAsync(InWriteOrder(batch, order), stop.Token);
                    }
                    checkedRows.Writer.Complete();
                }
                catch (Exception e)
                {
                    checkedRows.Writer.Complete(e);
                }
            }, CancellationToken.None);
            try
            {
                await foreach (var batch in checkedRows.Reader.ReadAllAsync(cancellationToken))
                {
                    foreach (var row in batch)
                    {
                        await writer.AddAsync(row, cancellationToken);
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await reading;
            }
            written = await writer.CompleteAsync(cancellationToken);
        }
        return new ImportResult(Register, Module, rows, written.Inserted, written.Updated, written.Unchanged, refused);
    }

    // OrderBy is a stable sort: rows of one key keep their file order.
    private static List<TRow> InWriteOrder(List<TRow> batch, Func<TRow, string>? order) =>
        order is null ? batch : batch.OrderBy(order, StringComparer.Ordinal).ToList();

    private sealed class RowByRow(IRowWriter<TRow> writer) : IBulkRowWriter<TRow>
    {
        private readonly UpsertTally _tally = new();

        public async Task AddAsync(TRow row, CancellationToken cancellationToken) => _tally.Add(await writer.WriteAsync(row, cancellationToken));

        public async Task<WriteCounts> CompleteAsync(CancellationToken cancellationToken)
        {
            await writer.CompleteAsync(cancellationToken);
            return new WriteCounts(_tally.Inserted, _tally.Updated, _tally.Unchanged);
        }

        public ValueTask DisposeAsync() => writer.DisposeAsync();
    }
}
