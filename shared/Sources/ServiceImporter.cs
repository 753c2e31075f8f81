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
    /// Writes each accepted row as it is read, so a file of millions of services is never held in memory;
    /// every module's rows go in one transaction on the host's database, written or refused together.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, Func<string, bool> mayEnter, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedRow>();
        var tally = new UpsertTally();
        var writers = new Dictionary<IServiceStore, IRowWriter<ServiceEntry>>();
        var rows = 0;
        if (_stores.Count == 0)
        {
            foreach (var row in TabularFile.Read(content, fileName))
            {
                rows++;
                Parse(row, refused, mayEnter);
            }
            return new ImportResult(Register, "", rows, 0, 0, 0, refused);
        }

        // The import is one change (IUnitOfWork): the context comes on its connection, inside its transaction.
        await using var db = _stores.Values.First().CreateContext();
        var connection = db.Database.GetDbConnection();
        var transaction = db.RequireTransaction();
        await using var bulk = await _database.PrepareBulkWriteAsync(connection, cancellationToken);
        try
        {
            foreach (var row in TabularFile.Read(content, fileName))
            {
                rows++;
                if (Parse(row, refused, mayEnter) is var (store, entry) && store is not null)
                {
                    if (!writers.TryGetValue(store, out var writer))
                    {
                        writers[store] = writer = await store.PrepareAsync(connection, transaction, cancellationToken);
                    }
                    tally.Add(await writer.WriteAsync(entry, cancellationToken));
                }
            }
            foreach (var writer in writers.Values)
            {
                await writer.CompleteAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync();
            }
        }
        var modules = string.Join(", ", writers.Keys.Select(s => s.Module).Order());
        return new ImportResult(Register, modules, rows, tally.Inserted, tally.Updated, tally.Unchanged, refused);
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
