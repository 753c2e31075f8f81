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

/// <summary>Whether a triwulan takes entries.</summary>
internal sealed record QuarterState(int Year, int Quarter, bool Closed, DateTimeOffset? ChangedAt, int? Revision);

internal static class RollupTrigger
{
    public const string Schedule = "schedule";
    public const string Manual = "manual";
}
