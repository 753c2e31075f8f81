using Autofac;
using Autofac.Extensions.DependencyInjection;
using Kinerja.Host.Registers;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Sources;

namespace Kinerja.Host.Modules;

internal static class ModuleHosting
{
    /// <summary>Registers the enabled modules in Autofac, each through its own Autofac module.</summary>
    public static void AddKinerjaModules(this WebApplicationBuilder builder)
    {
        var known = ModuleRegistry.Known();
        var enabled = ModuleRegistry.Enabled(known, builder.Configuration[ModuleRegistry.ModulesSetting]);
        var directory = new ModuleDirectory(known.Select(m => new ModuleEntry(m.Name, enabled.Contains(m), m.Catalog)));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterInstance(directory);
            container.RegisterType<ServiceImporter>().As<IRegisterImporter>().SingleInstance();
            container.RegisterType<RegisterImports>().SingleInstance();
            container.RegisterType<ImportCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<RegisterImportsGraphQL>().As<IGraphQLContributor>().SingleInstance();
            foreach (var module in enabled)
            {
                container.RegisterModule(module);
            }
        });
    }

    /// <summary>Runs every enabled module's migrations and seeding, one after another, before serving.</summary>
    public static async Task InitializeModulesAsync(this WebApplication app)
    {
        foreach (var initializer in app.Services.GetServices<IModuleInitializer>())
        {
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
