using Kinerja.Shared.Catalog;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Cascade.Tree;

/// <summary>
/// The pohon kinerja of one year: a rule for every indicator, and the parent and child links they make.
/// </summary>
internal sealed class CascadeTree
{
    private readonly Dictionary<string, IndicatorRule> _rules;
    private readonly Dictionary<string, List<string>> _parents;

    public CascadeTree(IEnumerable<IndicatorRule> rules)
    {
        _rules = rules.ToDictionary(r => r.Indicator, StringComparer.Ordinal);
        _parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in _rules.Values)
        {
            foreach (var child in rule.Children)
            {
                if (!_parents.TryGetValue(child, out var list))
                {
                    _parents[child] = list = [];
                }
                list.Add(rule.Indicator);
            }
        }
    }

    /// <summary>The tree of the catalog's rollup columns, the default of every year.</summary>
    public static CascadeTree Default(ModuleDirectory directory) =>
        new(directory.AllIndicators.Select(DefaultRule));

    public static IndicatorRule DefaultRule(IndicatorDefinition indicator) => new(
        indicator.Code,
        PartRule.Parse(indicator.RollupNumerator),
        indicator.RollupDenominator is null ? null : PartRule.Parse(indicator.RollupDenominator));

    public static bool IsDefault(IndicatorDefinition indicator, IndicatorRule rule)
    {
        var standard = DefaultRule(indicator);
        return standard.Numerator.Equals(rule.Numerator) && Equals(standard.Denominator, rule.Denominator);
    }

    public IReadOnlyCollection<IndicatorRule> Rules => _rules.Values;

    public IndicatorRule Rule(string indicator) => _rules[indicator];

    public IReadOnlyList<string> Children(string indicator) =>
        _rules.TryGetValue(indicator, out var rule) ? rule.Children : [];

    public IReadOnlyList<string> Parents(string indicator) =>
        _parents.TryGetValue(indicator, out var list) ? list : [];

    public CascadeTree With(IndicatorRule rule) =>
        new(_rules.Values.Where(r => r.Indicator != rule.Indicator).Append(rule));

    /// <summary>
    /// Checks a rule against the catalog and the rest of the tree. Returns the fields it is refused for and
    /// why, in Bahasa Indonesia; none when it may be stored.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(IndicatorRule rule, ModuleDirectory directory)
    {
        var errors = new List<FieldError>();
        var indicator = directory.FindIndicator(rule.Indicator);
        if (indicator is null)
        {
            errors.Add(new("indicator", $"indikator '{rule.Indicator}' tidak dikenal"));
            return errors;
        }

        if (rule.Numerator.Source is not (PartSource.Input or PartSource.Sum))
        {
            errors.Add(new("numerator", $"pembilang hanya boleh input atau sum:…, bukan '{rule.Numerator}'"));
        }
        if (indicator.Kind == IndicatorKind.Count && rule.Denominator is not null)
        {
            errors.Add(new("denominator", $"{indicator.Code} adalah indikator jumlah dan tidak mempunyai penyebut"));
        }
        if (indicator.Kind == IndicatorKind.Percent && rule.Denominator is null)
        {
            errors.Add(new("denominator", $"{indicator.Code} adalah indikator persentase dan memerlukan aturan penyebut"));
        }
        if (rule.Denominator is { Source: PartSource.Sum })
        {
            errors.Add(new("denominator", "penyebut tidak boleh sum:…; gunakan input, den:…, target:… atau base:…"));
        }

        foreach (var (field, part) in new[] { ("numerator", rule.Numerator), ("denominator", rule.Denominator) })
        {
            foreach (var code in part?.Indicators ?? [])
            {
                if (directory.FindIndicator(code) is null)
                {
                    errors.Add(new(field, $"indikator '{code}' tidak dikenal"));
                }
            }
        }
        if (rule.Denominator is { Source: PartSource.Den } den)
        {
            foreach (var code in den.Codes)
            {
                if (directory.FindIndicator(code) is { Kind: IndicatorKind.Count })
                {
                    errors.Add(new("denominator", $"den:{code} tidak mungkin: {code} adalah indikator jumlah tanpa penyebut"));
                }
            }
        }
        if (rule.Denominator is { Source: PartSource.Base } stock && directory.FindBaseMeasure(stock.Codes[0]) is null)
        {
            errors.Add(new("denominator", $"data dasar '{stock.Codes[0]}' tidak dikenal"));
        }
        if (errors.Count == 0 && With(rule).FindCycle(rule.Indicator) is { } cycle)
        {
            errors.Add(new(rule.Numerator.Indicators.Contains(cycle[1]) ? "numerator" : "denominator", $"aturan membentuk siklus: {string.Join(" → ", cycle)}"));
        }
        return errors;
    }

    /// <summary>A path from <paramref name="start"/> back to itself, if the tree has one.</summary>
    public IReadOnlyList<string>? FindCycle(string start)
    {
        var path = new List<string> { start };
        var done = new HashSet<string>(StringComparer.Ordinal);
        return Walk(start) ? path : null;

        bool Walk(string code)
        {
            foreach (var child in Children(code))
            {
                if (child == start)
                {
                    path.Add(child);
                    return true;
                }
                if (!done.Add(child))
                {
                    continue;
                }
                path.Add(child);
                if (Walk(child))
                {
                    return true;
                }
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
    }
}
