using Autofac;
using Kinerja.Shared.Modules;
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
                c.Resolve<IDatabaseProvider>().Configure(options, IndicatorDataContext.MigrationsHistoryTable(tablePrefix));
                return options.Options;
            })
            .SingleInstance();
        builder.Register<Func<TContext>>(c =>
            {
                var options = c.Resolve<DbContextOptions<TContext>>();
                return () => create(options);
            })
            .SingleInstance();
        builder.Register(c => new IndicatorDataStore<TContext>(module.Catalog, c.Resolve<Func<TContext>>(), c.Resolve<TimeProvider>()))
            .As<IIndicatorDataStore>()
            .As<IModuleInitializer>()
            .SingleInstance();
    }
}
