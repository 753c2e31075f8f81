using Autofac;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

public static class IndicatorDataRegistration
{
    /// <summary>
    /// Registers a module's indicator data: its context on the host's database, the store the cascade
    /// reads, and the migration and seeding that run at start.
    /// </summary>
    public static void RegisterIndicatorData<TContext>(
        this ContainerBuilder builder,
        KinerjaModule module,
        string tablePrefix,
        Func<DbContextOptions<TContext>, TContext> create)
        where TContext : IndicatorDataContext
    {
        builder.Register(c =>
            {
                var options = new DbContextOptionsBuilder<TContext>();
                c.Resolve<IDatabaseProvider>().Configure(options, tablePrefix, IndicatorDataContext.MigrationsHistoryTable(tablePrefix));
                return options.Options;
            })
            .SingleInstance();
        builder.Register<Func<TContext>>(c =>
            {
                var options = c.Resolve<DbContextOptions<TContext>>();
                return () => create(options).Enlisted();
            })
            .SingleInstance();
        builder.RegisterInstance(DataContextKind.Of(tablePrefix, IndicatorDataContext.MigrationsHistoryTable(tablePrefix), create));
        builder.Register(c => new IndicatorDataStore<TContext>(module.Catalog, c.Resolve<Func<TContext>>(), c.Resolve<TimeProvider>()))
            .As<IIndicatorDataStore>()
            .As<IModuleInitializer>()
            .SingleInstance();
    }

    /// <summary>
    /// Registers a module's services register: it stores the services of the module's kegiatan COUNT
    /// indicators and counts them when an indicator's source is REGISTER.
    /// </summary>
    public static void RegisterServiceRegister<TContext>(this ContainerBuilder builder, KinerjaModule module)
        where TContext : ServiceRegisterContext
    {
        var indicators = module.Catalog.Indicators
            .Where(i => i.Level == IndicatorLevel.Kegiatan && i.Kind == IndicatorKind.Count)
            .Select(i => i.Code)
            .ToList();
        builder.Register(c => new ServiceRegister<TContext>(module.Name, indicators, c.Resolve<Func<TContext>>(), c.Resolve<IDatabaseProvider>()))
            .As<IServiceCounter>()
            .As<IServiceStore>()
            .SingleInstance();
    }
}
