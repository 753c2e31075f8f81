using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Registers;

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

    public ServiceImporter(ModuleDirectory directory, IEnumerable<IServiceStore> stores)
    {
        _directory = directory;
        _stores = stores.SelectMany(s => s.Indicators.Select(i => (i, s))).ToDictionary(p => p.i, p => p.s, StringComparer.Ordinal);
    }

    public string Register => "layanan";

    public string Module => "(modul pemilik indikatornya)";

    public IReadOnlyList<string> Headers { get; } = [Date, Indicator, NikHeader, RegistrationNumber, KecamatanHeader, Note];

    public string? OwnerUnit => null;

    public async Task<ImportResult> ImportAsync(Stream content, string fileName, Func<string, bool> mayEnter, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedRow>();
        var accepted = new Dictionary<IServiceStore, List<ServiceEntry>>();
        var rows = 0;
        foreach (var row in TabularFile.Read(content, fileName))
        {
            rows++;
            if (Parse(row, refused, mayEnter) is var (store, entry) && store is not null)
            {
                if (!accepted.TryGetValue(store, out var list))
                {
                    accepted[store] = list = [];
                }
                list.Add(entry);
            }
        }

        var inserted = 0;
        var updated = 0;
        var unchanged = 0;
        foreach (var (store, entries) in accepted)
        {
            var tally = await store.SaveAsync(entries, cancellationToken);
            inserted += tally.Inserted;
            updated += tally.Updated;
            unchanged += tally.Unchanged;
        }
        var modules = string.Join(", ", accepted.Keys.Select(s => s.Module).Order());
        return new ImportResult(Register, modules, rows, inserted, updated, unchanged, refused);
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
