using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Shared.Formatting;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.Reports;

/// <summary>The figures of every enabled indicator for one period, and where they come from.</summary>
internal sealed record FigureSet(Period Period, IReadOnlyDictionary<string, IndicatorValue> Values, bool Final, string Provenance)
{
    public IndicatorValue? Of(string code) => Values.GetValueOrDefault(code);
}

/// <summary>
/// Figures for reports, read as the API reads them: a period that ends in a closed triwulan from the snapshot
/// revision that closed it, anything still open from the live figures, marked provisional (sementara).
/// </summary>
internal sealed class ReportFigures
{
    private readonly ModuleDirectory _directory;
    private readonly IndicatorReads _indicators;

    public ReportFigures(ModuleDirectory directory, IndicatorReads indicators)
    {
        _directory = directory;
        _indicators = indicators;
    }

    public async Task<IReadOnlyList<FigureSet>> ForAsync(IReadOnlyList<Period> periods, CancellationToken cancellationToken)
    {
        var sets = new FigureSet?[periods.Count];
        var live = new List<int>();
        for (var i = 0; i < periods.Count; i++)
        {
            sets[i] = await FrozenAsync(periods[i], cancellationToken);
            if (sets[i] is null)
            {
                live.Add(i);
            }
        }
        foreach (var year in live.GroupBy(i => periods[i].Year))
        {
            var evaluator = await _indicators.EvaluatorAsync(year.Key, year.Select(i => periods[i]).ToList(), cancellationToken);
            foreach (var i in year)
            {
                sets[i] = Live(evaluator, periods[i]);
            }
        }
        return sets.Select(s => s!).ToList();
    }

    // A period is frozen once a rollup closed its last triwulan: the report reads that revision, as the API does.
    private async Task<FigureSet?> FrozenAsync(Period period, CancellationToken cancellationToken)
    {
        if (await _indicators.FrozenAsync(period, cancellationToken) is not { } frozen)
        {
            return null;
        }
        var which = period.Quarter is null ? $"snapshot triwulan {IndonesianFormat.Roman(frozen.Quarter)} revisi" : "snapshot revisi";
        return new FigureSet(period, frozen.Values, true,
            $"{Label(period)}: final, dari {which} {frozen.Revision} yang dibekukan {IndonesianFormat.DateTime(frozen.CreatedAt)}");
    }

    private FigureSet Live(CascadeEvaluator evaluator, Period period) =>
        new(period, _directory.Indicators.ToDictionary(i => i.Code, i => evaluator.Evaluate(i.Code, period), StringComparer.Ordinal), false,
            $"{Label(period)}: SEMENTARA, dihitung dari angka terkini (triwulan {IndonesianFormat.Roman(period.LastQuarter)} belum ditutup)");

    public static string Label(Period period) => period.Quarter switch
    {
        null => $"Tahun {period.Year}",
        { } q when period.Cumulative && q > 1 => $"s.d. Triwulan {IndonesianFormat.Roman(q)} {period.Year}",
        { } q => $"Triwulan {IndonesianFormat.Roman(q)} {period.Year}",
    };
}
