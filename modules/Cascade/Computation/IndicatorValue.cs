using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.Computation;

internal enum ValueStatus { Ok, NoData, Undefined, ModuleDisabled }

/// <summary>A part of a value: an amount (null when nothing is recorded), or unknown because a module is disabled.</summary>
internal readonly record struct Amount(double? Value, bool Disabled)
{
    public static readonly Amount None = new(null, false);
    public static readonly Amount DisabledPart = new(null, true);

    public static Amount Of(double? value) => new(value, false);
}

/// <summary>
/// An indicator's figure for a period with its working: the numerator and denominator it was computed
/// from, the rule that produced them, and the values of the indicators it was rolled up from. A value of a
/// period that ends in a closed triwulan is read from the snapshot that closed it (<see cref="SnapshotRevision"/>).
/// </summary>
internal sealed record IndicatorValue(
    IndicatorDefinition Indicator,
    Period Period,
    IndicatorRule Rule,
    Amount NumeratorPart,
    Amount DenominatorPart,
    Amount TargetPart,
    double? Value,
    double? Achievement,
    string? Predicate,
    ValueStatus Status,
    IReadOnlyList<IndicatorValue> Contributions,
    ValueSource? Source = null,
    ValueSource? DenominatorSource = null,
    string? Kecamatan = null,
    string? Verification = null,
    string? TargetWarning = null,
    int? SnapshotRevision = null)
{
    /// <summary>A PERCENT's numerator, a COUNT's value.</summary>
    public double? Numerator => NumeratorPart.Value;

    public double? Denominator => DenominatorPart.Value;

    public double? Target => TargetPart.Value;
}
