using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Planning;

/// <summary>An indicator's end target in a Renstra: the figure the plan writes for its final year.</summary>
internal sealed record RenstraTarget(IndicatorDefinition Indicator, int FromYear, int ToYear, double Target, DateTimeOffset ChangedAt);

/// <summary>
/// The Renstra's end targets, one plan period per indicator at a time: a period overlapping another of the same indicator
/// is refused, the same period is changed. A Renstra runs five years; a plan of transition may be shorter.
/// </summary>
internal sealed class Renstra
{
    public const int MaxYears = 6;

    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly RollupSettings _settings;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly IUnitOfWork _unit;

    public Renstra(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, RollupSettings settings, Access access,
        IAuditTrail audit, IUnitOfWork unit)
    {
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _settings = settings;
        _access = access;
        _audit = audit;
        _unit = unit;
    }

    public Task<RenstraTarget> SetAsync(Caller caller, string code, int fromYear, int toYear, double target, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        if (indicator is not null)
        {
            _access.RequireEntry(caller, indicator.Unit, $"target Renstra {indicator.Code}");
        }
        if (checks.Year("fromYear", fromYear) & checks.Year("toYear", toYear))
        {
            if (toYear < fromYear)
            {
                checks.Add("toYear", $"tahun akhir Renstra ({toYear}) sebelum tahun awalnya ({fromYear})");
            }
            else if (toYear - fromYear + 1 > MaxYears)
            {
                checks.Add("toYear", $"Renstra {fromYear}-{toYear} meliputi {toYear - fromYear + 1} tahun; paling lama {MaxYears} tahun");
            }
        }
        checks.Amount("target", "target Renstra", target);
        checks.ThrowIfFailed();

        return _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var plans = await db.RenstraTargets.Where(r => r.Indicator == indicator!.Code).ToListAsync(cancellationToken);
            var same = plans.SingleOrDefault(r => r.FromYear == fromYear && r.ToYear == toYear);
            if (plans.FirstOrDefault(r => r != same && r.FromYear <= toYear && fromYear <= r.ToYear) is { } overlap)
            {
                throw new Shared.Errors.InputException("fromYear",
                    $"{indicator!.Code} sudah mempunyai target Renstra {overlap.FromYear}-{overlap.ToYear} yang beririsan dengan {fromYear}-{toYear}");
            }
            var before = same is null ? null : new { target = same.Target };
            if (same is null)
            {
                same = new RenstraTargetRecord { Indicator = indicator!.Code, FromYear = fromYear, ToYear = toYear };
                db.RenstraTargets.Add(same);
            }
            same.Target = target;
            same.ChangedAt = _settings.Local(_clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("target renstra ditetapkan", indicator!.Unit, indicator.Code, toYear, null, before,
                new { fromYear, toYear, target }), cancellationToken);
            return ToTarget(same);
        }, cancellationToken);
    }

    /// <summary>The Renstra targets whose period holds <paramref name="year"/>, of a unit and the units below it (every unit when none is given).</summary>
    public async Task<IReadOnlyList<RenstraTarget>> ForYearAsync(int year, string? unit, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.Unit("unit", unit, _directory);
        checks.ThrowIfFailed();
        await using var db = _createContext();
        var records = await db.RenstraTargets.AsNoTracking().Where(r => r.FromYear <= year && year <= r.ToYear).ToListAsync(cancellationToken);
        var byCode = records.ToDictionary(r => r.Indicator, StringComparer.Ordinal);
        return _directory.Indicators
            .Where(i => byCode.ContainsKey(i.Code) && (unit is null || _access.IsWithin(i.Unit, unit)))
            .Select(i => ToTarget(byCode[i.Code]))
            .ToList();
    }

    private RenstraTarget ToTarget(RenstraTargetRecord record) =>
        new(_directory.FindIndicator(record.Indicator)!, record.FromYear, record.ToYear, record.Target, _settings.Local(record.ChangedAt));
}
