using Kinerja.Modules.Cascade.Targets;
using Kinerja.Shared.Data;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Computation;

/// <summary>Everything every enabled module recorded for one year, indexed for the evaluator.</summary>
internal sealed class YearFigures
{
    private readonly Dictionary<string, RealizationEntry?[]> _realizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?[]> _stocks = new(StringComparer.Ordinal);
    private readonly YearTargets _targets;

    /// <param name="targets">The year's targets, kept with the reading of the year.</param>
    /// <param name="verifiedOnly">Leave out entered realisations that are not yet DIVERIFIKASI.</param>
    public YearFigures(int year, IEnumerable<IndicatorYearData> data, YearTargets targets, bool verifiedOnly = false)
    {
        Year = year;
        _targets = targets;
        foreach (var part in data)
        {
            foreach (var r in part.Realizations.Where(r => !verifiedOnly || r.State == VerificationState.Diverifikasi))
            {
                Slots(_realizations, r.Indicator, 4)[r.Quarter - 1] = r;
            }
            foreach (var s in part.BaseMeasures)
            {
                Slots(_stocks, s.Measure, 4)[s.Quarter - 1] = s.Value;
            }
        }
    }

    public int Year { get; }

    /// <summary>An entered part as a flow: the sum of the period's triwulan that have an entry.</summary>
    public double? EnteredSum(string indicator, Period period, bool denominator)
    {
        if (!_realizations.TryGetValue(indicator, out var quarters))
        {
            return null;
        }
        double? sum = null;
        for (var q = period.FirstQuarter; q <= period.LastQuarter; q++)
        {
            var amount = denominator ? quarters[q - 1]?.Denominator : quarters[q - 1]?.Numerator;
            if (amount is { } a)
            {
                sum = (sum ?? 0) + a;
            }
        }
        return sum;
    }

    /// <summary>
    /// Where the period's entries of an indicator stand: DIKEMBALIKAN if any was returned, DIVERIFIKASI if all
    /// were verified, DIAJUKAN otherwise; null when it has none.
    /// </summary>
    public string? VerificationOf(string indicator, Period period)
    {
        if (!_realizations.TryGetValue(indicator, out var quarters))
        {
            return null;
        }
        var states = Enumerable.Range(period.FirstQuarter, period.LastQuarter - period.FirstQuarter + 1)
            .Select(q => quarters[q - 1]?.State)
            .OfType<string>()
            .ToList();
        if (states.Count == 0)
        {
            return null;
        }
        return states.Contains(VerificationState.Dikembalikan) ? VerificationState.Dikembalikan
            : states.All(s => s == VerificationState.Diverifikasi) ? VerificationState.Diverifikasi
            : VerificationState.Diajukan;
    }

    /// <summary>The period's target, read by the indicator's target reading; null when it has none.</summary>
    public double? Target(string indicator, Period period) => TargetsOf(indicator).For(period);

    /// <summary>What is wrong with the indicator's quarterly targets against its annual one; null when nothing is.</summary>
    public string? TargetWarning(string indicator) => TargetsOf(indicator).Warning();

    /// <summary>The year's targets of an indicator as read (<see cref="YearTargets.Of"/>).</summary>
    public TargetSet TargetsOf(string indicator) => _targets.Of(indicator);

    /// <summary>A stock is not a flow: the latest value recorded at or before the period's last triwulan.</summary>
    public double? Stock(string measure, Period period)
    {
        if (!_stocks.TryGetValue(measure, out var quarters))
        {
            return null;
        }
        for (var q = period.LastQuarter; q >= 1; q--)
        {
            if (quarters[q - 1] is { } value)
            {
                return value;
            }
        }
        return null;
    }

    private static T[] Slots<T>(Dictionary<string, T[]> map, string key, int size)
    {
        if (!map.TryGetValue(key, out var slots))
        {
            map[key] = slots = new T[size];
        }
        return slots;
    }
}
