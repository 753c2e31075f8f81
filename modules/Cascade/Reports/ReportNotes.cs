using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Reports;

internal sealed record Analysis(string Indicator, int Year, string? FaktorPendukung, string? FaktorPenghambat, string? UpayaTindakLanjut,
    string? ChangedBy, DateTimeOffset? ChangedAt);

internal sealed class AnalysisInput
{
    public string Indicator { get; set; } = "";
    public int Year { get; set; }
    public string? FaktorPendukung { get; set; }
    public string? FaktorPenghambat { get; set; }
    public string? UpayaTindakLanjut { get; set; }
}

/// <summary>
/// The Analisis of the Pengukuran Kinerja: per indicator and year, entered by the unit that owns the
/// indicator (the same rule as its figures), every change in the audit trail.
/// </summary>
internal sealed class AnalysisService
{
    public const int MaxLength = 4000;

    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public AnalysisService(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, RollupSettings settings,
        Access access, IAuditTrail audit, IUnitOfWork unit)
    {
        _unit = unit;
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _settings = settings;
        _access = access;
        _audit = audit;
    }

    public async Task<Analysis> SetAsync(Caller caller, AnalysisInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("input.indicator", input.Indicator, _directory);
        if (indicator is not null)
        {
            _access.RequireEntry(caller, indicator.Unit, $"analisis {indicator.Code}");
        }
        checks.Year("input.year", input.Year);
        var pendukung = Text(checks, "input.faktorPendukung", input.FaktorPendukung);
        var penghambat = Text(checks, "input.faktorPenghambat", input.FaktorPenghambat);
        var upaya = Text(checks, "input.upayaTindakLanjut", input.UpayaTindakLanjut);
        checks.ThrowIfFailed();

        return await _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var record = await db.Analyses.SingleOrDefaultAsync(a => a.Year == input.Year && a.Indicator == indicator!.Code, cancellationToken);
            var before = record is null ? null : Texts(record);
            if (record is null)
            {
                record = new AnalysisRecord { Year = input.Year, Indicator = indicator!.Code, ChangedBy = caller.UserName! };
                db.Analyses.Add(record);
            }
            record.FaktorPendukung = pendukung;
            record.FaktorPenghambat = penghambat;
            record.UpayaTindakLanjut = upaya;
            record.ChangedBy = caller.UserName!;
            record.ChangedAt = _settings.Local(_clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("analisis diisi", indicator!.Unit, indicator.Code, input.Year, null, before, Texts(record)),
                cancellationToken);
            return ToAnalysis(record);
        }, cancellationToken);
    }

    /// <summary>The analyses of a year, optionally of one unit's indicators; an indicator without one is absent.</summary>
    /// <remarks>
    /// A unit's analyses are its own writing: read by the unit and those above it, pimpinan and admins. Without a unit, every
    /// unit's for those, the caller's own unit's and those below it for the others.
    /// </remarks>
    public async Task<IReadOnlyList<Analysis>> ListAsync(Caller caller, int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        if (unit is not null && _directory.FindEnabledUnit(unit) is null)
        {
            checks.Add("unit", $"unit '{unit}' tidak dikenal pada host ini");
        }
        checks.ThrowIfFailed();
        var scope = _access.ReadScope(caller, unit, "analisis");
        var codes = _directory.Indicators
            .Where(i => unit is not null ? i.Unit == unit : scope is null || _access.IsWithin(i.Unit, scope))
            .Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        await using var db = _createContext();
        var records = await db.Analyses.AsNoTracking().Where(a => a.Year == year).ToListAsync(cancellationToken);
        return records.Where(r => codes.Contains(r.Indicator)).OrderBy(r => _directory.IndicatorOrder(r.Indicator)).Select(ToAnalysis).ToList();
    }

    private static string? Text(InputChecks checks, string field, string? text)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is { Length: > MaxLength })
        {
            checks.Add(field, $"paling banyak {MaxLength} karakter (diterima {trimmed.Length})");
        }
        return trimmed;
    }

    private static object Texts(AnalysisRecord r) =>
        new { faktorPendukung = r.FaktorPendukung, faktorPenghambat = r.FaktorPenghambat, upayaTindakLanjut = r.UpayaTindakLanjut };

    private Analysis ToAnalysis(AnalysisRecord r) =>
        new(r.Indicator, r.Year, r.FaktorPendukung, r.FaktorPenghambat, r.UpayaTindakLanjut, r.ChangedBy, _settings.Local(r.ChangedAt));
}

internal sealed record Official(string Position, int Year, string? Nama, string Jabatan, string? Pangkat, string? Nip);

internal sealed class OfficialInput
{
    public string Position { get; set; } = "";
    public int Year { get; set; }
    public string Nama { get; set; } = "";
    public string? Jabatan { get; set; }
    public string? Pangkat { get; set; }
    public string? Nip { get; set; }
}

/// <summary>
/// Who holds each position in a year, for the signatures of the Perjanjian Kinerja: the head of every unit,
/// and the Bupati who signs with the Kepala Dinas. Officials change, so it is data an admin sets.
/// </summary>
internal sealed class OfficialService
{
    /// <summary>The position above the Kepala Dinas: the Bupati signs the Dinas's Perjanjian Kinerja.</summary>
    public const string Bupati = "BUPATI";

    public const string BupatiJabatan = "Bupati Gresik";

    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public OfficialService(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, Access access, IAuditTrail audit,
        IUnitOfWork unit)
    {
        _unit = unit;
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _access = access;
        _audit = audit;
    }

    public async Task<Official> SetAsync(Caller caller, OfficialInput input, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "menetapkan pejabat");
        var checks = new InputChecks();
        var defaultJabatan = DefaultJabatan(input.Position);
        if (defaultJabatan is null)
        {
            checks.Add("input.position", $"jabatan '{input.Position}' tidak dikenal; isi kode unit yang dipimpinnya (DINSOS, REHSOS, ...) atau {Bupati}");
        }
        checks.Year("input.year", input.Year);
        if (string.IsNullOrWhiteSpace(input.Nama))
        {
            checks.Add("input.nama", "nama pejabat wajib diisi");
        }
        var nip = Nip(checks, input.Nip);
        foreach (var (field, text) in new[] { ("input.nama", input.Nama), ("input.jabatan", input.Jabatan), ("input.pangkat", input.Pangkat) })
        {
            if (text is { Length: > 200 })
            {
                checks.Add(field, $"paling banyak 200 karakter (diterima {text.Length})");
            }
        }
        checks.ThrowIfFailed();

        return await _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var record = await db.Officials.SingleOrDefaultAsync(o => o.Year == input.Year && o.Position == input.Position, cancellationToken);
            var before = record is null ? null : ToOfficial(record);
            if (record is null)
            {
                record = new OfficialRecord { Year = input.Year, Position = input.Position, Nama = "", Jabatan = "" };
                db.Officials.Add(record);
            }
            record.Nama = input.Nama.Trim();
            record.Jabatan = string.IsNullOrWhiteSpace(input.Jabatan) ? defaultJabatan! : input.Jabatan.Trim();
            record.Pangkat = string.IsNullOrWhiteSpace(input.Pangkat) ? null : input.Pangkat.Trim();
            record.Nip = nip;
            record.ChangedAt = _clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var after = ToOfficial(record);
            await _audit.RecordAsync(caller, new AuditEntry("pejabat ditetapkan", input.Position == Bupati ? null : input.Position, input.Position,
                input.Year, null, before, after), cancellationToken);
            return after;
        }, cancellationToken);
    }

    /// <summary>Every position of a year, with the catalog's jabatan and no name where nobody is recorded.</summary>
    public async Task<IReadOnlyList<Official>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        await using var db = _createContext();
        var records = await db.Officials.AsNoTracking().Where(o => o.Year == year).ToDictionaryAsync(o => o.Position, cancellationToken);
        return new[] { Bupati }.Concat(_directory.Units.Select(u => u.Code))
            .Select(p => records.TryGetValue(p, out var r) ? ToOfficial(r) : new Official(p, year, null, DefaultJabatan(p)!, null, null))
            .ToList();
    }

    public async Task<Official> FindAsync(string position, int year, CancellationToken cancellationToken) =>
        (await ListAsync(year, cancellationToken)).Single(o => o.Position == position);

    private string? DefaultJabatan(string position) =>
        position == Bupati ? BupatiJabatan : _directory.FindEnabledUnit(position)?.Head;

    // A civil servant's NIP has 18 digits (birth date, appointment month, sex, serial); it is printed in its
    // four groups, so spaces typed between them are accepted.
    private static string? Nip(InputChecks checks, string? nip)
    {
        if (string.IsNullOrWhiteSpace(nip))
        {
            return null;
        }
        var digits = nip.Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 18 || !digits.All(char.IsAsciiDigit))
        {
            checks.Add("input.nip", $"NIP terdiri atas 18 angka (diterima '{nip}')");
            return null;
        }
        return digits;
    }

    private static Official ToOfficial(OfficialRecord r) => new(r.Position, r.Year, r.Nama, r.Jabatan, r.Pangkat, r.Nip);
}
