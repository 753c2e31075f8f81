using Kinerja.Shared.Catalog;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Formatting;

namespace Kinerja.Modules.Cascade.Targets;

/// <summary>How an indicator's quarterly targets are read: the spec's "Targets, achievement, predicate".</summary>
internal enum TargetReading
{
    /// <summary>Target per triwulan: each quarter's target is the amount that quarter itself is to achieve.</summary>
    PerQuarter,

    /// <summary>Target s.d. triwulan: each quarter's target is the level to be reached by that quarter's end.</summary>
    UpToQuarter,

    /// <summary>Target tetap per periode: each quarter's target is the rate any period ending with it is to reach.</summary>
    Rate,
}

/// <summary>
/// The targets typed for one indicator and year (annual and the four triwulan, each possibly missing) read by
/// its <see cref="TargetReading"/>: the target of any period, and whether the quarters disagree with the year.
/// </summary>
internal sealed class TargetSet
{
    /// <summary>Quarterly targets that differ from the annual one by no more than this agree with it.</summary>
    public const double Tolerance = 0.01;

    private readonly double?[] _quarters;

    public TargetSet(TargetReading reading, double? annual, IReadOnlyList<double?> quarters)
    {
        if (quarters.Count != 4)
        {
            throw new ArgumentException("Target triwulan harus empat.", nameof(quarters));
        }
        Reading = reading;
        Annual = annual;
        _quarters = [.. quarters];
    }

    public TargetReading Reading { get; }

    public double? Annual { get; }

    /// <summary>The four quarterly targets as typed, null where none was set.</summary>
    public IReadOnlyList<double?> Quarters => _quarters;

    private double? Q(int quarter) => _quarters[quarter - 1];

    /// <summary>
    /// The period's target. A year and "s.d. triwulan IV" are the same period: the annual target, or failing
    /// it the year's value of the quarterly ones. Any quarterly target the period needs that is missing: none.
    /// </summary>
    public double? For(Period period)
    {
        var last = period.LastQuarter;
        if (period.Cumulative && last == 4 && Annual is { } annual)
        {
            return annual;
        }
        return (Reading, period.Cumulative) switch
        {
            (TargetReading.PerQuarter, true) => SumThrough(last),
            (TargetReading.UpToQuarter, false) when last > 1 => Q(last) - Q(last - 1),
            _ => Q(last),
        };
    }

    private double? SumThrough(int last)
    {
        double sum = 0;
        for (var q = 1; q <= last; q++)
        {
            if (Q(q) is not { } t)
            {
                return null;
            }
            sum += t;
        }
        return sum;
    }

    /// <summary>
    /// Where the quarterly targets disagree with the annual one (or, read as levels, fall): stored as typed,
    /// but said, since the annual target decides the year. Null when they agree.
    /// </summary>
    public string? Warning() => (_warning ??= FindWarning() ?? "") is { Length: > 0 } warning ? warning : null;

    // Found once: every period of the indicator asks for it. Empty when there is none.
    private string? _warning;

    private string? FindWarning()
    {
        var problems = new List<string>();
        if (Annual is { } annual)
        {
            if (Reading == TargetReading.PerQuarter && SumThrough(4) is { } sum && Math.Abs(sum - annual) > Tolerance)
            {
                problems.Add($"jumlah target keempat triwulan ({IndonesianFormat.Number(sum)}) tidak sama dengan target tahunan ({IndonesianFormat.Number(annual)})");
            }
            if (Reading != TargetReading.PerQuarter && Q(4) is { } fourth && Math.Abs(fourth - annual) > Tolerance)
            {
                problems.Add($"target triwulan IV ({IndonesianFormat.Number(fourth)}) tidak sama dengan target tahunan ({IndonesianFormat.Number(annual)})");
            }
        }
        if (Reading == TargetReading.UpToQuarter)
        {
            // A level is compared with the latest level set before it: a gap does not hide a fall.
            (int Quarter, double Level)? before = null;
            for (var q = 1; q <= 4; q++)
            {
                if (Q(q) is not { } level)
                {
                    continue;
                }
                if (before is { } b && level < b.Level - Tolerance)
                {
                    problems.Add($"target s.d. triwulan {IndonesianFormat.Roman(q)} ({IndonesianFormat.Number(level)}) lebih rendah dari target s.d. triwulan {IndonesianFormat.Roman(b.Quarter)} ({IndonesianFormat.Number(b.Level)})");
                }
                before = (q, level);
            }
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>
    /// The reading an indicator has unless a year sets another: amounts per triwulan for a COUNT, levels for a
    /// percentage over a base-data stock in the catalog's default tree (coverage that grows through the year),
    /// a rate for every other percentage.
    /// </summary>
    public static TargetReading DefaultOf(IndicatorDefinition indicator) => indicator switch
    {
        { Kind: IndicatorKind.Count } => TargetReading.PerQuarter,
        { RollupDenominator: { } denominator } when denominator.StartsWith("base:", StringComparison.Ordinal) => TargetReading.UpToQuarter,
        _ => TargetReading.Rate,
    };

    /// <summary>The reading's name in the API and the audit trail: PER_QUARTER, UP_TO_QUARTER or RATE.</summary>
    public static string Name(TargetReading reading) => reading switch
    {
        TargetReading.PerQuarter => "PER_QUARTER",
        TargetReading.UpToQuarter => "UP_TO_QUARTER",
        _ => "RATE",
    };

    /// <summary>The reading in the words a SAKIP officer uses.</summary>
    public static string Words(TargetReading reading) => reading switch
    {
        TargetReading.PerQuarter => "target per triwulan",
        TargetReading.UpToQuarter => "target s.d. triwulan",
        _ => "target tetap per periode",
    };
}
