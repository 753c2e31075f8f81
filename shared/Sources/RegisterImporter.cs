using System.Data.Common;
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
/// The common course of a register import: the file is read row by row and every row is checked, outside the writer's
/// turn, the accepted rows going to a spool on disk and the refused ones to the import's refusals with their line, field
/// and reason; then, in the writer's turn, the spooled rows are written inside one transaction. A file of a million rows
/// is never held in memory.
/// </summary>
public abstract class RegisterImporter<TContext, TRow> : IRegisterImporter
    where TContext : DbContext
    where TRow : class
{
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

    /// <summary>Writes a checked row's values to the spool, in the order <see cref="ReadChecked"/> reads them back.</summary>
    protected abstract void WriteChecked(BinaryWriter spool, TRow row);

    protected abstract TRow ReadChecked(BinaryReader spool);

    /// <summary>Tells <paramref name="closed"/> how the row falls in time: <see cref="ClosedQuarterRows.Dated"/> or <see cref="ClosedQuarterRows.Active"/>.</summary>
    protected abstract void CountClosed(TRow row, ClosedQuarterRows closed);

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

    public ICheckedFile Check(Stream content, string fileName, TabularLimits limits, Func<string, bool> mayEnter, RefusedRows refused,
        CancellationToken cancellationToken)
    {
        var spool = new RowSpool<TRow>(WriteChecked, ReadChecked);
        try
        {
            // Sorted here, a window at a time, so that the writer's turn is spent writing.
            var order = _database.Engine == DatabaseEngine.PostgreSql ? null : WriteOrder;
            var window = new List<TRow>(RowsAWindow);
            var reasons = new List<RefusedRow>();
            var control = new ControlCharacters(Headers);
            var rows = 0;
            foreach (var row in TabularFile.Read(content, fileName, limits))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                var clean = control.Check(row, reasons);
                if (Parse(row, reasons) is { } parsed && clean)
                {
                    window.Add(parsed);
                    if (window.Count == RowsAWindow)
                    {
                        Spool(spool, window, order);
                    }
                }
                foreach (var reason in reasons)
                {
                    refused.Add(reason);
                }
                reasons.Clear();
            }
            Spool(spool, window, order);
            return new CheckedFile(this, spool, rows);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    // OrderBy is a stable sort: rows of one key keep their file order.
    private static void Spool(RowSpool<TRow> spool, List<TRow> window, Func<TRow, string>? order)
    {
        foreach (var row in order is null ? (IEnumerable<TRow>)window : window.OrderBy(order, StringComparer.Ordinal))
        {
            spool.Add(row);
        }
        window.Clear();
    }

    private sealed class CheckedFile(RegisterImporter<TContext, TRow> importer, RowSpool<TRow> spool, int rows) : ICheckedFile
    {
        public int Rows => rows;

        public async Task<WrittenRows> WriteAsync(ClosedQuarterRows closed, CancellationToken cancellationToken)
        {
            if (spool.Count == 0)
            {
                return new WrittenRows(importer.Module, 0, 0, 0);
            }
            // The import is one change (IUnitOfWork): the context comes on its connection, inside its transaction.
            await using var db = importer._createContext();
            var connection = db.Database.GetDbConnection();
            await using var bulk = await importer._database.PrepareBulkWriteAsync(connection, cancellationToken);
            var transaction = db.RequireTransaction();
            await using var writer = importer._database.Engine == DatabaseEngine.PostgreSql
                ? await importer.PrepareBulkAsync(connection, transaction, cancellationToken)
                : new RowByRow(await importer.PrepareAsync(connection, transaction, cancellationToken));
            foreach (var row in spool.Rows())
            {
                importer.CountClosed(row, closed);
                await writer.AddAsync(row, cancellationToken);
            }
            var written = await writer.CompleteAsync(cancellationToken);
            return new WrittenRows(importer.Module, written.Inserted, written.Updated, written.Unchanged);
        }

        public void Dispose() => spool.Dispose();
    }

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
