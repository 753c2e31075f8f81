using Autofac;
using Kinerja.Shared.Catalog;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Shared.Data;

public static class IndicatorDataRegistration
{
    /// <summary>
    /// Registers a module's indicator data: the shape under the module's prefix, migrated at start, the store the cascade
    /// reads, and the seeding of the module's catalog.
    /// </summary>
    public static void RegisterIndicatorData(this ContainerBuilder builder, KinerjaModule module)
    {
        var kind = builder.RegisterDataContext(module, DataContextKind.Shape<IndicatorDataContext>(module.TablePrefix,
            IndicatorDataContext.MigrationsHistoryTable(module.TablePrefix), options => new IndicatorDataContext(options)));
        builder.Register(c => new IndicatorDataStore(module.Catalog, kind.Factory<IndicatorDataContext>(c.Resolve<IDatabaseProvider>()),
                c.Resolve<TimeProvider>()))
            .As<IIndicatorDataStore>()
            .As<IModuleInitializer>()
            .SingleInstance();
    }

    /// <summary>
    /// Registers a module's services register: the shape under the module's prefix, which stores the services of the
    /// module's kegiatan COUNT indicators and counts them when an indicator's source is REGISTER.
    /// </summary>
    public static void RegisterServiceRegister(this ContainerBuilder builder, KinerjaModule module)
    {
        var kind = builder.RegisterDataContext(module, DataContextKind.Shape<ServiceRegisterContext>(module.TablePrefix,
            ServiceRegisterContext.MigrationsHistoryTable(module.TablePrefix), options => new ServiceRegisterContext(options)));
        var indicators = module.Catalog.Indicators
            .Where(i => i.Level == IndicatorLevel.Kegiatan && i.Kind == IndicatorKind.Count)
            .Select(i => i.Code)
            .ToList();
        builder.Register(c => new ServiceRegister(module.Name, indicators, kind.Factory<ServiceRegisterContext>(c.Resolve<IDatabaseProvider>()),
                c.Resolve<IDatabaseProvider>()))
            .As<IServiceCounter>()
            .As<IServiceStore>()
            .SingleInstance();
    }

    /// <summary>
    /// Registers a module's context of its own tables (registers, settings), in the module's schema with its own migrations
    /// (<c>__{prefix}_module_migrations</c>); its contexts are had as <c>Func&lt;TContext&gt;</c>.
    /// </summary>
    public static void RegisterModuleData<TContext>(this ContainerBuilder builder, KinerjaModule module,
        Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext
    {
        var kind = builder.RegisterDataContext(module, DataContextKind.Of(module.TablePrefix, ModuleHistoryTable(module.TablePrefix), create));
        builder.Register(c => kind.Factory<TContext>(c.Resolve<IDatabaseProvider>())).SingleInstance();
    }

    /// <summary>The history of a module's own tables' migrations.</summary>
    public static string ModuleHistoryTable(string prefix) => $"__{prefix}_module_migrations";

    // Migrated at start before anything the module registers after it (its seeding), and walked by copy-data.
    private static DataContextKind RegisterDataContext(this ContainerBuilder builder, KinerjaModule module, DataContextKind kind)
    {
        kind = kind.WithLegacy(module.LegacyMigrations);
        builder.RegisterInstance(kind);
        builder.Register(c => new DataContextMigration(kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
        return kind;
    }
}
