using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Cascade.Tree;

/// <summary>A year's rule of an indicator, and whether it is the catalog's default.</summary>
internal sealed record YearRule(int Year, IndicatorDefinition Indicator, IndicatorRule Rule, bool IsDefault);

/// <summary>Reads and changes a year's pohon kinerja; every change is checked before it is stored.</summary>
internal sealed class TreeService
{
    private readonly ModuleDirectory _directory;
    private readonly CascadeTreeStore _trees;
    private readonly Access _access;
    private readonly IAuditTrail _audit;
    private readonly QuarterClosures _closures;
    private readonly IUnitOfWork _unit;

    public TreeService(ModuleDirectory directory, CascadeTreeStore trees, Access access, IAuditTrail audit, QuarterClosures closures, IUnitOfWork unit)
    {
        _closures = closures;
        _unit = unit;
        _directory = directory;
        _trees = trees;
        _access = access;
        _audit = audit;
    }

    public async Task<IReadOnlyList<YearRule>> TreeAsync(int year, CancellationToken cancellationToken)
    {
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        var tree = await _trees.TreeOfYearAsync(year, cancellationToken);
        return _directory.Indicators.Select(i => ToYearRule(year, i, tree)).ToList();
    }

    public async Task<YearRule> SetRuleAsync(Caller caller, int year, string code, string numerator, string? denominator, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah pohon kinerja");
        var checks = new InputChecks();
        checks.Year("year", year);
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        if (!PartRule.TryParse(numerator, out var numeratorRule, out var numeratorError))
        {
            checks.Add("numerator", numeratorError);
        }
        PartRule? denominatorRule = null;
        if (denominator is not null)
        {
            if (PartRule.TryParse(denominator, out var parsed, out var denominatorError))
            {
                denominatorRule = parsed;
            }
            else
            {
                checks.Add("denominator", denominatorError);
            }
        }
        checks.ThrowIfFailed();

        var rule = new IndicatorRule(indicator!.Code, numeratorRule, denominatorRule);
        return await _unit.RunAsync(async () =>
        {
            await _closures.CheckYearOpenAsync(checks, "year", year, "pohon kinerja", cancellationToken);
            var tree = await _trees.TreeOfYearAsync(year, cancellationToken);
            checks.Add(tree.Validate(rule, _directory));
            checks.ThrowIfFailed();
            await _trees.SaveRuleAsync(year, rule, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("aturan pohon kinerja diubah", indicator.Unit, indicator.Code, year, null,
                Describe(tree.Rule(indicator.Code)), Describe(rule)), cancellationToken);
            return ToYearRule(year, indicator, tree.With(rule));
        }, cancellationToken);
    }

    private static object Describe(IndicatorRule rule) => new { numerator = rule.Numerator.ToString(), denominator = rule.Denominator?.ToString() };

    public async Task<YearRule> RestoreRuleAsync(Caller caller, int year, string code, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah pohon kinerja");
        var checks = new InputChecks();
        checks.Year("year", year);
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        checks.ThrowIfFailed();

        var restored = CascadeTree.DefaultRule(indicator!);
        return await _unit.RunAsync(async () =>
        {
            await _closures.CheckYearOpenAsync(checks, "year", year, "pohon kinerja", cancellationToken);
            // Restoring one rule may close a cycle with the year's other changes.
            var tree = await _trees.TreeOfYearAsync(year, cancellationToken);
            checks.Add(tree.Validate(restored, _directory));
            checks.ThrowIfFailed();
            await _trees.RestoreDefaultAsync(year, indicator!.Code, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("aturan pohon kinerja dipulihkan", indicator.Unit, indicator.Code, year, null,
                Describe(tree.Rule(indicator.Code)), Describe(restored)), cancellationToken);
            return ToYearRule(year, indicator, tree.With(restored));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<YearRule>> RestoreTreeAsync(Caller caller, int year, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah pohon kinerja");
        var checks = new InputChecks();
        checks.Year("year", year);
        checks.ThrowIfFailed();
        await _unit.RunAsync(async () =>
        {
            await _closures.CheckYearOpenAsync(checks, "year", year, "pohon kinerja", cancellationToken);
            checks.ThrowIfFailed();
            var dropped = await _trees.RestoreDefaultAsync(year, null, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("pohon kinerja dipulihkan", null, null, year, null,
                new { changes = dropped }, new { changes = 0 }), cancellationToken);
            return dropped;
        }, cancellationToken);
        return await TreeAsync(year, cancellationToken);
    }

    public async Task<IndicatorDefinition> SetPolarityAsync(Caller caller, string code, bool lessIsBetter, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah polaritas indikator");
        var checks = new InputChecks();
        var indicator = checks.EnabledIndicator("indicator", code, _directory);
        checks.ThrowIfFailed();
        await _unit.RunAsync(async () =>
        {
            var before = await _trees.IsLessIsBetterAsync(indicator!.Code, cancellationToken);
            await _trees.SetLessIsBetterAsync(indicator.Code, lessIsBetter, cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("polaritas diubah", indicator.Unit, indicator.Code, null, null,
                new { lessIsBetter = before }, new { lessIsBetter }), cancellationToken);
            return before;
        }, cancellationToken);
        return indicator!;
    }

    private static YearRule ToYearRule(int year, IndicatorDefinition indicator, CascadeTree tree)
    {
        var rule = tree.Rule(indicator.Code);
        return new YearRule(year, indicator, rule, CascadeTree.IsDefault(indicator, rule));
    }
}
