using Kinerja.Shared.Data;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Computation;

/// <summary>Everything every enabled module recorded for one year, indexed for the evaluator.</summary>
internal sealed class YearFigures
{
    private readonly Dictionary<string, RealizationEntry?[]> _realizations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?[]> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double?[]> _stocks = new(StringComparer.Ordinal);

    /// <param name="verifiedOnly">Leave out entered realisations that are not yet DIVERIFIKASI.</param>
    public YearFigures(int year, IEnumerable<IndicatorYearData> data, bool verifiedOnly = false)
    {
        Year = year;
        foreach (var part in data)
        {
            foreach (var r in part.Realizations.Where(r => !verifiedOnly || r.State == VerificationState.Diverifikasi))
            {
                Slots(_realizations, r.Indicator, 4)[r.Quarter - 1] = r;
            }
            foreach (var t in part.Targets)
            {
                Slots(_targets, t.Indicator, 5)[t.Quarter ?? 0] = t.Value;
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

    /// <summary>
    /// A triwulan's target is its own; a year's the annual target, failing it the sum of the triwulan
    /// targets; a cumulative period's the sum of the triwulan targets through its last triwulan.
    /// </summary>
    public double? Target(string indicator, Period period)
    {
        if (!_targets.TryGetValue(indicator, out var targets))
        {
            return null;
        }
        if (period.Quarter is null && targets[0] is { } annual)
        {
            return annual;
        }
        double? sum = null;
        for (var q = period.FirstQuarter; q <= period.LastQuarter; q++)
        {
            if (targets[q] is { } t)
            {
                sum = (sum ?? 0) + t;
            }
        }
        return sum;
    }

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
