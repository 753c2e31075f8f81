using System.Data.Common;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Pemberdayaan.Registers;

/// <summary>
/// The PMKS import on PostgreSQL: every row copied into one stage, then persons and categories merged by a
/// statement each. A row's outcome is the one row-by-row upserts give (PmksImporter's writer): new when its
/// category is new, otherwise what happened to its person, or to its category when the person is unchanged.
/// </summary>
internal sealed class PmksStage : IBulkRowWriter<PmksRow>
{
    private static readonly string[] PersonKeys = ["Nik"];
    private static readonly string[] PersonValues = ["Name", "Sex", "BirthDate", "Desa", "Kecamatan"];
    private static readonly string[] CategoryKeys = ["Nik", "Category", "StartedOn"];
    private static readonly string[] CategoryValues = ["EndedOn"];

    private readonly PostgreSqlStage _stage;
    private readonly string _persons;
    private readonly string _categories;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DeferredIndexes[] _deferred;

    private PmksStage(PostgreSqlStage stage, string persons, string categories, DbConnection connection, DbTransaction transaction, DeferredIndexes[] deferred)
    {
        _stage = stage;
        _persons = persons;
        _categories = categories;
        _connection = connection;
        _transaction = transaction;
        _deferred = deferred;
    }

    public static async Task<PmksStage> CreateAsync(PemberdayaanDbContext db, DbConnection connection, DbTransaction transaction, DeferredIndexes[] deferred,
        CancellationToken cancellationToken)
    {
        var persons = db.Table<PersonRecord>();
        var categories = db.Table<PersonCategoryRecord>();
        var columns = string.Join(", ", PersonKeys.Concat(PersonValues).Select(c => $"p.\"{c}\"")
            .Concat(CategoryKeys.Skip(1).Concat(CategoryValues).Select(c => $"c.\"{c}\"")));
        var stage = await PostgreSqlStage.CreateAsync(connection, transaction, $"SELECT {columns} FROM {persons} p, {categories} c", cancellationToken);
        return new PmksStage(stage, persons, categories, connection, transaction, deferred);
    }

    public Task AddAsync(PmksRow row, CancellationToken cancellationToken) =>
        _stage.AddAsync([row.Nik, row.Name, row.Sex.ToString(), row.BirthDate, row.Desa, row.Kecamatan, row.Category, row.StartedOn, row.EndedOn], cancellationToken);

    public async Task<WriteCounts> CompleteAsync(CancellationToken cancellationToken)
    {
        await _stage.CloseAsync(cancellationToken);
        var counts = await _stage.CountAsync($"""
            SELECT CASE WHEN p."Outcome" = 2 THEN c."Outcome" WHEN c."Outcome" = 0 THEN 0 ELSE p."Outcome" END AS "Outcome"
            FROM ({_stage.OutcomesSql(_persons, PersonKeys, PersonValues)}) AS p
            JOIN ({_stage.OutcomesSql(_categories, CategoryKeys, CategoryValues)}) AS c USING ("Seq")
            """, cancellationToken);
        await _stage.MergeAsync(_persons, PersonKeys, PersonValues, cancellationToken);
        await _stage.MergeAsync(_categories, CategoryKeys, CategoryValues, cancellationToken);
        foreach (var indexes in _deferred)
        {
            await indexes.BuildAsync(_connection, _transaction, cancellationToken);
        }
        // Fresh statistics, so the stocks' first count after the import plans for the register's new size.
        await _stage.ExecuteAsync($"ANALYZE {_persons}; ANALYZE {_categories}", cancellationToken);
        return counts;
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();
}
