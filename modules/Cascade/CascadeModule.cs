using Autofac;
using Kinerja.Modules.Cascade.Closures;
using Kinerja.Modules.Cascade.Computation;
using Kinerja.Modules.Cascade.Data;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Modules.Cascade.GraphQL;
using Kinerja.Modules.Cascade.Planning;
using Kinerja.Modules.Cascade.Reading;
using Kinerja.Modules.Cascade.Reports;
using Kinerja.Modules.Cascade.Rollup;
using Kinerja.Modules.Cascade.Sources;
using Kinerja.Modules.Cascade.Targets;
using Kinerja.Modules.Cascade.Tree;
using Kinerja.Shared.Data;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Modules.Cascade;

/// <summary>
/// The office level: the Dinas and its IKU, the pohon kinerja, and the GraphQL part that serves every
/// enabled module's indicators and values. Always enabled.
/// </summary>
public sealed class CascadeModule : KinerjaModule
{
    public const string ModuleName = "Cascade";

    public override string Name => ModuleName;

    public override bool Optional => false;

    public override int Position => 0;

    public override IReadOnlyList<string> LegacyMigrations => ["20261202091326_Reports", "20261202115449_Initial"];

    protected override void Register(ContainerBuilder builder)
    {
        builder.RegisterModuleData<CascadeDbContext>(this, options => new(options));
        builder.RegisterType<SettledReads>().SingleInstance();
        builder.RegisterType<CascadeTreeStore>().SingleInstance();
        builder.RegisterType<TargetReadingStore>().SingleInstance();
        builder.Register(c => new AchievementRules(
                c.Resolve<IConfiguration>().GetSection("Kinerja:Predicates").Get<List<PredicateBand>>() is { Count: > 0 } bands
                    ? bands
                    : AchievementRules.DefaultBands))
            .SingleInstance();
        builder.RegisterType<SourceSettings>().SingleInstance();
        builder.RegisterType<YearReadings>().SingleInstance();
        builder.RegisterType<CurrentYearWarmUp>().As<IWarmUp>().SingleInstance();
        builder.RegisterType<IndicatorReads>().SingleInstance();
        builder.RegisterType<SnapshotReads>().SingleInstance();
        builder.RegisterType<IndicatorCommands>().SingleInstance();
        builder.RegisterType<TreeService>().SingleInstance();
        builder.RegisterType<TargetReads>().SingleInstance();
        builder.RegisterType<TargetReadingCommands>().SingleInstance();
        builder.RegisterType<BaseMeasureReads>().SingleInstance();
        builder.Register(c => RollupSettings.From(c.Resolve<IConfiguration>())).SingleInstance();
        // Also the kernel's view of the closed triwulan, which register imports count their rows against.
        builder.RegisterType<QuarterClosures>().AsSelf().As<IClosedQuarters>().SingleInstance();
        builder.RegisterType<RollupService>().SingleInstance();
        builder.RegisterType<QuarterlyRollupJob>().InstancePerDependency();
        builder.RegisterType<RollupScheduling>().As<IModuleInitializer>().SingleInstance();
        builder.RegisterType<RollupCommand>().As<IHostCommand>().SingleInstance();
        builder.RegisterType<CascadeGraphQL>().As<IGraphQLContributor>().SingleInstance();
        builder.RegisterType<Agreements>().SingleInstance();
        builder.RegisterType<Budget>().SingleInstance();
        builder.RegisterType<Renstra>().SingleInstance();
        builder.RegisterType<PlanningGraphQL>().As<IGraphQLContributor>().SingleInstance();
        RegisterReports(builder);
    }

    private static void RegisterReports(ContainerBuilder builder)
    {
        builder.RegisterType<AnalysisService>().SingleInstance();
        builder.RegisterType<OfficialService>().SingleInstance();
        builder.RegisterType<ReportFigures>().SingleInstance();
        builder.RegisterType<ReportService>().SingleInstance();
        builder.RegisterType<LkjipReport>().SingleInstance();
        builder.RegisterType<ReportFiles>().SingleInstance();
        builder.RegisterType<ReportCommand>().As<IHostCommand>().SingleInstance();
        builder.RegisterType<ReportsGraphQL>().As<IGraphQLContributor>().SingleInstance();
        builder.RegisterType<ReportEndpoints>().As<IEndpointContributor>().SingleInstance();
    }
}
