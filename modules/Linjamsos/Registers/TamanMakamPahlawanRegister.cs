using System.Data.Common;
using Kinerja.Modules.Linjamsos.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Linjamsos.Registers;

internal sealed record TamanMakamPahlawanRow(string Code, string Name, string Desa, string Kecamatan, DateOnly RegisteredOn);

/// <summary>The register of Taman Makam Pahlawan that Seksi Jaminan Sosial keeps, by its code.</summary>
internal sealed class TamanMakamPahlawanImporter : RegisterImporter<LinjamsosDbContext, TamanMakamPahlawanRow>
{
    public const string Code = "Kode TMP";
    public const string Name = "Nama TMP";
    public const string Desa = "Desa";
    public const string KecamatanHeader = "Kecamatan";
    public const string RegisteredOn = "Tanggal Terdaftar";

    public TamanMakamPahlawanImporter(Func<LinjamsosDbContext> createContext, IDatabaseProvider database) : base(createContext, database)
    {
    }

    public override string Register => "tmp";

    public override string Module => LinjamsosModule.ModuleName;

    /// <summary>The Seksi that keeps this register.</summary>
    public override string? OwnerUnit => "JAMINAN";

    public override IReadOnlyList<string> Headers { get; } = [Code, Name, Desa, KecamatanHeader, RegisteredOn];

    protected override TamanMakamPahlawanRow? Parse(TabularRow row, List<RefusedRow> refused)
    {
        var before = refused.Count;
        var check = new RowChecks(row, refused);
        var code = check.Required(Code);
        var name = check.Required(Name);
        var desa = check.Required(Desa);
        var kecamatan = check.Kecamatan(KecamatanHeader);
        var registered = check.Date(RegisteredOn, required: true);
        return refused.Count > before ? null : new TamanMakamPahlawanRow(code!, name!, desa!, kecamatan!, registered!.Value);
    }

    // A TMP counts from the day it is registered on.
    protected override void CountClosed(TamanMakamPahlawanRow row, ClosedQuarterRows closed) => closed.Active(row.RegisteredOn, null);

    protected override void WriteChecked(BinaryWriter spool, TamanMakamPahlawanRow row)
    {
        spool.Write(row.Code);
        spool.Write(row.Name);
        spool.Write(row.Desa);
        spool.Write(row.Kecamatan);
        spool.Write(row.RegisteredOn);
    }

    protected override TamanMakamPahlawanRow ReadChecked(BinaryReader spool) =>
        new(spool.ReadString(), spool.ReadString(), spool.ReadString(), spool.ReadString(), spool.ReadDate());

    protected override async Task<IRowWriter<TamanMakamPahlawanRow>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return new Writer(await Database.PrepareUpsertAsync(connection, transaction, db.Table<TamanMakamPahlawanRecord>(),
            ["Code"], ValueColumns, cancellationToken));
    }

    private static readonly string[] ValueColumns = ["Name", "Desa", "Kecamatan", "RegisteredOn"];

    protected override async Task<IBulkRowWriter<TamanMakamPahlawanRow>> PrepareBulkAsync(DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        return await StagedTable<TamanMakamPahlawanRow>.CreateAsync(connection, transaction, db.Table<TamanMakamPahlawanRecord>(), ["Code"], ValueColumns,
            r => [r.Code, r.Name, r.Desa, r.Kecamatan, r.RegisteredOn], cancellationToken);
    }

    private sealed class Writer(IUpsert tmp) : IRowWriter<TamanMakamPahlawanRow>
    {
        public async Task<UpsertOutcome> WriteAsync(TamanMakamPahlawanRow row, CancellationToken cancellationToken) =>
            await tmp.ExecuteAsync([row.Code, row.Name, row.Desa, row.Kecamatan, row.RegisteredOn], cancellationToken);

        public ValueTask DisposeAsync() => tmp.DisposeAsync();
    }
}

/// <summary>Jumlah TMP yang ada: the Taman Makam Pahlawan registered by a date.</summary>
internal sealed class TamanMakamPahlawanStock : IStockCounter
{
    public const string Measure = "tmp.total";

    private readonly Func<LinjamsosDbContext> _createContext;

    public TamanMakamPahlawanStock(Func<LinjamsosDbContext> createContext) => _createContext = createContext;

    public string Module => LinjamsosModule.ModuleName;

    public IReadOnlyCollection<string> Measures { get; } = [Measure];

    public async Task<RegisterCount> CountStockAsync(string measure, DateOnly at, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var rows = await db.TamanMakamPahlawan.AsNoTracking()
            .Where(t => t.RegisteredOn <= at)
            .GroupBy(t => t.Kecamatan)
            .Select(g => new KecamatanCount { Kecamatan = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return KecamatanCount.Total(rows);
    }
}
