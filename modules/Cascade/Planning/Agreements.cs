using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Planning;

internal enum AgreementState { Draf, Ditetapkan }

internal sealed record AgreementTarget(IndicatorDefinition Indicator, double? Target);

/// <summary>
/// A unit's Perjanjian Kinerja of a year as recorded: revision 0 the PK, revision N its N-th Perubahan; its targets are
/// those signed once established, and the unit's typed annual targets as they stand while it is a DRAF.
/// </summary>
internal sealed record Agreement(
    string Unit,
    int Year,
    int Revision,
    AgreementState State,
    DateOnly? SignedOn,
    DateOnly? RevisedOn,
    string? Reason,
    DateTimeOffset ChangedAt,
    IReadOnlyList<AgreementTarget> Targets);

/// <summary>
/// Perjanjian Kinerja established and revised, never silently changed. Establishing a unit's PK freezes the unit's annual
/// targets of the year: from then on an annual target of the unit is changed only through a Perubahan (a revision opened
/// with its reason, established again in turn). Achievement reads the latest established targets.
/// </summary>
internal sealed class Agreements
{
    public const int MaxReasonLength = 1000;

    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly IReadOnlyList<IIndicatorDataStore> _stores;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly SettledReads _settled;
    private readonly QuarterClosures _closures;

    public Agreements(ModuleDirectory directory, Func<CascadeDbContext> createContext, IEnumerable<IIndicatorDataStore> stores, TimeProvider clock,
        RollupSettings settings, Access access, IAuditTrail audit, IUnitOfWork unit, SettledReads settled, QuarterClosures closures)
    {
        _closures = closures;
        _directory = directory;
        _createContext = createContext;
        _stores = stores.ToList();
        _clock = clock;
        _settings = settings;
        _access = access;
        _audit = audit;
        _unit = unit;
        _settled = settled;
    }

    /// <summary>Records that the unit's PK (or its open Perubahan) was signed on <paramref name="date"/>, freezing its annual targets.</summary>
    public Task<Agreement> EstablishAsync(Caller caller, string unit, int year, string date, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var known = Unit(checks, unit);
        checks.Year("year", year);
        var signedOn = checks.Date("date", date);
        checks.ThrowIfFailed();
        _access.RequireAgreementKeeper(caller, known!.Code, "Perjanjian Kinerja");
        CheckDate(checks, "date", signedOn!.Value, year);
        checks.ThrowIfFailed();

        return _unit.RunAsync(async () =>
        {
            // The year's targets are frozen with its fourth triwulan, as every annual target is.
            await _closures.CheckOpenAsync(checks, "year", year, 4, cancellationToken);
            SettledReads.Changing();
            await using var db = _createContext();
            var latest = await LatestAsync(db, known.Code, year, cancellationToken);
            if (latest is { SignedOn: { } signed })
            {
                checks.Add("unit", $"Perjanjian Kinerja {known.Code} tahun {year} {Name(latest.Revision)} sudah ditetapkan tanggal {IndonesianFormat.Date(signed)}; "
                    + "untuk mengubah targetnya buka PK Perubahan dengan reviseAgreement");
            }
            else if (latest?.RevisedOn is { } revisedOn && signedOn < revisedOn)
            {
                checks.Add("date", $"tanggal penetapan {IndonesianFormat.Date(signedOn.Value)} sebelum tanggal perubahan dibuka ({IndonesianFormat.Date(revisedOn)})");
            }
            checks.ThrowIfFailed();

            var record = latest ?? new AgreementRecord { Unit = known.Code, Year = year, Revision = 0 };
            if (latest is null)
            {
                db.Agreements.Add(record);
            }
            record.SignedOn = signedOn;
            record.ChangedAt = _settings.Local(_clock.GetUtcNow());
            var typed = await TypedTargetsAsync(known.Code, year, cancellationToken);
            record.Targets = typed.Select(t => new AgreementTargetRecord { Indicator = t.Indicator.Code, Target = t.Target }).ToList();
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("perjanjian kinerja ditetapkan", known.Code, null, year, null, null,
                new { revision = record.Revision, date = record.SignedOn?.ToString("yyyy-MM-dd"), targets = typed.ToDictionary(t => t.Indicator.Code, t => t.Target) }),
                cancellationToken);
            return ToAgreement(record, null);
        }, cancellationToken);
    }

    /// <summary>Opens a PK Perubahan of an established PK: a DRAF whose annual targets may be changed until it is established.</summary>
    public Task<Agreement> ReviseAsync(Caller caller, string unit, int year, string date, string reason, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var known = Unit(checks, unit);
        checks.Year("year", year);
        var revisedOn = checks.Date("date", date);
        var why = checks.Text("reason", "alasan perubahan", reason, MaxReasonLength);
        checks.ThrowIfFailed();
        _access.RequireAgreementKeeper(caller, known!.Code, "Perjanjian Kinerja");
        CheckDate(checks, "date", revisedOn!.Value, year);
        checks.ThrowIfFailed();

        return _unit.RunAsync(async () =>
        {
            await _closures.CheckOpenAsync(checks, "year", year, 4, cancellationToken);
            SettledReads.Changing();
            await using var db = _createContext();
            var latest = await LatestAsync(db, known.Code, year, cancellationToken);
            if (latest is null)
            {
                checks.Add("unit", $"Perjanjian Kinerja {known.Code} tahun {year} belum ditetapkan; tetapkan dulu dengan establishAgreement");
            }
            else if (latest.SignedOn is not { } signed)
            {
                checks.Add("unit", $"{Name(latest.Revision)} Perjanjian Kinerja {known.Code} tahun {year} masih DRAF; tetapkan dulu dengan establishAgreement");
            }
            else if (revisedOn < signed)
            {
                checks.Add("date", $"tanggal perubahan {IndonesianFormat.Date(revisedOn.Value)} sebelum penetapan yang diubah ({IndonesianFormat.Date(signed)})");
            }
            checks.ThrowIfFailed();

            var record = new AgreementRecord
            {
                Unit = known.Code, Year = year, Revision = latest!.Revision + 1, RevisedOn = revisedOn, Reason = why,
                ChangedAt = _settings.Local(_clock.GetUtcNow()),
            };
            db.Agreements.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("perubahan perjanjian kinerja dibuka", known.Code, null, year, null,
                new { revision = latest.Revision }, new { revision = record.Revision, date = record.RevisedOn?.ToString("yyyy-MM-dd"), reason = why }),
                cancellationToken);
            return ToAgreement(record, await TypedTargetsAsync(known.Code, year, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Every revision of the PK of a unit and the units below it (every unit when none is given) in a year, by unit in catalog order, oldest first.</summary>
    /// <remarks>Read as the unit's reports are (<see cref="Access.ReadScope"/>): a unit's own and those below it.</remarks>
    public async Task<IReadOnlyList<Agreement>> ListAsync(Caller caller, int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        unit = _access.ReadScope(caller, unit, "Perjanjian Kinerja");
        await using var db = _createContext();
        var records = await db.Agreements.AsNoTracking().Include(a => a.Targets)
            .Where(a => a.Year == year)
            .ToListAsync(cancellationToken);
        var result = new List<Agreement>();
        foreach (var record in records
            .Where(r => _directory.FindEnabledUnit(r.Unit) is not null && (unit is null || _access.IsWithin(r.Unit, unit)))
            .OrderBy(r => _directory.UnitOrder(r.Unit)).ThenBy(r => r.Revision))
        {
            result.Add(ToAgreement(record, record.SignedOn is null ? await TypedTargetsAsync(record.Unit, year, cancellationToken) : null));
        }
        return result;
    }

    /// <summary>
    /// The revision of the unit's PK to print (the latest when none is asked), read as <see cref="ListAsync"/> reads; a unit
    /// without a recorded PK has a DRAF of its typed targets.
    /// </summary>
    public async Task<Agreement> PrintedAsync(Caller caller, string unit, int year, int? revision, CancellationToken cancellationToken)
    {
        var recorded = (await ListAsync(caller, year, unit, cancellationToken)).Where(a => a.Unit == unit).ToList();
        if (revision is { } wanted)
        {
            return recorded.SingleOrDefault(a => a.Revision == wanted) ?? throw new Shared.Errors.InputException("revision",
                recorded.Count == 0
                    ? $"Perjanjian Kinerja {unit} tahun {year} belum ditetapkan; cetak tanpa revisi untuk drafnya"
                    : $"Perjanjian Kinerja {unit} tahun {year} tidak mempunyai revisi {wanted} (ada {string.Join(", ", recorded.Select(a => a.Revision))})");
        }
        return recorded.Count > 0
            ? recorded[^1]
            : new Agreement(unit, year, 0, AgreementState.Draf, null, null, null, _settings.Local(_clock.GetUtcNow()),
                await TypedTargetsAsync(unit, year, cancellationToken));
    }

    /// <summary>
    /// The annual targets of the latest established PK of every unit in a year, by indicator: what achievement is measured
    /// against. An indicator of a unit without an established PK is not in it.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, double?>> SignedTargetsAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var established = await db.Agreements.AsNoTracking().Include(a => a.Targets)
            .Where(a => a.Year == year && a.SignedOn != null)
            .ToListAsync(cancellationToken);
        return established.GroupBy(a => a.Unit)
            .SelectMany(g => g.MaxBy(a => a.Revision)!.Targets)
            .ToDictionary(t => t.Indicator, t => t.Target, StringComparer.Ordinal);
    }

    /// <summary>Adds an error when the unit's PK of the year is established: its annual targets change only through a Perubahan.</summary>
    public async Task CheckAnnualTargetOpenAsync(InputChecks checks, string field, IndicatorDefinition indicator, int year, CancellationToken cancellationToken)
    {
        var latest = await _settled.ReadAsync($"agreement/{indicator.Unit}/{year}", async () =>
        {
            await using var db = _createContext();
            return new KeptAgreement(await LatestAsync(db, indicator.Unit, year, cancellationToken));
        });
        if (latest.Record is { SignedOn: { } signed } record)
        {
            checks.Add(field, $"target tahunan {indicator.Code} tahun {year} terikat Perjanjian Kinerja {indicator.Unit} {Name(record.Revision)} yang ditetapkan "
                + $"tanggal {IndonesianFormat.Date(signed)}; ubah melalui PK Perubahan (reviseAgreement), lalu tetapkan lagi");
        }
    }

    private sealed record KeptAgreement(AgreementRecord? Record);

    public static string Name(int revision) => revision == 0 ? "PK awal" : $"Perubahan ke-{revision}";

    private static Task<AgreementRecord?> LatestAsync(CascadeDbContext db, string unit, int year, CancellationToken cancellationToken) =>
        db.Agreements.Include(a => a.Targets).Where(a => a.Unit == unit && a.Year == year).OrderByDescending(a => a.Revision)
            .FirstOrDefaultAsync(cancellationToken);

    private UnitDefinition? Unit(InputChecks checks, string unit)
    {
        var known = _directory.FindEnabledUnit(unit);
        if (known is null)
        {
            checks.Add("unit", $"unit '{unit}' tidak dikenal");
        }
        return known;
    }

    // A PK is recorded once signed: not before the autumn before its year, not after its year, not in the future.
    private void CheckDate(InputChecks checks, string field, DateOnly date, int year)
    {
        var today = DateOnly.FromDateTime(_settings.Local(_clock.GetUtcNow()).DateTime);
        if (date > today)
        {
            checks.Add(field, $"tanggal {IndonesianFormat.Date(date)} belum tiba; catat Perjanjian Kinerja setelah ditandatangani");
        }
        else if (date < new DateOnly(year - 1, 10, 1) || date > new DateOnly(year, 12, 31))
        {
            checks.Add(field, $"tanggal {IndonesianFormat.Date(date)} di luar masa Perjanjian Kinerja tahun {year} (1 Oktober {year - 1} sampai 31 Desember {year})");
        }
    }

    /// <summary>The unit's indicators with their typed annual targets of the year, in catalog order.</summary>
    private async Task<IReadOnlyList<AgreementTarget>> TypedTargetsAsync(string unit, int year, CancellationToken cancellationToken)
    {
        var indicators = _directory.Indicators.Where(i => i.Unit == unit).ToList();
        var typed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var store in _stores.Where(s => indicators.Any(i => i.Module == s.Module)))
        {
            foreach (var target in (await store.LoadYearAsync(year, cancellationToken)).Targets.Where(t => t.Quarter is null))
            {
                typed[target.Indicator] = target.Value;
            }
        }
        return indicators.Select(i => new AgreementTarget(i, typed.TryGetValue(i.Code, out var t) ? t : null)).ToList();
    }

    /// <summary>An agreement with the targets it signed, or for a DRAF the unit's typed ones (<paramref name="typed"/>).</summary>
    private Agreement ToAgreement(AgreementRecord record, IReadOnlyList<AgreementTarget>? typed)
    {
        var targets = record.SignedOn is null
            ? typed!
            : record.Targets
                .Select(t => (Indicator: _directory.FindIndicator(t.Indicator), t.Target))
                .Where(t => t.Indicator is not null)
                .Select(t => new AgreementTarget(t.Indicator!, t.Target))
                .OrderBy(t => _directory.IndicatorOrder(t.Indicator.Code))
                .ToList();
        return new Agreement(record.Unit, record.Year, record.Revision, record.SignedOn is null ? AgreementState.Draf : AgreementState.Ditetapkan,
            record.SignedOn, record.RevisedOn, record.Reason, _settings.Local(record.ChangedAt), targets);
    }
}
