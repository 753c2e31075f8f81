using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Registers;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Sources;

/// <summary>A code's source in a year.</summary>
internal sealed record SourceSetting(string Code, int Year, ValueSource Source);

/// <summary>
/// Which kegiatan indicators and stocks are counted from registers, year by year. ENTERED is the default,
/// so nothing changes for an office until it chooses; typed figures stay stored while a code is counted
/// from its register, and count again when it is switched back.
/// </summary>
internal sealed class SourceSettings
{
    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, IServiceCounter> _services;
    private readonly Dictionary<string, IStockCounter> _stocks;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;
    private readonly SettledReads _settled;
    private readonly QuarterClosures _closures;

    public SourceSettings(
        ModuleDirectory directory,
        Func<CascadeDbContext> createContext,
        TimeProvider clock,
        IEnumerable<IServiceCounter> services,
        IEnumerable<IStockCounter> stocks,
        Access access,
        IAuditTrail audit,
        IUnitOfWork unit,
        SettledReads settled,
        QuarterClosures closures)
    {
        _closures = closures;
        _unit = unit;
        _settled = settled;
        _directory = directory;
        _access = access;
        _audit = audit;
        _createContext = createContext;
        _clock = clock;
        _services = services.SelectMany(c => c.Indicators.Select(i => (i, c))).ToDictionary(p => p.i, p => p.c, StringComparer.Ordinal);
        _stocks = stocks.SelectMany(c => c.Measures.Select(m => (m, c))).ToDictionary(p => p.m, p => p.c, StringComparer.Ordinal);
    }

    public IServiceCounter? ServiceCounter(string indicator) => _services.GetValueOrDefault(indicator);

    /// <summary>Who a kegiatan indicator's register count stands for, in a period and optionally a kecamatan.</summary>
    public async Task<IReadOnlyList<ServedSubject>> ServedAsync(Caller caller, string indicator, int year, int? quarter, bool cumulative, string? kecamatan,
        CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var counter = _directory.FindEnabledIndicator(indicator) is null ? null : ServiceCounter(indicator);
        if (counter is null)
        {
            checks.Add("indicator", $"'{indicator}' bukan indikator kegiatan yang dihitung dari register layanan pada host ini");
        }
        checks.Year("year", year);
        checks.Quarter("quarter", quarter);
        var place = checks.Kecamatan("kecamatan", kecamatan);
        checks.ThrowIfFailed();
        var period = Shared.Periods.Period.Create(year, quarter, cumulative);
        var subjects = await counter!.ListServedAsync(indicator, period.Start, period.End, cancellationToken);
        // NIK is personal data (UU 27/2022): whole only for those whose work on the unit needs it.
        var whole = _access.MaySeePersons(caller, _directory.FindIndicator(indicator)!.Unit);
        return subjects
            .Where(s => place is null || s.Kecamatan == place)
            .Select(s => whole || s.IsInstitution ? s : s with { Subject = Nik.Mask(s.Subject) })
            .ToList();
    }

    public IStockCounter? StockCounter(string measure) => _stocks.GetValueOrDefault(measure);

    /// <summary>The codes counted from a register in a year.</summary>
    public Task<IReadOnlySet<string>> RegisterCodesAsync(int year, CancellationToken cancellationToken) =>
        _settled.ReadAsync($"sources/{year}", () => ReadRegisterCodesAsync(year, cancellationToken));

    private async Task<IReadOnlySet<string>> ReadRegisterCodesAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var register = ValueSource.Register.ToString();
        var codes = await db.ValueSources.AsNoTracking()
            .Where(v => v.Year == year && v.Source == register)
            .Select(v => v.Code)
            .ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every enabled code that may be counted from a register, with its source in the year.</summary>
    public async Task<IReadOnlyList<SourceSetting>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        var register = await RegisterCodesAsync(year, cancellationToken);
        return Countable()
            .Select(code => new SourceSetting(code, year, register.Contains(code) ? ValueSource.Register : ValueSource.Entered))
            .ToList();
    }

    public async Task<SourceSetting> SetAsync(Caller caller, string code, int year, ValueSource source, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        CheckCode(checks, code, source);
        checks.ThrowIfFailed();
        var unit = _directory.FindIndicator(code)?.Unit ?? _directory.FindBaseMeasure(code)!.OwnerUnit;
        _access.RequireEntry(caller, unit, $"sumber angka {code}");
        return await _unit.RunAsync(async () =>
        {
            await CheckYearOpenAsync(year, cancellationToken);
            var before = (await RegisterCodesAsync(year, cancellationToken)).Contains(code) ? ValueSource.Register : ValueSource.Entered;
            await StoreAsync([code], year, source, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("sumber angka diubah", unit, code, year, null,
                new { source = before.ToString().ToUpperInvariant() }, new { source = source.ToString().ToUpperInvariant() }), cancellationToken);
            return new SourceSetting(code, year, source);
        }, cancellationToken);
    }

    /// <summary>Every code this host can count from a register, switched at once (in one transaction).</summary>
    public async Task<IReadOnlyList<SourceSetting>> SetAllAsync(Caller caller, int year, ValueSource source, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah sumber semua angka sekaligus");
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        var codes = Countable().ToList();
        return await _unit.RunAsync(async () =>
        {
            await CheckYearOpenAsync(year, cancellationToken);
            await StoreAsync(codes, year, source, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("sumber semua angka diubah", null, null, year, null,
                null, new { source = source.ToString().ToUpperInvariant(), codes }), cancellationToken);
            return (IReadOnlyList<SourceSetting>)codes.Select(code => new SourceSetting(code, year, source)).ToList();
        }, cancellationToken);
    }

    /// <summary>A closed triwulan's figures were counted with the year's sources, so they stay while one is closed.</summary>
    private async Task CheckYearOpenAsync(int year, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        await _closures.CheckYearOpenAsync(checks, "year", year, "sumber angka", cancellationToken);
        checks.ThrowIfFailed();
    }

    private async Task StoreAsync(IReadOnlyList<string> codes, int year, ValueSource source, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        var records = await db.ValueSources.Where(v => v.Year == year && codes.Contains(v.Code)).ToDictionaryAsync(v => v.Code, cancellationToken);
        foreach (var code in codes)
        {
            if (!records.TryGetValue(code, out var record))
            {
                record = new ValueSourceRecord { Year = year, Code = code, Source = "" };
                db.ValueSources.Add(record);
            }
            record.Source = source.ToString();
            record.ChangedAt = _clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // Kegiatan COUNT indicators that a services register counts, and stocks that a register counts.
    private IEnumerable<string> Countable() =>
        _directory.Indicators.Where(i => _services.ContainsKey(i.Code)).Select(i => i.Code)
            .Concat(_directory.Modules.Where(m => m.Enabled).SelectMany(m => m.Catalog.BaseMeasures).Where(b => _stocks.ContainsKey(b.Code)).Select(b => b.Code));

    private void CheckCode(InputChecks checks, string code, ValueSource source)
    {
        if (_directory.FindIndicator(code) is { } indicator)
        {
            if (!_directory.IsEnabled(indicator.Module))
            {
                checks.Add("code", $"indikator '{code}' milik modul {indicator.Module} yang tidak diaktifkan pada host ini");
            }
            else if (indicator.Level != IndicatorLevel.Kegiatan || indicator.Kind != IndicatorKind.Count)
            {
                checks.Add("code", $"{code} bukan indikator kegiatan jumlah; hanya indikator seperti itu dan data dasar yang dapat dihitung dari register");
            }
            else if (source == ValueSource.Register && !_services.ContainsKey(code))
            {
                checks.Add("code", $"modul {indicator.Module} tidak mempunyai register layanan untuk {code}");
            }
            return;
        }
        if (_directory.FindBaseMeasure(code) is { } measure)
        {
            if (!_directory.IsEnabled(measure.Module))
            {
                checks.Add("code", $"data dasar '{code}' milik modul {measure.Module} yang tidak diaktifkan pada host ini");
            }
            else if (source == ValueSource.Register && !_stocks.ContainsKey(code))
            {
                checks.Add("code", $"register untuk data dasar {code} tidak dimuat pada host ini");
            }
            return;
        }
        checks.Add("code", $"'{code}' bukan kode indikator atau data dasar yang dikenal");
    }
}
