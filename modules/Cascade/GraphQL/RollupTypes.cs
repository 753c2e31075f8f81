using GraphQL.Types;
using GraphQL;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Shared.Periods;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class SnapshotType : ObjectGraphType<Snapshot>
{
    public SnapshotType()
    {
        Name = "Snapshot";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("quarter").Resolve(c => c.Source.Quarter);
        Field<NonNullGraphType<IntGraphType>>("revision").Resolve(c => c.Source.Revision);
        Field<NonNullGraphType<StringGraphType>>("createdAt")
            .Description("ISO 8601 with offset, in the rollup's time zone (WIB by default).")
            .Resolve(c => c.Source.CreatedAt.ToIso8601());
        Field<NonNullGraphType<StringGraphType>>("trigger").Description("schedule | manual").Resolve(c => c.Source.Trigger);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorValueType>>>>("values")
            .Description("Every indicator as frozen: for the triwulan, and cumulatively through it; filter with cumulative.")
            .Argument<BooleanGraphType>("cumulative")
            .Resolve(c => c.GetArgument<bool?>("cumulative") is { } cumulative
                ? c.Source.Values.Where(v => v.Period.Cumulative == cumulative)
                : c.Source.Values);
    }
}

internal sealed class QuarterStateType : ObjectGraphType<QuarterState>
{
    public QuarterStateType()
    {
        Name = "QuarterState";
        Description = "Whether a triwulan takes entries: a rollup closes it, reopenQuarter opens it.";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("quarter").Resolve(c => c.Source.Quarter);
        Field<NonNullGraphType<BooleanGraphType>>("closed").Resolve(c => c.Source.Closed);
        Field<StringGraphType>("changedAt")
            .Description("When it was last closed or reopened, ISO 8601 with offset.")
            .Resolve(c => c.Source.ChangedAt?.ToIso8601());
        Field<IntGraphType>("revision").Description("The snapshot revision that closed it last.").Resolve(c => c.Source.Revision);
    }
}
