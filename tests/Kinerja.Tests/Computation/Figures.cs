using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Data;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;

namespace Kinerja.Tests.Computation;

/// <summary>
/// Test data for one year, built in memory: entered realisations, targets, base-data stocks, which modules
/// the host has loaded, the polarity of indicators and changes to the default tree. Every read makes a fresh
/// <see cref="CascadeEvaluator"/> over the real catalog of the six modules; nothing touches a database.
/// </summary>
internal sealed class Figures
{
    public const int Year = 2025;

    public const string Cascade = "Cascade";
    public const string Sekretariat = "Sekretariat";
    public const string Rehabilitasi = "Rehabilitasi";
    public const string Linjamsos = "Linjamsos";
    public const string Pemberdayaan = "Pemberdayaan";
    public const string UptLbk = "UptLbk";

    /// <summary>The modules beside the tests, found as the host finds them, once: each parses its embedded catalog on first use.</summary>
    public static readonly IReadOnlyList<KinerjaModule> AllModules = ModuleDiscovery.Find();

    private readonly List<RealizationEntry> _realizations = [];
    private readonly List<TargetEntry> _targets = [];
    private readonly List<BaseMeasureEntry> _stocks = [];
    private readonly HashSet<string> _lessIsBetter = new(StringComparer.Ordinal);
    private readonly List<IndicatorRule> _changedRules = [];
    private readonly Dictionary<string, TargetReading> _readings = new(StringComparer.Ordinal);
    private HashSet<string>? _enabled;

    /// <summary>A directory of the six modules with every module enabled.</summary>
    public static ModuleDirectory AllEnabled() => DirectoryOf(AllModules.Select(m => m.Name).ToArray());

    /// <summary>A directory that knows the six modules but has loaded only <paramref name="enabled"/>.</summary>
    public static ModuleDirectory DirectoryOf(params string[] enabled) =>
        new(AllModules.Select(m => new ModuleEntry(m.Name, enabled.Contains(m.Name), m.Catalog)));

    /// <summary>A COUNT's value for one triwulan (it travels as the numerator).</summary>
    public Figures Count(string indicator, int quarter, double value)
    {
        _realizations.Add(new RealizationEntry(indicator, Year, quarter, value, null));
        return this;
    }

    /// <summary>An entered PERCENT's numerator and denominator for one triwulan.</summary>
    public Figures Percent(string indicator, int quarter, double? numerator, double? denominator)
    {
        _realizations.Add(new RealizationEntry(indicator, Year, quarter, numerator, denominator));
        return this;
    }

    public Figures QuarterTarget(string indicator, int quarter, double value)
    {
        _targets.Add(new TargetEntry(indicator, Year, quarter, value));
        return this;
    }

    /// <summary>The same target for each of the four triwulan.</summary>
    public Figures QuarterTargets(string indicator, double eachQuarter)
    {
        for (var q = 1; q <= 4; q++)
        {
            QuarterTarget(indicator, q, eachQuarter);
        }
        return this;
    }

    public Figures AnnualTarget(string indicator, double value)
    {
        _targets.Add(new TargetEntry(indicator, Year, null, value));
        return this;
    }

    /// <summary>A base-data stock as recorded at the end of a triwulan.</summary>
    public Figures Stock(string measure, int quarter, double value)
    {
        _stocks.Add(new BaseMeasureEntry(measure, Year, quarter, value));
        return this;
    }

    /// <summary>Reads the indicator's targets this way this year, instead of its default reading.</summary>
    public Figures Reading(string indicator, TargetReading reading)
    {
        _readings[indicator] = reading;
        return this;
    }

    /// <summary>Marks an indicator as one where less is better.</summary>
    public Figures LessIsBetter(string indicator)
    {
        _lessIsBetter.Add(indicator);
        return this;
    }

    /// <summary>The host loads only these modules; the others stay known, but disabled.</summary>
    public Figures OnlyModules(params string[] modules)
    {
        _enabled = modules.ToHashSet(StringComparer.Ordinal);
        return this;
    }

    /// <summary>Replaces an indicator's rule in this year's tree (the default tree otherwise).</summary>
    public Figures Rule(string indicator, string numerator, string? denominator)
    {
        _changedRules.Add(new IndicatorRule(indicator, PartRule.Parse(numerator),
            denominator is null ? null : PartRule.Parse(denominator)));
        return this;
    }

    public ModuleDirectory Directory() =>
        _enabled is null ? AllEnabled() : DirectoryOf(_enabled.ToArray());

    public CascadeEvaluator Evaluator()
    {
        var directory = Directory();
        var tree = CascadeTree.Default(directory);
        foreach (var rule in _changedRules)
        {
            tree = tree.With(rule);
        }
        // Only the enabled modules' stores are read by the host; a disabled module contributes no figures.
        var data = new IndicatorYearData(_realizations.ToList(), _targets.ToList(), _stocks.ToList());
        var lessIsBetter = _lessIsBetter.ToHashSet(StringComparer.Ordinal);
        var readings = new TargetReadings(Year, _readings.ToDictionary(), directory);
        return new CascadeEvaluator(tree, directory, new YearFigures(Year, [data], new YearTargets([data], readings.Of, new Dictionary<string, double?>())),
            new AchievementRules(AchievementRules.DefaultBands), code => lessIsBetter.Contains(code));
    }

    /// <summary>One triwulan on its own.</summary>
    public IndicatorValue Quarter(string indicator, int quarter) =>
        Evaluator().Evaluate(indicator, Period.OfQuarter(Year, quarter));

    /// <summary>1 January through the end of the triwulan.</summary>
    public IndicatorValue Through(string indicator, int quarter) =>
        Evaluator().Evaluate(indicator, Period.ThroughQuarter(Year, quarter));

    /// <summary>The whole year.</summary>
    public IndicatorValue WholeYear(string indicator) =>
        Evaluator().Evaluate(indicator, Period.OfYear(Year));
}

/// <summary>Assertions on a computed value, with a tolerance for floating-point arithmetic.</summary>
internal static class Expect
{
    private const double Tolerance = 1e-9;

    public static void Near(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value, Tolerance);
    }

    /// <summary>An OK value with its working.</summary>
    public static void Ok(IndicatorValue value, double expected, double numerator, double? denominator)
    {
        Assert.Equal(ValueStatus.Ok, value.Status);
        Near(expected, value.Value);
        Near(numerator, value.Numerator);
        if (denominator is { } d)
        {
            Near(d, value.Denominator);
        }
        else
        {
            Assert.Null(value.Denominator);
        }
    }

    /// <summary>A value that is not a number: null, never NaN or infinity.</summary>
    public static void NoValue(IndicatorValue value, ValueStatus status)
    {
        Assert.Equal(status, value.Status);
        Assert.Null(value.Value);
        Assert.Null(value.Achievement);
        Assert.Null(value.Predicate);
    }

    public static string[] Codes(IndicatorValue value) =>
        value.Contributions.Select(c => c.Indicator.Code).ToArray();
}
