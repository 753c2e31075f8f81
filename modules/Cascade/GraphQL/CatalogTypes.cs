using GraphQL.Types;
using GraphQL;
using Kinerja.Modules.Cascade.Checks;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class IndicatorLevelType : EnumerationGraphType<IndicatorLevel>
{
    public IndicatorLevelType() => Name = "IndicatorLevel";
}

internal sealed class IndicatorKindType : EnumerationGraphType<IndicatorKind>
{
    public IndicatorKindType() => Name = "IndicatorKind";
}

internal sealed class ModuleType : ObjectGraphType<ModuleEntry>
{
    public ModuleType()
    {
        Name = "Module";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(c => c.Source.Enabled);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("units")
            .Description("The module's units; empty when the module is not enabled.")
            .Resolve(c => c.Source.Enabled ? c.Source.Catalog.Units : []);
    }
}

internal sealed class UnitType : ObjectGraphType<UnitDefinition>
{
    public UnitType()
    {
        Name = "Unit";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("head").Resolve(c => c.Source.Head);
        Field<UnitType>("parent").Resolve(c =>
            c.Source.Parent is null ? null : c.Service<ModuleDirectory>().FindEnabledUnit(c.Source.Parent));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("children").Resolve(c =>
            c.Service<ModuleDirectory>().Units.Where(u => u.Parent == c.Source.Code));
        Field<NonNullGraphType<StringGraphType>>("module").Resolve(c => c.Source.Module);
        Field<NonNullGraphType<StringGraphType>>("tugas").Resolve(c => c.Source.Tugas);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fungsi").Resolve(c => c.Source.Fungsi);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators").Resolve(c =>
            c.Service<ModuleDirectory>().Indicators.Where(i => i.Unit == c.Source.Code));
    }
}

internal sealed class IndicatorType : ObjectGraphType<IndicatorDefinition>
{
    public IndicatorType()
    {
        Name = "Indicator";
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IndicatorLevelType>>("level").Resolve(c => c.Source.Level);
        Field<NonNullGraphType<IndicatorKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("goal").Resolve(c => c.Source.Goal);
        Field<NonNullGraphType<StringGraphType>>("numerator").Resolve(c => c.Source.Numerator);
        Field<StringGraphType>("denominator").Resolve(c => c.Source.Denominator);
        Field<NonNullGraphType<StringGraphType>>("source").Resolve(c => c.Source.Source);
        Field<StringGraphType>("note").Description("The catalog's note on how the seed was read.").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<StringGraphType>>("module").Resolve(c => c.Source.Module);
        Field<NonNullGraphType<BooleanGraphType>>("lessIsBetter")
            .Description("Whether a lower realisation is the better one; more is better unless marked.")
            // One read of the data version and the polarity for the request, not one for each of sixty indicators.
            .ResolveAsync(async c => (await c.LoadOncePerRequest("cascade.polarity", string.Empty,
                _ => c.Service<CascadeTreeStore>().LessIsBetterAsync(c.CancellationToken))).Contains(c.Source.Code));
        Field<NonNullGraphType<TargetReadingType>>("targetReading")
            .Description("How the indicator's quarterly targets are read in a year.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c =>
            {
                var year = c.GetArgument<int>("year");
                var checks = new InputChecks();
                checks.Year("year", year);
                checks.ThrowIfFailed();
                var readings = await c.LoadOncePerRequest("cascade.target-readings", year,
                    y => c.Service<TargetReadingStore>().OfYearAsync(y, c.CancellationToken));
                return readings.Of(c.Source.Code);
            });
        Field<NonNullGraphType<UnitType>>("unit").Resolve(c => c.Service<ModuleDirectory>().FindUnit(c.Source.Unit));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("parents")
            .Description("Indicators this one rolls up into, in the year's tree (the default tree when no year is given).")
            .Argument<IntGraphType>("year")
            .ResolveAsync(async c => Enabled(c.Service<ModuleDirectory>(), (await Tree(c)).Parents(c.Source.Code)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("children")
            .Description("Indicators this one is rolled up from, in the year's tree (the default tree when no year is given).")
            .Argument<IntGraphType>("year")
            .ResolveAsync(async c => Enabled(c.Service<ModuleDirectory>(), (await Tree(c)).Children(c.Source.Code)));
    }

    private static async Task<CascadeTree> Tree(IResolveFieldContext<IndicatorDefinition> c)
    {
        var trees = c.Service<CascadeTreeStore>();
        return c.GetArgument<int?>("year") is { } year
            ? await c.LoadOncePerRequest("cascade.tree", year, y => trees.TreeOfYearAsync(y, c.CancellationToken))
            : trees.DefaultTree;
    }

    private static IEnumerable<IndicatorDefinition> Enabled(ModuleDirectory directory, IEnumerable<string> codes) =>
        codes.Select(directory.FindEnabledIndicator).OfType<IndicatorDefinition>();
}
