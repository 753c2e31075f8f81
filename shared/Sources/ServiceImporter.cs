using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Registers;
using Microsoft.EntityFrameworkCore;
using IDatabaseProvider = Kinerja.Shared.Data.IDatabaseProvider;

namespace Kinerja.Shared.Sources;

/// <summary>
/// The services (layanan) file of a Seksi: who was served, when, where, under which kegiatan indicator.
/// Each row goes to the register of the module that owns its indicator; the rows of every module are stored
/// in the import's one transaction.
/// </summary>
public sealed class ServiceImporter : IRegisterImporter
{
    public const string Date = "Tanggal";
    public const string Indicator = "Kode Indikator";
    public const string NikHeader = "NIK";
    public const string RegistrationNumber = "Nomor Registrasi";
    public const string KecamatanHeader = "Kecamatan";
    public const string Note = "Keterangan";

    private readonly ModuleDirectory _directory;
    private readonly Dictionary<string, IServiceStore> _stores;
    private readonly IDatabaseProvider _database;

    public ServiceImporter(ModuleDirectory directory, IEnumerable<IServiceStore> stores, IDatabaseProvider database)
    {
        _directory = directory;
        _database = database;
        _stores = stores.SelectMany(s => s.Indicators.Select(i => (i, s))).ToDictionary(p => p.i, p => p.s, StringComparer.Ordinal);
    }

    public string Register => "layanan";

    public string Module => "(modul pemilik indikatornya)";

    public IReadOnlyList<string> Headers { get; } = [Date, Indicator, NikHeader, RegistrationNumber, KecamatanHeader, Note];

    public string? OwnerUnit => null;

    /// <summary>
    /// Checks the file outside the writer's turn, each accepted row spooled with the module it goes to, so that a file
    /// of millions of services is never held in memory; every module's rows are then written in one transaction on the
    /// host's database, stored or refused together.
    /// </summary>
    public ICheckedFile Check(Stream content, string fileName, TabularLimits limits, Func<string, bool> mayEnter, RefusedRows refused,
        CancellationToken cancellationToken)
    {
        var stores = _stores.Values.Distinct().ToList();
        var spool = new RowSpool<(int Store, ServiceEntry Entry)>(WriteChecked, ReadChecked);
        try
        {
            var reasons = new List<RefusedRow>();
            var control = new ControlCharacters(Headers);
            var rows = 0;
            foreach (var row in TabularFile.Read(content, fileName, limits))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                var clean = control.Check(row, reasons);
                if (Parse(row, reasons, mayEnter) is var (store, entry) && store is not null && clean)
                {
                    spool.Add((stores.IndexOf(store), entry));
                }
                foreach (var reason in reasons)
                {
                    refused.Add(reason);
                }
                reasons.Clear();
            }
            return new CheckedFile(this, stores, spool, rows);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static void WriteChecked(BinaryWriter spool, (int Store, ServiceEntry Entry) row)
    {
        spool.Write(row.Store);
        spool.Write(row.Entry.Indicator);
        spool.Write(row.Entry.ServedOn);
        spool.Write(row.Entry.Subject);
        spool.Write(row.Entry.Kecamatan);
        spool.WriteOptional(row.Entry.Note);
    }

    private static (int, ServiceEntry) ReadChecked(BinaryReader spool) =>
        (spool.ReadInt32(), new ServiceEntry(spool.ReadString(), spool.ReadDate(), spool.ReadString(), spool.ReadString(), spool.ReadOptionalString()));

    private sealed class CheckedFile(ServiceImporter importer, List<IServiceStore> stores, RowSpool<(int Store, ServiceEntry Entry)> spool, int rows)
        : ICheckedFile
    {
        public int Rows => rows;

        public async Task<WrittenRows> WriteAsync(ClosedQuarterRows closed, CancellationToken cancellationToken)
        {
            if (spool.Count == 0)
            {
                return new WrittenRows("", 0, 0, 0);
            }
            // The import is one change (IUnitOfWork): the context comes on its connection, inside its transaction.
            await using var db = stores[0].CreateContext();
            var connection = db.Database.GetDbConnection();
            var transaction = db.RequireTransaction();
            await using var bulk = await importer._database.PrepareBulkWriteAsync(connection, cancellationToken);
            await using IServiceSink sink = importer._database.Engine == DatabaseEngine.PostgreSql
                ? new StagedSink(await PostgreSqlStage.CreateAsync(connection, transaction, ServiceColumns.StageSelect(db), cancellationToken), stores)
                : new RowByRowSink(connection, transaction);
            foreach (var (store, entry) in spool.Rows())
            {
                closed.Dated(entry.ServedOn);
                await sink.AddAsync(stores[store], entry, cancellationToken);
            }
            var (written, used) = await sink.CompleteAsync(cancellationToken);
            return new WrittenRows(string.Join(", ", used.Select(s => s.Module).Order()), written.Inserted, written.Updated, written.Unchanged);
        }

        public void Dispose() => spool.Dispose();
    }

    /// <summary>Where accepted services go: each module's writer row by row, or one stage for all on PostgreSQL.</summary>
    private interface IServiceSink : IAsyncDisposable
    {
        Task AddAsync(IServiceStore store, ServiceEntry entry, CancellationToken cancellationToken);

        /// <summary>What the rows did, and the modules that got any.</summary>
        Task<(WriteCounts Written, IReadOnlyCollection<IServiceStore> Stores)> CompleteAsync(CancellationToken cancellationToken);
    }

    private sealed class RowByRowSink(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) : IServiceSink
    {
        private readonly UpsertTally _tally = new();
        private readonly Dictionary<IServiceStore, IRowWriter<ServiceEntry>> _writers = new();

        public async Task AddAsync(IServiceStore store, ServiceEntry entry, CancellationToken cancellationToken)
        {
            if (!_writers.TryGetValue(store, out var writer))
            {
                _writers[store] = writer = await store.PrepareAsync(connection, transaction, cancellationToken);
            }
            _tally.Add(await writer.WriteAsync(entry, cancellationToken));
        }

        public async Task<(WriteCounts, IReadOnlyCollection<IServiceStore>)> CompleteAsync(CancellationToken cancellationToken)
        {
            foreach (var writer in _writers.Values)
            {
                await writer.CompleteAsync(cancellationToken);
            }
            return (new WriteCounts(_tally.Inserted, _tally.Updated, _tally.Unchanged), _writers.Keys);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var writer in _writers.Values)
            {
                await writer.DisposeAsync();
            }
        }
    }

    /// <summary>One COPY for the rows of every module (a connection copies into one table at a time), merged into each module's table at the end.</summary>
    private sealed class StagedSink(PostgreSqlStage stage, List<IServiceStore> stores) : IServiceSink
    {
        private readonly SortedSet<int> _used = [];

        public Task AddAsync(IServiceStore store, ServiceEntry entry, CancellationToken cancellationToken)
        {
            var index = stores.IndexOf(store);
            _used.Add(index);
            return stage.AddAsync([index, entry.Indicator, entry.ServedOn, entry.Subject, entry.Kecamatan, entry.Note], cancellationToken);
        }

        public async Task<(WriteCounts, IReadOnlyCollection<IServiceStore>)> CompleteAsync(CancellationToken cancellationToken)
        {
            await stage.CloseAsync(cancellationToken);
            var total = new WriteCounts(0, 0, 0);
            foreach (var index in _used)
            {
                var counts = await stores[index].MergeStagedAsync(stage, $"\"Store\" = {index}", cancellationToken);
                total = new WriteCounts(total.Inserted + counts.Inserted, total.Updated + counts.Updated, total.Unchanged + counts.Unchanged);
            }
            return (total, _used.Select(i => stores[i]).ToList());
        }

        public ValueTask DisposeAsync() => stage.DisposeAsync();
    }

    private (IServiceStore? Store, ServiceEntry Entry) Parse(TabularRow row, List<RefusedRow> refused, Func<string, bool> mayEnter)
    {
        var before = refused.Count;
        var check = new RowChecks(row, refused);
        var date = check.Date(Date, required: true);
        var code = check.Required(Indicator);
        var kecamatan = check.Kecamatan(KecamatanHeader);
        var nik = row.Get(NikHeader)?.Trim();
        var number = row.Get(RegistrationNumber)?.Trim();

        IServiceStore? store = null;
        if (code is not null && (!_stores.TryGetValue(code, out store) || _directory.FindEnabledIndicator(code) is null))
        {
            refused.Add(new RefusedRow(row.Line, Indicator,
                $"indikator '{code}' bukan indikator kegiatan jumlah yang dihitung dari register layanan pada host ini"));
        }
        else if (code is not null && _directory.FindIndicator(code) is { } indicator && !mayEnter(indicator.Unit))
        {
            refused.Add(new RefusedRow(row.Line, Indicator, $"akses ditolak: layanan {code} milik unit {indicator.Unit}, di luar unit akun ini"));
        }
        string? subject = null;
        if (string.IsNullOrEmpty(nik) == string.IsNullOrEmpty(number))
        {
            refused.Add(new RefusedRow(row.Line, NikHeader, $"isi salah satu: {NikHeader} orang yang dilayani atau {RegistrationNumber} lembaganya"));
        }
        else if (!string.IsNullOrEmpty(nik))
        {
            subject = check.NikStructure(NikHeader, nik) ? nik : null;
        }
        else
        {
            subject = ServiceRecord.InstitutionPrefix + number;
        }
        if (refused.Count > before)
        {
            return (null, null!);
        }
        return (store, new ServiceEntry(code!, date!.Value, subject!, kecamatan!, row.Get(Note)?.Trim() is { Length: > 0 } note ? note : null));
    }
}
