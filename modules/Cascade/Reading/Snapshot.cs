using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Modules.Cascade.Reading;

/// <summary>A frozen quarterly rollup: every enabled indicator, for the triwulan and through it.</summary>
internal sealed record Snapshot(
    int Year,
    int Quarter,
    int Revision,
    DateTimeOffset CreatedAt,
    string Trigger,
    IReadOnlyList<IndicatorValue> Values);

/// <summary>
/// The figures of a period that ends in a closed triwulan, as the snapshot that closed it froze them: every
/// client answers these until the triwulan is reopened.
/// </summary>
internal sealed record FrozenValues(int Quarter, int Revision, DateTimeOffset CreatedAt, IReadOnlyDictionary<string, IndicatorValue> Values);
