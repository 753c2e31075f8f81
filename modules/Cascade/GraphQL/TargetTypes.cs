using GraphQL.Types;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Targets;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class TargetReadingType : EnumerationGraphType<TargetReading>
{
    public TargetReadingType()
    {
        Name = "TargetReading";
        Description = "How an indicator's quarterly targets are read: PER_QUARTER (target per triwulan: the amount each triwulan "
            + "is to achieve), UP_TO_QUARTER (target s.d. triwulan: the level to reach by each triwulan's end) or RATE "
            + "(target tetap per periode: the rate every period ending with that triwulan is to reach).";
    }
}

internal sealed class IndicatorTargetsType : ObjectGraphType<IndicatorTargets>
{
    public IndicatorTargetsType()
    {
        Name = "IndicatorTargets";
        Description = "An indicator's targets of a year as typed (the Rencana Aksi), and how its quarterly targets are read.";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<TargetReadingType>>("reading").Resolve(c => c.Source.Targets.Reading);
        Field<FloatGraphType>("annual").Description("The annual target; null when none is set.").Resolve(c => c.Source.Targets.Annual);
        Field<NonNullGraphType<ListGraphType<FloatGraphType>>>("quarterly")
            .Description("The four triwulan targets as typed, null where none is set.")
            .Resolve(c => c.Source.Targets.Quarters);
        Field<StringGraphType>("warning")
            .Description("What is wrong with the quarterly targets against the annual one; null when they agree.")
            .Resolve(c => c.Source.Targets.Warning());
    }
}

internal sealed class BaseMeasureYearType : ObjectGraphType<BaseMeasureYear>
{
    public BaseMeasureYearType()
    {
        Name = "BaseMeasureYear";
        Description = "A base-data stock (Jumlah PMKS, ...) at the end of each triwulan of a year.";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Measure.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Measure.Name);
        Field<NonNullGraphType<UnitType>>("unit").Description("The unit that keeps it.").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<ValueSourceType>>("source")
            .Description("ENTERED: typed by its unit; REGISTER: counted from its register, not typed.")
            .Resolve(c => c.Source.Source);
        Field<NonNullGraphType<ListGraphType<FloatGraphType>>>("quarters")
            .Description("The stock at the end of triwulan I-IV: as recorded for that triwulan (null where none was), or counted on that day.")
            .Resolve(c => c.Source.Quarters);
    }
}
