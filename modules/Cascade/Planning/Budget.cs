using System.Text.RegularExpressions;
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

/// <summary>
/// A line of the DPA: its pagu, the indicators it serves, and what it spent per triwulan (a triwulan without an entry is
/// absent). Serapan is the realisation over the pagu, in percent.
/// </summary>
internal sealed record BudgetLine(
    string Unit,
    int Year,
    string Code,
    string Name,
    double Pagu,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyDictionary<int, double> Realizations,
    DateTimeOffset ChangedAt)
{
    /// <summary>Spent from 1 January through the end of <paramref name="quarter"/>; null when nothing was entered for those triwulan.</summary>
    public double? RealizedThrough(int quarter)
    {
        var entered = Realizations.Where(r => r.Key <= quarter).Select(r => r.Value).ToList();
        return entered.Count == 0 ? null : entered.Sum();
    }

    /// <summary>Spent in <paramref name="quarter"/> alone; null when nothing was entered for it.</summary>
    public double? RealizedIn(int quarter) => Realizations.TryGetValue(quarter, out var amount) ? amount : null;

    /// <summary>The realisation over the pagu in percent; null without a realisation or with a pagu of 0.</summary>
    public static double? Serapan(double? realized, double pagu) => realized is { } r && pagu > 0 ? r / pagu * 100 : null;

    /// <summary>What is wrong with the figures as entered: a year's realisation above the pagu is stored and flagged.</summary>
    public string? Warning => RealizedThrough(4) is { } spent && spent > Pagu
        ? $"realisasi s.d. triwulan {IndonesianFormat.Roman(Realizations.Keys.Max())} (Rp {IndonesianFormat.Number(spent)}) melebihi pagu (Rp {IndonesianFormat.Number(Pagu)})"
        : null;
}

internal sealed class BudgetLineInput
{
    public string Unit { get; set; } = "";
    public int Year { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public double Pagu { get; set; }
    public List<string> Indicators { get; set; } = [];
}

/// <summary>What an import of the budget workbook changed: lines made, lines changed (name, pagu, indicators or realisation), lines as they were.</summary>
internal sealed record BudgetImport(int Added, int Changed, int Unchanged, IReadOnlyList<BudgetLine> Lines);

internal sealed class BudgetRealizationInput
{
    public string Unit { get; set; } = "";
    public int Year { get; set; }
    public string Code { get; set; } = "";
    public int Quarter { get; set; }
    public double Amount { get; set; }
}

/// <summary>
/// The budget beside the figures: the DPA's lines per unit and year, entered by the unit's operators, with their
/// realisation per triwulan. A triwulan's realisation closes with the triwulan, as every entry does.
/// </summary>
internal sealed partial class Budget
{
    public const int MaxNameLength = 500;
    public const int MaxIndicators = 50;

    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly QuarterClosures _closures;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public Budget(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, RollupSettings settings, QuarterClosures closures,
        Access access, IAuditTrail audit, IUnitOfWork unit)
    {
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _settings = settings;
        _closures = closures;
        _access = access;
        _audit = audit;
        _unit = unit;
    }

    // The DPA writes a code as dot-separated groups of digits or letters: 1.06.02.2.01, 5.1.02.01.01.0024.
    [GeneratedRegex(@"^[0-9A-Za-z]{1,6}(\.[0-9A-Za-z]{1,6}){0,9}$")]
    private static partial Regex CodePattern();

    /// <summary>Makes a line, or changes its name, pagu and indicators; its realisations stay.</summary>
    public Task<BudgetLine> SetLineAsync(Caller caller, BudgetLineInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var unit = _directory.FindEnabledUnit(input.Unit);
        if (unit is null)
        {
            checks.Add("input.unit", $"unit '{input.Unit}' tidak dikenal");
        }
        else
        {
            _access.RequireEntry(caller, unit.Code, "anggaran");
        }
        checks.Year("input.year", input.Year);
        var code = Code(checks, "input.code", input.Code);
        var name = checks.Text("input.name", "nama program, kegiatan atau sub-kegiatan", input.Name, MaxNameLength);
        if (checks.Amount("input.pagu", "pagu", input.Pagu) && input.Pagu == 0)
        {
            checks.Add("input.pagu", "pagu harus lebih dari 0");
        }
        var indicators = Indicators(checks, input.Indicators, unit?.Code);
        checks.ThrowIfFailed();

        return _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var record = await db.BudgetLines.Include(l => l.Realizations).SingleOrDefaultAsync(l => l.Year == input.Year && l.Code == code, cancellationToken);
            if (record is not null && record.Unit != unit!.Code)
            {
                throw new Shared.Errors.InputException("input.code", $"kode {code} tahun {input.Year} sudah dipakai oleh unit {record.Unit}");
            }
            var before = record is null ? null : new { name = record.Name, pagu = record.Pagu, indicators = record.Indicators };
            if (record is null)
            {
                record = new BudgetLineRecord { Year = input.Year, Code = code!, Unit = unit!.Code, Name = name!, Indicators = "" };
                db.BudgetLines.Add(record);
            }
            record.Name = name!;
            record.Pagu = input.Pagu;
            record.Indicators = string.Join(',', indicators.Select(i => i.Code));
            record.ChangedAt = _settings.Local(_clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("anggaran ditetapkan", record.Unit, code, input.Year, null, before,
                new { name = record.Name, pagu = record.Pagu, indicators = record.Indicators }), cancellationToken);
            return ToLine(record);
        }, cancellationToken);
    }

    /// <summary>
    /// The unit's lines of a year from its workbook (<see cref="BudgetWorkbook"/>), all or nothing: every row is checked as
    /// <see cref="SetLineAsync"/> and <see cref="RecordRealizationAsync"/> check one, and a file with any refused row changes
    /// nothing. A line stored but absent from the file stays; an empty realisation cell leaves what is stored.
    /// </summary>
    public async Task<BudgetImport> ImportAsync(Caller caller, string unit, int year, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var known = _directory.FindEnabledUnit(unit) ?? throw new Shared.Errors.InputException("unit", $"unit '{unit}' tidak dikenal");
        _access.RequireEntry(caller, known.Code, "anggaran");
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        var rows = BudgetWorkbook.Read(content, fileName, checks);
        var wanted = new List<(BudgetRow Row, string Code, string Name, List<IndicatorDefinition> Indicators)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var one = new InputChecks();
            // A cell missing or unreadable was refused as the file was read; the row's other cells are checked all the same.
            var code = row.Code is null ? null : Code(one, $"kolom {BudgetWorkbook.Code}", row.Code);
            var name = row.Name is null ? null : one.Text($"kolom {BudgetWorkbook.Name}", "nama program, kegiatan atau sub-kegiatan", row.Name, MaxNameLength);
            if (row.Pagu == 0)
            {
                one.Add($"kolom {BudgetWorkbook.Pagu}", "pagu harus lebih dari 0");
            }
            var indicators = Indicators(one, row.Indicators, known.Code, $"kolom {BudgetWorkbook.Indicators}", indexed: false);
            if (code is not null && !seen.TryAdd(code, row.Line))
            {
                one.Add($"kolom {BudgetWorkbook.Code}", $"kode {code} sudah ada pada baris {seen[code]}");
            }
            checks.Add(one.Errors.Select(e => new Shared.Errors.FieldError("file", $"baris {row.Line}, {e.Field}: {e.Reason}")));
            if (!one.Failed && code is not null && name is not null && row.Pagu is not null)
            {
                wanted.Add((row, code, name, indicators));
            }
        }
        if (!checks.Failed && wanted.Count == 0)
        {
            checks.Add("file", $"berkas {fileName} tidak memuat baris anggaran");
        }
        checks.ThrowIfFailed();

        return await _unit.RunAsync(async () =>
        {
            var conflicts = new InputChecks();
            await using var db = _createContext();
            var stored = await db.BudgetLines.Include(l => l.Realizations).Where(l => l.Year == year).ToDictionaryAsync(l => l.Code, cancellationToken);
            var now = _settings.Local(_clock.GetUtcNow());
            var (added, changed) = (0, 0);
            var lines = new List<BudgetLineRecord>();
            foreach (var (row, code, name, indicators) in wanted)
            {
                var record = stored.GetValueOrDefault(code);
                if (record is not null && record.Unit != known.Code)
                {
                    conflicts.Add("file", $"baris {row.Line}, kolom {BudgetWorkbook.Code}: kode {code} tahun {year} sudah dipakai oleh unit {record.Unit}");
                    continue;
                }
                var before = record is null ? null : Audited(record);
                if (record is null)
                {
                    record = new BudgetLineRecord { Year = year, Code = code, Unit = known.Code, Name = name, Indicators = "" };
                    db.BudgetLines.Add(record);
                }
                record.Name = name;
                record.Pagu = row.Pagu!.Value;
                record.Indicators = string.Join(',', indicators.Select(i => i.Code));
                for (var q = 1; q <= 4; q++)
                {
                    var existing = record.Realizations.SingleOrDefault(r => r.Quarter == q);
                    if (row.Realizations[q - 1] is not { } amount || existing?.Amount == amount)
                    {
                        continue;
                    }
                    var closed = new InputChecks();
                    await _closures.CheckOpenAsync(closed, "file", year, q, cancellationToken);
                    conflicts.Add(closed.Errors.Select(e => new Shared.Errors.FieldError("file", $"baris {row.Line}, kolom {BudgetWorkbook.Realizations[q - 1]}: {e.Reason}")));
                    if (existing is null)
                    {
                        record.Realizations.Add(new BudgetRealizationRecord { Quarter = q, Amount = amount });
                    }
                    else
                    {
                        existing.Amount = amount;
                    }
                }
                var after = Audited(record);
                if (before is not null && JsonEquals(before, after))
                {
                    lines.Add(record);
                    continue;
                }
                record.ChangedAt = now;
                (added, changed) = before is null ? (added + 1, changed) : (added, changed + 1);
                await _audit.RecordAsync(caller, new AuditEntry("anggaran diimpor", known.Code, code, year, null, before, after), cancellationToken);
                lines.Add(record);
            }
            // Checked against what is stored inside the turn: nothing is written unless every row holds.
            conflicts.ThrowIfFailed();
            await db.SaveChangesAsync(cancellationToken);
            return new BudgetImport(added, changed, lines.Count - added - changed, lines.Select(ToLine).ToList());
        }, cancellationToken);
    }

    private static object Audited(BudgetLineRecord record) => new
    {
        name = record.Name, pagu = record.Pagu, indicators = record.Indicators,
        realizations = record.Realizations.OrderBy(r => r.Quarter).ToDictionary(r => r.Quarter, r => r.Amount),
    };

    private static bool JsonEquals(object a, object b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

    /// <summary>Removes a line typed in error, with its realisations.</summary>
    public Task<BudgetLine> RemoveLineAsync(Caller caller, string unit, int year, string code, CancellationToken cancellationToken) =>
        ChangeLineAsync(caller, unit, year, code, "", async (db, record) =>
        {
            var quarters = record.Realizations.Select(r => r.Quarter).ToList();
            foreach (var quarter in quarters)
            {
                var checks = new InputChecks();
                await _closures.CheckOpenAsync(checks, "code", year, quarter, cancellationToken);
                checks.ThrowIfFailed();
            }
            db.BudgetLines.Remove(record);
            return ("anggaran dihapus", new { name = record.Name, pagu = record.Pagu, realizations = record.Realizations.ToDictionary(r => r.Quarter, r => r.Amount) },
                (object?)null);
        }, cancellationToken);

    /// <summary>What a line spent in a triwulan, replacing what was entered for it.</summary>
    public Task<BudgetLine> RecordRealizationAsync(Caller caller, BudgetRealizationInput input, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Quarter("input.quarter", input.Quarter);
        checks.Amount("input.amount", "realisasi anggaran", input.Amount);
        checks.ThrowIfFailed();
        return ChangeLineAsync(caller, input.Unit, input.Year, input.Code, "input.", async (db, record) =>
        {
            var closed = new InputChecks();
            await _closures.CheckOpenAsync(closed, "input.quarter", input.Year, input.Quarter, cancellationToken);
            closed.ThrowIfFailed();
            var existing = record.Realizations.SingleOrDefault(r => r.Quarter == input.Quarter);
            var before = existing is null ? null : new { amount = existing.Amount };
            if (existing is null)
            {
                record.Realizations.Add(new BudgetRealizationRecord { Quarter = input.Quarter, Amount = input.Amount });
            }
            else
            {
                existing.Amount = input.Amount;
            }
            record.ChangedAt = _settings.Local(_clock.GetUtcNow());
            return ("realisasi anggaran dicatat", before, new { quarter = input.Quarter, amount = input.Amount });
        }, cancellationToken);
    }

    private Task<BudgetLine> ChangeLineAsync(Caller caller, string unit, int year, string code, string prefix,
        Func<CascadeDbContext, BudgetLineRecord, Task<(string Action, object? Before, object? After)>> change, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var known = _directory.FindEnabledUnit(unit);
        if (known is null)
        {
            checks.Add(prefix + "unit", $"unit '{unit}' tidak dikenal");
        }
        else
        {
            _access.RequireEntry(caller, known.Code, "anggaran");
        }
        checks.Year(prefix + "year", year);
        var normalized = Code(checks, prefix + "code", code);
        checks.ThrowIfFailed();

        return _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var record = await db.BudgetLines.Include(l => l.Realizations)
                .SingleOrDefaultAsync(l => l.Year == year && l.Code == normalized && l.Unit == known!.Code, cancellationToken)
                ?? throw new Shared.Errors.InputException(prefix + "code", $"unit {known!.Code} tidak mempunyai baris anggaran {normalized} tahun {year}");
            var (action, before, after) = await change(db, record);
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry(action, record.Unit, record.Code, year, null, before, after), cancellationToken);
            return ToLine(record);
        }, cancellationToken);
    }

    /// <summary>The lines of a unit and the units below it, read as the unit's entries are (<see cref="Access.ReadScope"/>).</summary>
    public async Task<IReadOnlyList<BudgetLine>> ListAsync(Caller caller, int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        unit = _access.ReadScope(caller, unit, "anggaran");
        return (await OfYearAsync(year, cancellationToken)).Where(l => unit is null || _access.IsWithin(l.Unit, unit)).ToList();
    }

    /// <summary>Every line of a year, by unit in catalog order, then by code; for a report whose reader was checked.</summary>
    public async Task<IReadOnlyList<BudgetLine>> OfYearAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var records = await db.BudgetLines.AsNoTracking().Include(l => l.Realizations).Where(l => l.Year == year).ToListAsync(cancellationToken);
        return records
            .Where(r => _directory.FindEnabledUnit(r.Unit) is not null)
            .OrderBy(r => _directory.UnitOrder(r.Unit)).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(ToLine)
            .ToList();
    }

    private static string? Code(InputChecks checks, string field, string? code)
    {
        var trimmed = code?.Trim();
        if (trimmed is null || !CodePattern().IsMatch(trimmed))
        {
            checks.Add(field, $"kode anggaran ditulis seperti di DPA, kelompok angka dipisah titik, misalnya 1.06.02.2.01 (diterima '{code}')");
            return null;
        }
        return trimmed;
    }

    // A line serves indicators of its own unit or the units below it: a Bidang's program serves its Seksi's kegiatan.
    // An indicator refused is named by its place in the list (input.indicators[2]) or, in a workbook, by the column it sits in.
    private List<IndicatorDefinition> Indicators(InputChecks checks, IReadOnlyList<string>? codes, string? unit, string field = "input.indicators",
        bool indexed = true)
    {
        var found = new List<IndicatorDefinition>();
        codes ??= [];
        if (codes.Count > MaxIndicators)
        {
            checks.Add(field, $"paling banyak {MaxIndicators} indikator (diterima {codes.Count})");
            return found;
        }
        for (var i = 0; i < codes.Count; i++)
        {
            var indicator = checks.EnabledIndicator(indexed ? $"{field}[{i}]" : field, codes[i], _directory);
            if (indicator is null)
            {
                continue;
            }
            if (unit is not null && !_access.IsWithin(indicator.Unit, unit))
            {
                checks.Add(indexed ? $"{field}[{i}]" : field, $"{indicator.Code} milik unit {indicator.Unit}, bukan unit {unit} atau unit di bawahnya");
            }
            else if (!found.Contains(indicator))
            {
                found.Add(indicator);
            }
        }
        return found.OrderBy(i => _directory.IndicatorOrder(i.Code)).ToList();
    }

    private BudgetLine ToLine(BudgetLineRecord record) => new(
        record.Unit, record.Year, record.Code, record.Name, record.Pagu,
        record.Indicators.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(_directory.FindIndicator).OfType<IndicatorDefinition>().ToList(),
        record.Realizations.ToDictionary(r => r.Quarter, r => r.Amount),
        _settings.Local(record.ChangedAt));
}
