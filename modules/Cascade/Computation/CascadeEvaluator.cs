using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Computation;

/// <summary>
/// Computes indicator values of one year from the recorded figures and that year's tree. A rolled-up
/// percentage is always its summed numerator over its summed denominator, never an average.
/// Each (indicator, period) is computed once per evaluator.
/// </summary>
internal sealed class CascadeEvaluator
{
    private readonly CascadeTree _tree;
    private readonly ModuleDirectory _directory;
    private readonly YearFigures _figures;
    private readonly AchievementRules _achievement;
    private readonly Func<string, bool> _lessIsBetter;
    private readonly RegisterFigures _registers;
    private readonly string? _kecamatan;
    private readonly Dictionary<(string, Period), IndicatorValue> _memo = new();
    private readonly HashSet<(string, Period)> _inProgress = new();
    private readonly SortedSet<string> _entered = new(StringComparer.Ordinal);

    public CascadeEvaluator(
        CascadeTree tree,
        ModuleDirectory directory,
        YearFigures figures,
        AchievementRules achievement,
        Func<string, bool> lessIsBetter,
        RegisterFigures? registers = null,
        string? kecamatan = null)
    {
        _tree = tree;
        _directory = directory;
        _figures = figures;
        _achievement = achievement;
        _lessIsBetter = lessIsBetter;
        _registers = registers ?? RegisterFigures.None;
        _kecamatan = kecamatan;
    }

    /// <summary>The kecamatan the figures are for; null for the whole kabupaten.</summary>
    public string? Kecamatan => _kecamatan;

    /// <summary>
    /// With a kecamatan: the entered codes the values met, which have no kecamatan and so cannot be broken down.
    /// </summary>
    public IReadOnlyCollection<string> EnteredCodes => _entered;

    public IndicatorValue Evaluate(string code, Period period)
    {
        if (period.Year != _figures.Year)
        {
            throw new ArgumentException($"Evaluator tahun {_figures.Year} tidak menghitung {period}.", nameof(period));
        }
        var key = (code, period);
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }
        if (!_inProgress.Add(key))
        {
            throw new InvalidOperationException($"Pohon kinerja {period.Year} memuat siklus di {code}.");
        }
        var value = Compute(_directory.FindIndicator(code)
            ?? throw new KeyNotFoundException($"Indikator '{code}' tidak dikenal."), period);
        _inProgress.Remove(key);
        _memo[key] = value;
        return value;
    }

    private IndicatorValue Compute(IndicatorDefinition indicator, Period period)
    {
        var rule = _tree.Rule(indicator.Code);
        if (!_directory.IsEnabled(indicator.Module))
        {
            return new IndicatorValue(indicator, period, rule, Amount.DisabledPart,
                rule.Denominator is null ? Amount.None : Amount.DisabledPart, Amount.DisabledPart,
                null, null, null, ValueStatus.ModuleDisabled, [], null, null, _kecamatan);
        }

        var contributions = rule.Children.Select(child => Evaluate(child, period)).ToList();
        var numerator = Part(indicator, rule.Numerator, period, denominator: false);
        var denominator = rule.Denominator is null ? Amount.None : Part(indicator, rule.Denominator, period, denominator: true);

        ValueStatus status;
        double? value = null;
        if (numerator.Disabled || denominator.Disabled)
        {
            status = ValueStatus.ModuleDisabled;
        }
        else if (indicator.Kind == IndicatorKind.Count)
        {
            status = numerator.Value is null ? ValueStatus.NoData : ValueStatus.Ok;
            value = numerator.Value;
        }
        else if (numerator.Value is null || denominator.Value is null)
        {
            status = ValueStatus.NoData;
        }
        else if (denominator.Value == 0)
        {
            status = ValueStatus.Undefined;
        }
        else
        {
            status = ValueStatus.Ok;
            value = numerator.Value / denominator.Value * 100;
        }

        // Targets are set for the kabupaten; a kecamatan's figure has none to be measured against.
        var target = _kecamatan is null ? _figures.Target(indicator.Code, period) : null;
        var achievement = status == ValueStatus.Ok
            ? AchievementRules.Achievement(value, target, _lessIsBetter(indicator.Code))
            : null;
        return new IndicatorValue(indicator, period, rule, numerator, denominator, Amount.Of(target),
            value, achievement, _achievement.Predicate(achievement), status, contributions,
            SourceOf(indicator.Code, rule.Numerator), rule.Denominator is null ? null : SourceOf(indicator.Code, rule.Denominator), _kecamatan,
            Verification(indicator.Code, rule, period), _kecamatan is null ? _figures.TargetWarning(indicator.Code) : null);
    }

    // Only typed figures go through verification; rollups and register counts carry no state of their own.
    private string? Verification(string code, IndicatorRule rule, Period period) =>
        rule.IsEntered && _registers.SourceOf(code) == ValueSource.Entered ? _figures.VerificationOf(code, period) : null;

    private ValueSource? SourceOf(string code, PartRule rule) => rule.Source switch
    {
        PartSource.Input => _registers.SourceOf(code),
        PartSource.Base => _registers.SourceOf(rule.Codes[0]),
        _ => null,
    };

    private Amount Part(IndicatorDefinition indicator, PartRule rule, Period period, bool denominator) => rule.Source switch
    {
        PartSource.Input => Entered(indicator.Code, period, denominator),
        PartSource.Sum => SumOver(rule.Codes, period, v => v.NumeratorPart),
        PartSource.Den => SumOver(rule.Codes, period, v => v.DenominatorPart),
        PartSource.Target => SumOver(rule.Codes, period, v => v.TargetPart),
        _ => Stock(rule.Codes[0], period),
    };

    // Children without data add nothing; if none has data, nothing is recorded. A child's part that
    // depends on a disabled module makes the whole sum unknown: a partial figure must not pass for a whole one.
    private Amount SumOver(IEnumerable<string> codes, Period period, Func<IndicatorValue, Amount> part)
    {
        double? sum = null;
        foreach (var code in codes)
        {
            var amount = part(Evaluate(code, period));
            if (amount.Disabled)
            {
                return Amount.DisabledPart;
            }
            if (amount.Value is { } a)
            {
                sum = (sum ?? 0) + a;
            }
        }
        return Amount.Of(sum);
    }

    private Amount Entered(string code, Period period, bool denominator)
    {
        if (_registers.SourceOf(code) == ValueSource.Register)
        {
            return _registers.Served(code, period, _kecamatan);
        }
        if (_kecamatan is not null)
        {
            _entered.Add(code);
            return Amount.None;
        }
        return Amount.Of(_figures.EnteredSum(code, period, denominator));
    }

    private Amount Stock(string measure, Period period)
    {
        var definition = _directory.FindBaseMeasure(measure);
        if (definition is null || !_directory.IsEnabled(definition.Module))
        {
            return Amount.DisabledPart;
        }
        if (_registers.SourceOf(measure) == ValueSource.Register)
        {
            return _registers.Stock(measure, period, _kecamatan);
        }
        if (_kecamatan is not null)
        {
            _entered.Add(measure);
            return Amount.None;
        }
        return Amount.Of(_figures.Stock(measure, period));
    }
}
