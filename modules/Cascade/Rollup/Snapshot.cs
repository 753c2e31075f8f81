using Kinerja.Modules.Cascade.Computation;

namespace Kinerja.Modules.Cascade.Rollup;

/// <summary>A frozen quarterly rollup: every enabled indicator, for the triwulan and through it.</summary>
internal sealed record Snapshot(
    int Year,
    int Quarter,
    int Revision,
    DateTimeOffset CreatedAt,
    string Trigger,
    IReadOnlyList<IndicatorValue> Values);

internal static class RollupTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
}
