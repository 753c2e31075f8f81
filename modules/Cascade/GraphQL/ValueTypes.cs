using GraphQL.Types;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Shared.Data;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class ValueStatusType : EnumerationGraphType<ValueStatus>
{
    public ValueStatusType() => Name = "ValueStatus";
}

internal sealed class IndicatorValueType : ObjectGraphType<IndicatorValue>
{
    public IndicatorValueType()
    {
        Name = "IndicatorValue";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Period.Year);
        Field<IntGraphType>("quarter").Resolve(c => c.Source.Period.Quarter);
        Field<NonNullGraphType<BooleanGraphType>>("cumulative")
            .Description("Whether the value runs from 1 January; a whole year always does.")
            .Resolve(c => c.Source.Period.Cumulative);
        Field<FloatGraphType>("numerator").Resolve(c => c.Source.Numerator);
        Field<FloatGraphType>("denominator").Resolve(c => c.Source.Denominator);
        Field<FloatGraphType>("value").Resolve(c => c.Source.Value);
        Field<FloatGraphType>("target").Resolve(c => c.Source.Target);
        Field<StringGraphType>("targetWarning")
            .Description("What is wrong with the year's quarterly targets against the annual one (stored as typed, the annual one "
                + "decides the year); null when they agree.")
            .Resolve(c => c.Source.TargetWarning);
        Field<FloatGraphType>("achievement").Resolve(c => c.Source.Achievement);
        Field<StringGraphType>("predicate").Resolve(c => c.Source.Predicate);
        Field<NonNullGraphType<ValueStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("numeratorRule")
            .Description("Where the numerator comes from in the year's tree: input, sum:…")
            .Resolve(c => c.Source.Rule.Numerator.ToString());
        Field<StringGraphType>("denominatorRule")
            .Description("Where the denominator comes from in the year's tree: input, den:…, target:…, base:…; null for COUNT.")
            .Resolve(c => c.Source.Rule.Denominator?.ToString());
        Field<ValueSourceType>("source")
            .Description("Where the entered part comes from this year: ENTERED or REGISTER; null when the cascade computes it.")
            .Resolve(c => c.Source.Source);
        Field<ValueSourceType>("denominatorSource")
            .Description("Where the denominator comes from when it is entered or a stock: ENTERED or REGISTER; null otherwise.")
            .Resolve(c => c.Source.DenominatorSource);
        Field<StringGraphType>("verification")
            .Description("Where an entered figure stands: DIAJUKAN, DIVERIFIKASI or DIKEMBALIKAN (over a period: DIVERIFIKASI "
                + "when all its entries are, DIKEMBALIKAN when one is); null for rollups and register counts.")
            .Resolve(c => c.Source.Verification);
        Field<IntGraphType>("snapshotRevision")
            .Description("The rollup revision this figure is read from: its period ends in a closed triwulan (the year: the fourth), and "
                + "every client answers that snapshot's figure until the triwulan is reopened. Null when computed from the current figures.")
            .Resolve(c => c.Source.SnapshotRevision);
        Field<StringGraphType>("kecamatan")
            .Description("The kecamatan the figure is for; null for the whole kabupaten.")
            .Resolve(c => c.Source.Kecamatan);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorValueType>>>>("contributions")
            .Description("The values, for the same period, of the indicators this one is rolled up from.")
            .Resolve(c => c.Source.Contributions);
    }
}

internal sealed class BaseMeasureValueType : ObjectGraphType<BaseMeasureEntry>
{
    public BaseMeasureValueType()
    {
        Name = "BaseMeasureValue";
        Field<NonNullGraphType<StringGraphType>>("measure").Resolve(c => c.Source.Measure);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<IntGraphType>>("quarter").Resolve(c => c.Source.Quarter);
        Field<NonNullGraphType<FloatGraphType>>("value").Resolve(c => c.Source.Value);
    }
}

internal sealed class RealizationInputType : InputObjectGraphType<RealizationInput>
{
    public RealizationInputType()
    {
        Name = "RealizationInput";
        Field<NonNullGraphType<StringGraphType>>("indicator");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<IntGraphType>>("quarter");
        Field<FloatGraphType>("value");
        Field<FloatGraphType>("numerator");
        Field<FloatGraphType>("denominator");
    }
}

internal sealed class BaseMeasureInputType : InputObjectGraphType<BaseMeasureInput>
{
    public BaseMeasureInputType()
    {
        Name = "BaseMeasureInput";
        Field<NonNullGraphType<StringGraphType>>("measure");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<NonNullGraphType<IntGraphType>>("quarter");
        Field<NonNullGraphType<FloatGraphType>>("value");
    }
}

internal sealed class TargetInputType : InputObjectGraphType<TargetInput>
{
    public TargetInputType()
    {
        Name = "TargetInput";
        Field<NonNullGraphType<StringGraphType>>("indicator");
        Field<NonNullGraphType<IntGraphType>>("year");
        Field<IntGraphType>("quarter");
        Field<NonNullGraphType<FloatGraphType>>("value");
    }
}
