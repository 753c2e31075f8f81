namespace Kinerja.Shared.Data;

/// <summary>An entered realisation: a COUNT's value travels as <see cref="Numerator"/>.</summary>
public sealed record RealizationEntry(string Indicator, int Year, int Quarter, double? Numerator, double? Denominator)
{
    /// <summary>DIAJUKAN, DIVERIFIKASI or DIKEMBALIKAN (see <see cref="VerificationState"/>).</summary>
    public string State { get; init; } = VerificationState.Diajukan;

    public string? EnteredBy { get; init; }
    public string? ReviewedBy { get; init; }
    public string? ReturnReason { get; init; }

    /// <summary>How many times the entry changed: 1 when first entered, one more at each entry, verification or return.</summary>
    public int Revision { get; init; }
}

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

    /// <summary>
    /// Stores the realisation as submitted (DIAJUKAN) by its <see cref="RealizationEntry.EnteredBy"/>, replacing an
    /// earlier one of the same indicator and triwulan; returns that earlier one.
    /// </summary>
    Task<RealizationEntry?> SaveRealizationAsync(RealizationEntry entry, CancellationToken cancellationToken);

    Task<RealizationEntry?> FindRealizationAsync(string indicator, int year, int quarter, CancellationToken cancellationToken);

    /// <summary>Marks a realisation verified or returned; returns it as it now stands.</summary>
    Task<RealizationEntry> ReviewRealizationAsync(string indicator, int year, int quarter, string state, string reviewer, string? reason,
        CancellationToken cancellationToken);

    /// <summary>Stores the target; returns the one it replaced.</summary>
    Task<TargetEntry?> SaveTargetAsync(TargetEntry entry, CancellationToken cancellationToken);

    /// <summary>Stores the stock; returns the one it replaced.</summary>
    Task<BaseMeasureEntry?> SaveBaseMeasureAsync(BaseMeasureEntry entry, CancellationToken cancellationToken);
}
