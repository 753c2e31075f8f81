using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Rollup;
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
/// Figures for reports, computed as the API computes them: a closed triwulan from the snapshot revision
/// that closed it, anything still open from the live figures, marked provisional (sementara).
/// </summary>
internal sealed class ReportFigures
{
    private readonly ModuleDirectory _directory;
    private readonly IndicatorReads _indicators;
    private readonly RollupService _rollups;
    private readonly QuarterClosures _closures;

    public ReportFigures(ModuleDirectory directory, IndicatorReads indicators, RollupService rollups, QuarterClosures closures)
    {
        _directory = directory;
        _indicators = indicators;
        _rollups = rollups;
        _closures = closures;
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
                sets[i] = await LiveAsync(evaluator, periods[i], cancellationToken);
            }
        }
        return sets.Select(s => s!).ToList();
    }

    // A triwulan, or the period through it, is frozen once a rollup closed it: the report reads that revision.
    private async Task<FigureSet?> FrozenAsync(Period period, CancellationToken cancellationToken)
    {
        if (period.Quarter is not { } quarter)
        {
            return null;
        }
        var state = await _closures.StateAsync(period.Year, quarter, cancellationToken);
        if (!state.Closed || state.Revision is not { } revision)
        {
            return null;
        }
        var snapshot = (await _rollups.SnapshotsAsync(period.Year, quarter, cancellationToken)).Single(s => s.Revision == revision);
        var values = snapshot.Values.Where(v => v.Period.Cumulative == period.Cumulative)
            .ToDictionary(v => v.Indicator.Code, StringComparer.Ordinal);
        return new FigureSet(period, values, true,
            $"{Label(period)}: final, dari snapshot revisi {revision} yang dibekukan {IndonesianFormat.DateTime(snapshot.CreatedAt)}");
    }

    private async Task<FigureSet> LiveAsync(CascadeEvaluator evaluator, Period period, CancellationToken cancellationToken)
    {
        var values = _directory.Indicators.ToDictionary(i => i.Code, i => evaluator.Evaluate(i.Code, period), StringComparer.Ordinal);
        if (period.Quarter is { } last)
        {
            return new FigureSet(period, values, false,
                $"{Label(period)}: SEMENTARA, dihitung dari angka terkini (triwulan {IndonesianFormat.Roman(last)} belum ditutup)");
        }
        // A year has no snapshot of its own: its figures are final once all its triwulan are closed to entry.
        var open = new List<string>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            if (!(await _closures.StateAsync(period.Year, quarter, cancellationToken)).Closed)
            {
                open.Add(IndonesianFormat.Roman(quarter));
            }
        }
        return open.Count == 0
            ? new FigureSet(period, values, true, $"{Label(period)}: final, keempat triwulan sudah ditutup")
            : new FigureSet(period, values, false,
                $"{Label(period)}: SEMENTARA, dihitung dari angka terkini (triwulan {string.Join(", ", open)} belum ditutup)");
    }

    public static string Label(Period period) => period.Quarter switch
    {
        null => $"Tahun {period.Year}",
        { } q when period.Cumulative && q > 1 => $"s.d. Triwulan {IndonesianFormat.Roman(q)} {period.Year}",
        { } q => $"Triwulan {IndonesianFormat.Roman(q)} {period.Year}",
    };
}
