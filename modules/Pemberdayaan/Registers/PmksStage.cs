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
        // Persons first ("Outcome0"), then categories ("Outcome1").
        var merged = await _stage.MergeAsync(
            [new StageTarget(_persons, PersonKeys, PersonValues), new StageTarget(_categories, CategoryKeys, CategoryValues)],
            """CASE WHEN "Outcome0" = 2 THEN "Outcome1" WHEN "Outcome1" = 0 THEN 0 ELSE "Outcome0" END""", null, cancellationToken);
        foreach (var indexes in _deferred)
        {
            await indexes.BuildAsync(_connection, _transaction, cancellationToken);
        }
        // Fresh statistics, so the stocks' first count after the import plans for the register's new size; none where nothing was written.
        if (merged.Written[0] > 0)
        {
            await _stage.ExecuteAsync($"ANALYZE {_persons}", cancellationToken);
        }
        if (merged.Written[1] > 0)
        {
            await _stage.ExecuteAsync($"ANALYZE {_categories}", cancellationToken);
        }
        return merged.Counts;
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();
}
