using System.Data.Common;
using Kinerja.Modules.Pemberdayaan.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Pemberdayaan.Registers;

internal sealed record PsksRow(string RegistrationNumber, string Name, int Kind, string Type, string Desa, string Kecamatan,
    DateOnly ActiveFrom, DateOnly? ActiveUntil);

/// <summary>The PSKS register: institutions and workers (LKS, PSM, TKSK, LK3, WKSBM, ...) by registration number.</summary>
internal sealed class PsksImporter : RegisterImporter<PemberdayaanDbContext, PsksRow>
{
    public const string RegistrationNumber = "Nomor Registrasi";
    public const string Name = "Nama";
    public const string Kind = "Jenis PSKS";
    public const string Type = "Tipe Lembaga";
    public const string Desa = "Desa";
    public const string KecamatanHeader = "Kecamatan";
    public const string ActiveFrom = "Tanggal Mulai Aktif";
    public const string ActiveUntil = "Tanggal Selesai Aktif";

    /// <summary>What a panti asuhan is called in the Tipe Lembaga column.</summary>
    public const string PantiAsuhan = "LKSA";

    public PsksImporter(Func<PemberdayaanDbContext> createContext, IDatabaseProvider database)
        : base(createContext, database)
    {
    }

    public override string Register => "psks";

    public override string Module => PemberdayaanModule.ModuleName;

    /// <summary>The Seksi that keeps this register.</summary>
    public override string? OwnerUnit => "KELEMBAGAAN";

    public override IReadOnlyList<string> Headers { get; } = [RegistrationNumber, Name, Kind, Type, Desa, KecamatanHeader, ActiveFrom, ActiveUntil];

    protected override PsksRow? Parse(TabularRow row, List<RefusedRow> refused)
    {
        var before = refused.Count;
        var check = new RowChecks(row, refused);
        var number = check.Required(RegistrationNumber);
        var name = check.Required(Name);
        var kind = check.PsksCategory(Kind);
        var type = NormalizeType(row.Get(Type));
        var desa = check.Required(Desa);
        var kecamatan = check.Kecamatan(KecamatanHeader);
        var from = check.Date(ActiveFrom, required: true);
        var until = check.Date(ActiveUntil, required: false);
        check.InOrder(ActiveFrom, from, ActiveUntil, until);
        if (refused.Count > before)
        {
            return null;
        }
        return new PsksRow(number!, name!, kind!.Value, type, desa!, kecamatan!, from!.Value, until);
    }

    // Offices write a panti asuhan as LKSA or in words; both count in Jumlah Panti Asuhan yang ada.
    private static string NormalizeType(string? type)
    {
        var text = type?.Trim() ?? "";
        return text.Equals(PantiAsuhan, StringComparison.OrdinalIgnoreCase) || text.Equals("panti asuhan", StringComparison.OrdinalIgnoreCase)
            ? PantiAsuhan
            : text;
    }

    // An institution counts in the stock of every day it is active on.
    protected override void CountClosed(PsksRow row, ClosedQuarterRows closed) => closed.Active(row.ActiveFrom, row.ActiveUntil);

    protected override void WriteChecked(BinaryWriter spool, PsksRow row)
    {
        spool.Write(row.RegistrationNumber);
        spool.Write(row.Name);
        spool.Write(row.Kind);
        spool.Write(row.Type);
        spool.Write(row.Desa);
        spool.Write(row.Kecamatan);
        spool.Write(row.ActiveFrom);
        spool.WriteOptional(row.ActiveUntil);
    }

    protected override PsksRow ReadChecked(BinaryReader spool) => new(spool.ReadString(), spool.ReadString(), spool.ReadInt32(), spool.ReadString(),
        spool.ReadString(), spool.ReadString(), spool.ReadDate(), spool.ReadOptionalDate());

    protected override async Task<IRowWriter<PsksRow>> PrepareAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await PemberdayaanStocks.RaiseVersionAsync(db, connection, transaction, cancellationToken);
        return new Writer(await Database.PrepareUpsertAsync(connection, transaction, db.Table<InstitutionRecord>(),
            ["RegistrationNumber"], ValueColumns, cancellationToken));
    }

    private static readonly string[] ValueColumns = ["Name", "Kind", "Type", "Desa", "Kecamatan", "ActiveFrom", "ActiveUntil"];

    protected override async Task<IBulkRowWriter<PsksRow>> PrepareBulkAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await PemberdayaanStocks.RaiseVersionAsync(db, connection, transaction, cancellationToken);
        return await StagedTable<PsksRow>.CreateAsync(connection, transaction, db.Table<InstitutionRecord>(), ["RegistrationNumber"], ValueColumns,
            r => [r.RegistrationNumber, r.Name, r.Kind, r.Type, r.Desa, r.Kecamatan, r.ActiveFrom, r.ActiveUntil], cancellationToken);
    }

    private sealed class Writer(IUpsert institutions) : IRowWriter<PsksRow>
    {
        public async Task<UpsertOutcome> WriteAsync(PsksRow row, CancellationToken cancellationToken) =>
            await institutions.ExecuteAsync([row.RegistrationNumber, row.Name, row.Kind, row.Type, row.Desa, row.Kecamatan, row.ActiveFrom, row.ActiveUntil], cancellationToken);

        public ValueTask DisposeAsync() => institutions.DisposeAsync();
    }
}
