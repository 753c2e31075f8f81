using System.Security.Cryptography;
using System.Text;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Kinerja.Host.Commands;
using Kinerja.Shared.Data;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
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
            container.RegisterType<Access>().SingleInstance();
            container.RegisterRegisterImports();
            container.RegisterType<CopyDataCommand>().As<IHostCommand>().SingleInstance();
            foreach (var module in enabled)
            {
                container.RegisterModule(module);
            }
        });
    }

    /// <summary>
    /// Runs every enabled module's migrations and seeding, one after another, before serving; skipped when
    /// the database says the last completed start established the same (a restart of the same build with
    /// the same modules and settings), since that work is most of a start.
    /// </summary>
    public static async Task InitializeModulesAsync(this WebApplication app)
    {
        var initializers = app.Services.GetServices<IModuleInitializer>().ToList();
        var database = app.Services.GetRequiredService<IDatabaseProvider>();
        var stopping = app.Lifetime.ApplicationStopping;
        var stamp = Stamp(initializers);
        app.Services.GetRequiredService<ModuleStart>().Stamp = stamp;
        await database.PrepareAsync(stopping);
        if (await database.ReadStartStampAsync(stopping) == stamp)
        {
            return;
        }
        await using var turn = await database.LockStartAsync(stopping);
        // Another host on the same database may have done it while this one waited for its turn.
        var stored = await database.ReadStartStampAsync(stopping);
        if (stored == stamp)
        {
            return;
        }
        var before = await BackupBeforeMigrationAsync(app, stored, stopping);
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(stopping);
        }
        await database.WriteStartStampAsync(stamp, stopping);
        if (before is not null)
        {
            await app.Services.GetRequiredService<Backups.Backups>().RecordAsync(before, "sebelum-pembaruan", Caller.Scheduler, stopping);
        }
    }

    /// <summary>
    /// A database an earlier start established (another build, other modules or settings) is backed up before this
    /// start migrates it: an upgrade that goes wrong can be rolled back. Without the engine's tools (pg_dump) the start
    /// goes on and says so.
    /// </summary>
    private static async Task<Backups.BackupFile?> BackupBeforeMigrationAsync(WebApplication app, int stored, CancellationToken cancellationToken)
    {
        var backups = app.Services.GetRequiredService<Backups.Backups>();
        if (stored == 0 || !backups.Settings.BeforeMigration)
        {
            return null;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kinerja.Host.Start");
        try
        {
            var file = await backups.WriteIntoDirectoryAsync(cancellationToken);
            logger.LogInformation("Basis data dari start sebelumnya dicadangkan sebelum migrasi: {File}", Backups.Backups.Describe(file));
            return file;
        }
        catch (Backups.BackupException e)
        {
            logger.LogWarning("Basis data dimigrasi TANPA cadangan: {Reason}", e.Message);
            return null;
        }
    }

    private static int Stamp(IEnumerable<IModuleInitializer> initializers)
    {
        var state = string.Join("\n", initializers.Select(i => $"{i.GetType().FullName}: {i.State}"));
        var stamp = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
        return stamp == 0 ? 1 : stamp;
    }
}

/// <summary>The stamp of this build's start: what the database holds once its migrations and seeding are applied.</summary>
internal sealed class ModuleStart
{
    public int Stamp { get; set; }
}
