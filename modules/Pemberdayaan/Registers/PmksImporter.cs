using System.Data.Common;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Pemberdayaan.Registers;

internal sealed record PmksRow(string Nik, string Name, char Sex, DateOnly BirthDate, string Desa, string Kecamatan,
    int Category, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>
/// The PMKS register from the spreadsheet offices keep: a row per person and category. A person on two
/// rows is one person (merged by NIK); the same file imported twice changes nothing.
/// </summary>
internal sealed class PmksImporter : RegisterImporter<PemberdayaanDbContext, PmksRow>
{
    public const string Nik = "NIK";
    public const string Name = "Nama";
    public const string Sex = "Jenis Kelamin";
    public const string BirthDate = "Tanggal Lahir";
    public const string Desa = "Desa";
    public const string KecamatanHeader = "Kecamatan";
    public const string Category = "Kategori PMKS";
    public const string StartedOn = "Tanggal Mulai";
    public const string EndedOn = "Tanggal Selesai";

    public PmksImporter(Func<PemberdayaanDbContext> createContext, IDatabaseProvider database)
        : base(createContext, database)
    {
    }

    public override string Register => "pmks";

    public override string Module => PemberdayaanModule.ModuleName;

    /// <summary>The Seksi that keeps this register.</summary>
    public override string? OwnerUnit => "VERVAL";

    protected override Func<PmksRow, string> WriteOrder { get; } = row => row.Nik;

    public override IReadOnlyList<string> Headers { get; } = [Nik, Name, Sex, BirthDate, Desa, KecamatanHeader, Category, StartedOn, EndedOn];

    protected override PmksRow? Parse(TabularRow row, List<RefusedRow> refused)
    {
        var before = refused.Count;
        var check = new RowChecks(row, refused);
        var nik = check.Required(Nik);
        var name = check.Required(Name);
        var sex = check.Sex(Sex);
        var birth = check.Date(BirthDate, required: true);
        var desa = check.Required(Desa);
        var kecamatan = check.Kecamatan(KecamatanHeader);
        var category = check.PmksCategory(Category);
        var started = check.Date(StartedOn, required: true);
        var ended = check.Date(EndedOn, required: false);
        if (nik is not null && sex is { } s && birth is { } b)
        {
            check.Nik(Nik, nik, s, b);
        }
        check.InOrder(BirthDate, birth, StartedOn, started);
        check.InOrder(StartedOn, started, EndedOn, ended);
        if (refused.Count > before)
        {
            return null;
        }
        return new PmksRow(nik!, name!, sex!.Value, birth!.Value, desa!, kecamatan!, category!.Value, started!.Value, ended);
    }

    // A category counts in the stock of every day it is active on.
    protected override void CountClosed(PmksRow row, ClosedQuarterRows closed) => closed.Active(row.StartedOn, row.EndedOn);

    protected override void WriteChecked(BinaryWriter spool, PmksRow row)
    {
        spool.Write(row.Nik);
        spool.Write(row.Name);
        spool.Write(row.Sex);
        spool.Write(row.BirthDate);
        spool.Write(row.Desa);
        spool.Write(row.Kecamatan);
        spool.Write(row.Category);
        spool.Write(row.StartedOn);
        spool.WriteOptional(row.EndedOn);
    }

    protected override PmksRow ReadChecked(BinaryReader spool) => new(spool.ReadString(), spool.ReadString(), spool.ReadChar(), spool.ReadDate(),
        spool.ReadString(), spool.ReadString(), spool.ReadInt32(), spool.ReadDate(), spool.ReadOptionalDate());

    protected override async Task<IRowWriter<PmksRow>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var deferred = await BeginAsync(connection, transaction, cancellationToken);
        await using var db = CreateContext();
        var persons = await Database.PrepareUpsertAsync(connection, transaction, db.Table<PersonRecord>(),
            ["Nik"], ["Name", "Sex", "BirthDate", "Desa", "Kecamatan"], cancellationToken);
        var categories = await Database.PrepareUpsertAsync(connection, transaction, db.Table<PersonCategoryRecord>(),
            ["Nik", "Category", "StartedOn"], ["EndedOn"], cancellationToken);
        return new Writer(persons, categories, connection, transaction, deferred);
    }

    protected override async Task<IBulkRowWriter<PmksRow>> PrepareBulkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var deferred = await BeginAsync(connection, transaction, cancellationToken);
        await using var db = CreateContext();
        return await PmksStage.CreateAsync(db, connection, transaction, deferred, cancellationToken);
    }

    /// <summary>Raises the registers' version; a first import of a million persons drops the stocks' covering indexes, built once at the end.</summary>
    private async Task<DeferredIndexes[]> BeginAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await PemberdayaanStocks.RaiseVersionAsync(db, connection, transaction, cancellationToken);
        return
        [
            await DeferredIndexes.DropIfEmptyAsync(db, typeof(PersonRecord), connection, transaction, cancellationToken),
            await DeferredIndexes.DropIfEmptyAsync(db, typeof(PersonCategoryRecord), connection, transaction, cancellationToken),
        ];
    }

    private sealed class Writer(IUpsert persons, IUpsert categories, DbConnection connection, DbTransaction transaction, DeferredIndexes[] deferred)
        : IRowWriter<PmksRow>
    {
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            foreach (var indexes in deferred)
            {
                await indexes.BuildAsync(connection, transaction, cancellationToken);
            }
        }

        // Rows are written one after another and an upsert keeps no row: the same two arrays serve them all.
        private readonly object?[] _person = new object?[6];
        private readonly object?[] _category = new object?[4];

        public async Task<UpsertOutcome> WriteAsync(PmksRow row, CancellationToken cancellationToken)
        {
            (_person[0], _person[1], _person[2], _person[3], _person[4], _person[5]) =
                (row.Nik, row.Name, row.Sex.ToString(), row.BirthDate, row.Desa, row.Kecamatan);
            var person = await persons.ExecuteAsync(_person, cancellationToken);
            (_category[0], _category[1], _category[2], _category[3]) = (row.Nik, row.Category, row.StartedOn, row.EndedOn);
            var category = await categories.ExecuteAsync(_category, cancellationToken);
            return person == UpsertOutcome.Unchanged ? category : category == UpsertOutcome.Inserted ? UpsertOutcome.Inserted : person;
        }

        public async ValueTask DisposeAsync()
        {
            await persons.DisposeAsync();
            await categories.DisposeAsync();
        }
    }
}
