using Kinerja.Shared.Catalog;
using Kinerja.Shared.Periods;

namespace Kinerja.Tests.Computation;

/// <summary>How a target is read, as the spec words it: amounts per triwulan, levels to reach, or a rate.</summary>
internal enum ModelReading { Amounts, Levels, Rate }

/// <summary>
/// The spec's rule of targets, achievement and predicate, written from the spec alone for the tests to check the
/// code against: it shares nothing with the code's own rule.
/// </summary>
internal static class TargetModel
{
    // The spec: a COUNT's quarterly targets are amounts; a percentage over a base-data stock in the catalog's own rollup, levels; the rest, rates.
    public static ModelReading DefaultReading(IndicatorDefinition indicator) =>
        indicator.Kind == IndicatorKind.Count ? ModelReading.Amounts
        : indicator.RollupDenominator?.StartsWith("base:", StringComparison.Ordinal) == true ? ModelReading.Levels
        : ModelReading.Rate;

    public static IEnumerable<(Period Period, int? Quarter, bool Cumulative)> AllPeriods()
    {
        for (var q = 1; q <= 4; q++)
        {
            yield return (Period.OfQuarter(Figures.Year, q), q, false);
            yield return (Period.ThroughQuarter(Figures.Year, q), q, true);
        }
        yield return (Period.OfYear(Figures.Year), null, true);
    }

    /// <summary>The spec's rule, written from the spec: what each kind of period asks of the typed targets.</summary>
    public static double? Target(ModelReading reading, double? annual, double?[] t, int? quarter, bool cumulative)
    {
        var last = quarter ?? 4;
        double? Typed(int q) => t[q - 1];
        // The year (and "s.d. TW IV", the same period): the annual target first.
        if (cumulative && last == 4 && annual is not null)
        {
            return annual;
        }
        if (reading == ModelReading.Amounts)
        {
            // Amounts add up over a cumulative period; a triwulan alone is its own amount.
            var needed = cumulative ? Enumerable.Range(1, last).Select(Typed).ToList() : [Typed(last)];
            return needed.Any(x => x is null) ? null : needed.Sum();
        }
        if (reading == ModelReading.Levels && !cumulative)
        {
            // A triwulan alone is to gain what its level adds to the level before it.
            return last == 1 ? Typed(1) : Typed(last) is { } now && Typed(last - 1) is { } before ? now - before : null;
        }
        // Levels through a triwulan, and rates of any period, are what was typed for its last triwulan.
        return Typed(last);
    }

    public static bool Warns(ModelReading reading, double? annual, double?[] t)
    {
        const double tolerance = 0.01;
        var disagrees = false;
        if (annual is { } a && reading == ModelReading.Amounts && t.All(x => x is not null))
        {
            disagrees |= Math.Abs(t.Sum()!.Value - a) > tolerance;
        }
        if (annual is { } b && reading != ModelReading.Amounts && t[3] is { } fourth)
        {
            disagrees |= Math.Abs(fourth - b) > tolerance;
        }
        if (reading == ModelReading.Levels)
        {
            var levels = t.OfType<double>().ToList();
            disagrees |= levels.Zip(levels.Skip(1)).Any(p => p.Second < p.First - tolerance);
        }
        return disagrees;
    }

    // Permendagri 86/2017.
    public static string? Predicate(double? achievement) => achievement switch
    {
        null => null,
        >= 91 => "Sangat Tinggi",
        >= 76 => "Tinggi",
        >= 66 => "Sedang",
        >= 51 => "Rendah",
        _ => "Sangat Rendah",
    };

    public static string ApiName(ModelReading reading) => reading switch
    {
        ModelReading.Amounts => "PER_QUARTER",
        ModelReading.Levels => "UP_TO_QUARTER",
        _ => "RATE",
    };
}
