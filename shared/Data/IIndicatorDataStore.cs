namespace Kinerja.Shared.Data;

/// <summary>An entered realisation: a COUNT's value travels as <see cref="Numerator"/>.</summary>
public sealed record RealizationEntry(string Indicator, int Year, int Quarter, double? Numerator, double? Denominator);

/// <summary>A target; <see cref="Quarter"/> null is the annual target.</summary>
public sealed record TargetEntry(string Indicator, int Year, int? Quarter, double Value);

public sealed record BaseMeasureEntry(string Measure, int Year, int Quarter, double Value);

/// <summary>Everything a module has recorded for one year.</summary>
public sealed record IndicatorYearData(
    IReadOnlyList<RealizationEntry> Realizations,
    IReadOnlyList<TargetEntry> Targets,
    IReadOnlyList<BaseMeasureEntry> BaseMeasures)
{
    public static readonly IndicatorYearData Empty = new([], [], []);
}

/// <summary>
/// The figures one module keeps for its own indicators and stocks. The cascade reads every module through
/// this contract and never touches a module's tables.
/// </summary>
public interface IIndicatorDataStore
{
    string Module { get; }

    Task<IndicatorYearData> LoadYearAsync(int year, CancellationToken cancellationToken);

    /// <summary>Stores the realisation, replacing an earlier one of the same indicator and triwulan.</summary>
    Task SaveRealizationAsync(RealizationEntry entry, CancellationToken cancellationToken);

    Task SaveTargetAsync(TargetEntry entry, CancellationToken cancellationToken);

    Task SaveBaseMeasureAsync(BaseMeasureEntry entry, CancellationToken cancellationToken);
}
