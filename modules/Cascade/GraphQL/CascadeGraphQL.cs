using GraphQL.Types;
using GraphQL;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Kinerja.Shared.Sources;

namespace Kinerja.Modules.Cascade.GraphQL;

/// <summary>The office level's part of the schema: the catalog of every enabled module, values and entry.</summary>
internal sealed class CascadeGraphQL : IGraphQLContributor
{
    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModuleType>>>>("modules")
            .KeptAlongside()
            .Description("The modules this host has loaded, and those it knows but were not enabled.")
            .Resolve(c => c.Service<ModuleDirectory>().Modules.Where(m => m.Name != CascadeModule.ModuleName));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitType>>>>("units")
            .KeptAlongside()
            .Resolve(c => c.Service<ModuleDirectory>().Units);
        query.Field<UnitType>("unit")
            .KeptAlongside()
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c => c.Service<ModuleDirectory>().FindEnabledUnit(c.GetArgument<string>("code")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorType>>>>("indicators")
            .KeptAlongside()
            .Description("All indicators of the enabled modules and the Dinas IKU; filter by unit code and/or level.")
            .Argument<StringGraphType>("unit")
            .Argument<IndicatorLevelType>("level")
            .Resolve(c =>
            {
                var unit = c.GetArgument<string?>("unit");
                var level = c.GetArgument<IndicatorLevel?>("level");
                return c.Service<ModuleDirectory>().Indicators
                    .Where(i => (unit is null || i.Unit == unit) && (level is null || i.Level == level));
            });
        query.Field<IndicatorType>("indicator")
            .KeptAlongside()
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Resolve(c => c.Service<ModuleDirectory>().FindEnabledIndicator(c.GetArgument<string>("code")));
        query.Field<IndicatorValueType>("value")
            .KeptByDataVersion()
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .Argument<BooleanGraphType>("cumulative", a => a.DefaultValue = false)
            .Argument<StringGraphType>("kecamatan", a => a.Description = "One of Gresik's 18 kecamatan: the figure counted from registers there.")
            .Argument<BooleanGraphType>("verifiedOnly", a => { a.DefaultValue = false; a.Description = "Count only entered figures that are DIVERIFIKASI."; })
            .ResolveAsync(async c => await c.Service<IndicatorReads>().ValueAsync(
                c.GetArgument<string>("indicator"), c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"),
                c.GetArgument<bool>("cumulative"), c.CancellationToken, Options(c)));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorValueType>>>>("values")
            .KeptByDataVersion()
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Description("The values of every indicator of a unit and the units below it (every unit when none is given) for a period, in catalog order.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .Argument<BooleanGraphType>("cumulative", a => a.DefaultValue = false)
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<IndicatorReads>().ValuesAsync(
                c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"), c.GetArgument<bool>("cumulative"), c.GetArgument<string?>("unit"),
                c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorValueType>>>>("iku")
            .KeptByDataVersion()
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Description("The Dinas IKU values for a period, each with its cascade below it in contributions.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .Argument<BooleanGraphType>("cumulative", a => a.DefaultValue = false)
            .Argument<StringGraphType>("kecamatan", a => a.Description = "One of Gresik's 18 kecamatan: the figures counted from registers there.")
            .Argument<BooleanGraphType>("verifiedOnly", a => { a.DefaultValue = false; a.Description = "Count only entered figures that are DIVERIFIKASI."; })
            .ResolveAsync(async c => await c.Service<IndicatorReads>().IkuAsync(
                c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"), c.GetArgument<bool>("cumulative"), c.CancellationToken, Options(c)));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorRuleType>>>>("tree")
            .KeptByDataVersion()
            .Description("The pohon kinerja of a year: every enabled indicator's rule.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Service<TreeService>().TreeAsync(c.GetArgument<int>("year"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorTargetsType>>>>("targets")
            .KeptByDataVersion()
            .Description("The targets of a year as typed (annual and per triwulan) of every indicator of a unit and the units below it "
                + "(every unit when none is given), in catalog order, with their reading.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<TargetReads>().ListAsync(c.GetArgument<int>("year"), c.GetArgument<string?>("unit"),
                c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BaseMeasureYearType>>>>("baseMeasures")
            .KeptByDataVersion()
            .Description("The base-data stocks kept by a unit and the units below it (every unit when none is given), at the end of each triwulan.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<StringGraphType>("unit")
            .ResolveAsync(async c => await c.Service<BaseMeasureReads>().ListAsync(c.GetArgument<int>("year"), c.GetArgument<string?>("unit"),
                c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotType>>>>("snapshots")
            .Description("Frozen quarterly rollups, newest revision first.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .ResolveAsync(async c => await c.Service<SnapshotReads>().ListAsync(
                c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueSourceSettingType>>>>("sources")
            .KeptByDataVersion()
            .Description("The kegiatan indicators and stocks that can be counted from a register, with their source in the year.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Service<SourceSettings>().ListAsync(c.GetArgument<int>("year"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServedSubjectType>>>>("served")
            .WithComplexityImpact(FieldCosts.RegisterScan)
            .Description("The persons and institutions behind a kegiatan indicator counted from its services register.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .Argument<BooleanGraphType>("cumulative", a => a.DefaultValue = false)
            .Argument<StringGraphType>("kecamatan")
            .ResolveAsync(async c => await c.Service<SourceSettings>().ServedAsync(Caller.From(c.User),
                c.GetArgument<string>("indicator"), c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"),
                c.GetArgument<bool>("cumulative"), c.GetArgument<string?>("kecamatan"), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RealizationType>>>>("realizations")
            .Description("The realisations entered in a year, of a unit and the units below it, with their verification state and return reason.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<IntGraphType>("quarter")
            .Argument<StringGraphType>("unit", a => a.Description = "A unit code: its indicators and those of the units below it; every unit when not given.")
            .Argument<StringGraphType>("state", a => a.Description = "DIAJUKAN, DIVERIFIKASI or DIKEMBALIKAN.")
            .ResolveAsync(async c => await c.Service<IndicatorReads>().RealizationsAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<int?>("quarter"), c.GetArgument<string?>("unit"), c.GetArgument<string?>("state"),
                c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuarterStateType>>>>("quarters")
            .KeptByDataVersion()
            .Description("The four triwulan of a year: closed to entry or not.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Service<QuarterClosures>().YearAsync(c.GetArgument<int>("year"), c.CancellationToken));
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<IndicatorValueType>>("recordRealization")
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Description("A unit's realisation for one quarter: value for COUNT, numerator and denominator for PERCENT. "
                + "Entering a part that the cascade computes (a rolled-up numerator, say) is an error, not ignored.")
            .Argument<NonNullGraphType<RealizationInputType>>("input")
            .ResolveAsync(async c => await c.Service<IndicatorCommands>().RecordRealizationAsync(
                Caller.From(c.User), c.GetArgument<RealizationInput>("input"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorValueType>>("verifyRealization")
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Description("A verifikator of a unit above marks a submitted (DIAJUKAN) realisation DIVERIFIKASI; nobody verifies their own entry. "
                + "revision is the one the verifikator read: an entry that changed since is refused.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .Argument<NonNullGraphType<IntGraphType>>("revision")
            .ResolveAsync(async c => await c.Service<IndicatorCommands>().ReviewRealizationAsync(Caller.From(c.User),
                c.GetArgument<string>("indicator"), c.GetArgument<int>("year"), c.GetArgument<int>("quarter"), c.GetArgument<int>("revision"), true, null,
                c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorValueType>>("returnRealization")
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Description("A verifikator returns a submitted realisation (DIKEMBALIKAN) with a reason; the unit corrects it and submits it again. "
                + "revision is the one the verifikator read: an entry that changed since is refused.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .Argument<NonNullGraphType<IntGraphType>>("revision")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .ResolveAsync(async c => await c.Service<IndicatorCommands>().ReviewRealizationAsync(Caller.From(c.User),
                c.GetArgument<string>("indicator"), c.GetArgument<int>("year"), c.GetArgument<int>("quarter"), c.GetArgument<int>("revision"), false,
                c.GetArgument<string>("reason"), c.CancellationToken));
        mutation.Field<NonNullGraphType<BaseMeasureValueType>>("recordBaseMeasure")
            .Description("A base-data stock (Jumlah PMKS, Jumlah LKS yang ada, ...) at the end of a quarter.")
            .Argument<NonNullGraphType<BaseMeasureInputType>>("input")
            .ResolveAsync(async c => await c.Service<IndicatorCommands>().RecordBaseMeasureAsync(
                Caller.From(c.User), c.GetArgument<BaseMeasureInput>("input"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorValueType>>("setTarget")
            .WithComplexityImpact(FieldCosts.YearEvaluation)
            .Argument<NonNullGraphType<TargetInputType>>("input")
            .ResolveAsync(async c => await c.Service<IndicatorCommands>().SetTargetAsync(
                Caller.From(c.User), c.GetArgument<TargetInput>("input"), c.CancellationToken));
        mutation.Field<NonNullGraphType<SnapshotType>>("runRollup")
            .WithComplexityImpact(FieldCosts.Rollup)
            .Description("Runs the quarterly rollup now (the scheduler runs the same job at quarter end) and closes the triwulan. "
                + "When nothing changed since the last revision, that revision is returned and no new one is made.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .ResolveAsync(async c => await c.Service<RollupService>().RunAsync(
                Caller.From(c.User), c.GetArgument<int>("year"), c.GetArgument<int>("quarter"), c.CancellationToken));
        mutation.Field<NonNullGraphType<ValueSourceSettingType>>("setSource")
            .Description("Whether a kegiatan indicator or a base-data stock is typed in or counted from its register, for a year.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<ValueSourceType>>("source")
            .ResolveAsync(async c => await c.Service<SourceSettings>().SetAsync(Caller.From(c.User),
                c.GetArgument<string>("code"), c.GetArgument<int>("year"), c.GetArgument<ValueSource>("source"), c.CancellationToken));
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueSourceSettingType>>>>("setAllSources")
            .Description("Switches every kegiatan indicator and stock that this host can count from a register, for a year.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<ValueSourceType>>("source")
            .ResolveAsync(async c => await c.Service<SourceSettings>().SetAllAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<ValueSource>("source"), c.CancellationToken));
        mutation.Field<NonNullGraphType<QuarterStateType>>("reopenQuarter")
            .Description("Opens a closed triwulan to entry again; its snapshots stay readable, the next rollup makes a new revision.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<IntGraphType>>("quarter")
            .ResolveAsync(async c => await c.Service<QuarterClosures>().ReopenAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<int>("quarter"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorRuleType>>("setIndicatorRule")
            .Description("Changes a year's rollup of an indicator. Checked first: known codes, no cycle, no denominator "
                + "for a COUNT, no den: over a COUNT. Other years are untouched.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<StringGraphType>>("numerator", a => a.Description = "input, or sum:CODE,...")
            .Argument<StringGraphType>("denominator", a => a.Description = "input, den:CODE,..., target:CODE,... or base:MEASURE; none for COUNT")
            .ResolveAsync(async c => await c.Service<TreeService>().SetRuleAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<string>("indicator"), c.GetArgument<string>("numerator"),
                c.GetArgument<string?>("denominator"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorRuleType>>("restoreIndicatorRule")
            .Description("Gives an indicator its default rule again in a year's tree.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .ResolveAsync(async c => await c.Service<TreeService>().RestoreRuleAsync(Caller.From(c.User),
                c.GetArgument<int>("year"), c.GetArgument<string>("indicator"), c.CancellationToken));
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorRuleType>>>>("restoreDefaultTree")
            .Description("Drops every change of a year's tree; the year follows the catalog's default again.")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .ResolveAsync(async c => await c.Service<TreeService>().RestoreTreeAsync(Caller.From(c.User), c.GetArgument<int>("year"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorType>>("setTargetReading")
            .Description("Sets how an indicator's quarterly targets are read in a year (administrators; refused while a triwulan of "
                + "that year is closed).")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<IntGraphType>>("year")
            .Argument<NonNullGraphType<TargetReadingType>>("reading")
            .ResolveAsync(async c => await c.Service<TargetReadingCommands>().SetReadingAsync(Caller.From(c.User),
                c.GetArgument<string>("indicator"), c.GetArgument<int>("year"), c.GetArgument<TargetReading>("reading"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IndicatorType>>("setPolarity")
            .Description("Marks an indicator less-is-better (achievement = (2 x target - realisation) / target x 100) or more-is-better.")
            .Argument<NonNullGraphType<StringGraphType>>("indicator")
            .Argument<NonNullGraphType<BooleanGraphType>>("lessIsBetter")
            .ResolveAsync(async c => await c.Service<TreeService>().SetPolarityAsync(Caller.From(c.User),
                c.GetArgument<string>("indicator"), c.GetArgument<bool>("lessIsBetter"), c.CancellationToken));
    }

    private static ValueOptions Options(IResolveFieldContext c) =>
        new(c.GetArgument<string?>("kecamatan"), c.GetArgument<bool>("verifiedOnly"));
}
