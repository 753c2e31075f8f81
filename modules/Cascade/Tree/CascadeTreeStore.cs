using Kinerja.Modules.Cascade.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Cascade.Tree;

/// <summary>
/// The tree of each year: the catalog's default with that year's stored changes on top. Changing one
/// year's tree never touches another's.
/// </summary>
internal sealed class CascadeTreeStore
{
    private readonly ModuleDirectory _directory;
    private readonly Func<CascadeDbContext> _createContext;
    private readonly TimeProvider _clock;
    private readonly CascadeTree _default;
    private readonly SettledReads _settled;
    private readonly VersionKept<bool, IReadOnlySet<string>> _lessIsBetter;

    public CascadeTreeStore(ModuleDirectory directory, Func<CascadeDbContext> createContext, TimeProvider clock, IDataVersion version,
        SettledReads settled)
    {
        _settled = settled;
        _directory = directory;
        _createContext = createContext;
        _clock = clock;
        _lessIsBetter = new VersionKept<bool, IReadOnlySet<string>>(version);
        _default = CascadeTree.Default(directory);
    }

    public CascadeTree DefaultTree => _default;

    public Task<CascadeTree> TreeOfYearAsync(int year, CancellationToken cancellationToken) =>
        _settled.ReadAsync($"tree/{year}", () => ReadTreeOfYearAsync(year, cancellationToken));

    private async Task<CascadeTree> ReadTreeOfYearAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var overrides = await db.RuleOverrides.AsNoTracking().Where(r => r.Year == year).ToListAsync(cancellationToken);
        var tree = _default;
        foreach (var o in overrides)
        {
            tree = tree.With(new IndicatorRule(
                o.Indicator, PartRule.Parse(o.Numerator), o.Denominator is null ? null : PartRule.Parse(o.Denominator)));
        }
        return tree;
    }

    /// <summary>Stores a year's rule for an indicator. The caller has validated it against that year's tree.</summary>
    public async Task SaveRuleAsync(int year, IndicatorRule rule, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        var record = await db.RuleOverrides.SingleOrDefaultAsync(r => r.Year == year && r.Indicator == rule.Indicator, cancellationToken);
        // A rule equal to the default is no change: the year's tree simply follows the catalog again.
        if (_directory.FindIndicator(rule.Indicator) is { } indicator && CascadeTree.IsDefault(indicator, rule))
        {
            if (record is not null)
            {
                db.RuleOverrides.Remove(record);
            }
        }
        else
        {
            if (record is null)
            {
                record = new RuleOverrideRecord { Year = year, Indicator = rule.Indicator, Numerator = "" };
                db.RuleOverrides.Add(record);
            }
            record.Numerator = rule.Numerator.ToString();
            record.Denominator = rule.Denominator?.ToString();
            record.ChangedAt = _clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Drops a year's changes: of one indicator, or of the whole tree when none is named.</summary>
    public async Task<int> RestoreDefaultAsync(int year, string? indicator, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        return await db.RuleOverrides
            .Where(r => r.Year == year && (indicator == null || r.Indicator == indicator))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The indicators marked less-is-better, kept for the data version they were read at.</summary>
    public Task<IReadOnlySet<string>> LessIsBetterAsync(CancellationToken cancellationToken) =>
        _lessIsBetter.ReadAsync(true, () => ReadLessIsBetterAsync(cancellationToken), cancellationToken);

    /// <summary>The indicators marked less-is-better, as stored now.</summary>
    public async Task<IReadOnlySet<string>> ReadLessIsBetterAsync(CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        var codes = await db.Polarities.AsNoTracking().Where(p => p.LessIsBetter).Select(p => p.Indicator).ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>As stored, not as kept: read inside the change that sets it.</summary>
    public async Task<bool> IsLessIsBetterAsync(string indicator, CancellationToken cancellationToken)
    {
        await using var db = _createContext();
        return await db.Polarities.AsNoTracking().AnyAsync(p => p.Indicator == indicator && p.LessIsBetter, cancellationToken);
    }

    public async Task SetLessIsBetterAsync(string indicator, bool lessIsBetter, CancellationToken cancellationToken)
    {
        SettledReads.Changing();
        await using var db = _createContext();
        var record = await db.Polarities.SingleOrDefaultAsync(p => p.Indicator == indicator, cancellationToken);
        if (record is null)
        {
            db.Polarities.Add(new PolarityRecord { Indicator = indicator, LessIsBetter = lessIsBetter });
        }
        else
        {
            record.LessIsBetter = lessIsBetter;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
