using System.Collections.Concurrent;
using Kinerja.Shared.Data;

namespace Kinerja.Modules.Cascade.Targets;

/// <summary>
/// Every indicator's targets of one year, each read by its reading: the quarterly ones as typed (the Rencana Aksi), the
/// annual one as signed in the unit's established PK, else as typed. Made once per reading of the year and kept with it,
/// so the evaluations of that reading share each indicator's targets and its warning instead of making them again.
/// </summary>
internal sealed class YearTargets
{
    private readonly Dictionary<string, double?[]> _typed = new(StringComparer.Ordinal);
    private readonly Func<string, TargetReading> _readingOf;
    private readonly IReadOnlyDictionary<string, double?> _signedAnnual;
    private readonly ConcurrentDictionary<string, TargetSet> _sets = new(StringComparer.Ordinal);

    /// <param name="readingOf">Each indicator's target reading in this year.</param>
    /// <param name="signedAnnual">The annual targets of the units' latest established PK, which stand over the typed ones.</param>
    public YearTargets(IEnumerable<IndicatorYearData> data, Func<string, TargetReading> readingOf, IReadOnlyDictionary<string, double?> signedAnnual)
    {
        _readingOf = readingOf;
        _signedAnnual = signedAnnual;
        foreach (var target in data.SelectMany(d => d.Targets))
        {
            if (!_typed.TryGetValue(target.Indicator, out var slots))
            {
                _typed[target.Indicator] = slots = new double?[5];
            }
            slots[target.Quarter ?? 0] = target.Value;
        }
    }

    /// <summary>The year's targets of an indicator with the reading they are read by (while a Perubahan is a DRAF, the signed annual one holds).</summary>
    public TargetSet Of(string indicator) => _sets.GetOrAdd(indicator, code =>
    {
        var typed = _typed.GetValueOrDefault(code);
        var annual = _signedAnnual.TryGetValue(code, out var signed) ? signed : typed?[0];
        return new TargetSet(_readingOf(code), annual, typed is null ? new double?[4] : typed[1..]);
    });
}
