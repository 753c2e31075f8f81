using Autofac;
using GraphQL;
using GraphQL.Types;
using Kinerja.Host.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Host.Backups;

internal static class BackupHosting
{
    /// <summary>Backups: the commands, the scheduled job, their record, the Admin screen's list and the download.</summary>
    public static void AddKinerjaBackups(this WebApplicationBuilder builder)
    {
        var settings = BackupSettings.From(builder.Configuration);
        var connectionString = DatabaseHosting.ConnectionString(builder.Configuration);
        IEngineBackup engine = DatabaseHosting.Engine(builder.Configuration) == DatabaseEngine.PostgreSql
            ? new PostgreSqlEngineBackup(connectionString)
            : new SqliteEngineBackup(connectionString);
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.RegisterInstance(settings);
            container.RegisterInstance(engine);
            container.RegisterInstance(BackupContext.Kind);
            container.Register(c => new DataContextMigration(BackupContext.Kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
            container.Register(c => BackupContext.Kind.Factory<BackupContext>(c.Resolve<IDatabaseProvider>())).SingleInstance();
            container.RegisterType<Backups>().SingleInstance();
            container.RegisterType<BackupCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<RestoreCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<BackupJob>().InstancePerDependency();
            container.RegisterType<BackupScheduling>().As<IModuleInitializer>().SingleInstance();
            container.RegisterType<BackupGraphQL>().As<IGraphQLContributor>().SingleInstance();
            container.RegisterType<BackupDownload>().As<IEndpointContributor>().SingleInstance();
        });
    }
}

/// <summary><c>GET /backups/{file}</c>: a backup of this host's directory, to an administrator only (it holds NIKs and password hashes).</summary>
internal sealed class BackupDownload(Backups backups) : IEndpointContributor
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/backups/{file}", async (HttpContext http, string file) =>
        {
            var caller = Caller.From(http.User);
            if (!caller.IsSignedIn)
            {
                return Results.Json(new { error = $"{http.Items[SignIn.FailureItem] as string ?? "tanpa token"}: mengunduh cadangan memerlukan akun administrator" },
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            if (!caller.IsAdmin)
            {
                return Results.Json(new { error = "hanya administrator yang boleh mengunduh cadangan" }, statusCode: StatusCodes.Status403Forbidden);
            }
            http.Response.Headers.CacheControl = "no-store";
            return await backups.DownloadableAsync(file, http.RequestAborted) is { } path
                ? Results.File(path, "application/octet-stream", file)
                : Results.Json(new { error = $"cadangan '{file}' tidak ada di host ini" }, statusCode: StatusCodes.Status404NotFound);
        });
}

/// <summary>The backups every host of the office wrote, for the Admin screen.</summary>
internal sealed class BackupGraphQL : IGraphQLContributor
{
    public void AddQueryFields(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BackupType>>>>("backups")
            .Description("The newest backups of every host, newest first (administrators).")
            .Argument<IntGraphType>("limit", a => a.DefaultValue = 20)
            .ResolveAsync(async c =>
            {
                c.Service<Access>().RequireAdmin(Caller.From(c.User), "melihat cadangan");
                return await c.Service<Backups>().ListAsync(Math.Clamp(c.GetArgument<int>("limit"), 1, 1000), c.CancellationToken);
            });

    public void AddMutationFields(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BackupType>>("runBackup")
            .Description("Backs the database up now into this host's backup directory, as the schedule does (administrators).")
            .ResolveAsync(async c =>
            {
                var caller = Caller.From(c.User);
                c.Service<Access>().RequireAdmin(caller, "membuat cadangan");
                var backups = c.Service<Backups>();
                try
                {
                    await backups.TakeAsync("admin", caller, c.CancellationToken);
                }
                catch (BackupException e)
                {
                    throw new ExecutionError($"cadangan gagal: {e.Message}");
                }
                return (await backups.ListAsync(1, c.CancellationToken))[0];
            });
}

internal sealed class BackupType : ObjectGraphType<BackupRecord>
{
    public BackupType()
    {
        Name = "Backup";
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("directory").Description("Where it was written, on the host named.").Resolve(c => c.Source.Directory);
        Field<NonNullGraphType<StringGraphType>>("host").Resolve(c => c.Source.HostName);
        Field<NonNullGraphType<FloatGraphType>>("bytes").Resolve(c => (double)c.Source.Bytes);
        Field<NonNullGraphType<StringGraphType>>("sha256").Resolve(c => c.Source.Sha256);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Description("ISO 8601, UTC.").Resolve(c => c.Source.CreatedAt.ToIso8601());
        Field<NonNullGraphType<StringGraphType>>("trigger").Description("perintah, terjadwal, admin or sebelum-pembaruan.").Resolve(c => c.Source.Trigger);
        Field<StringGraphType>("removedAt").Description("When retention (Kinerja:Backup:Keep) deleted the file; null while it is kept.")
            .Resolve(c => c.Source.RemovedAt?.ToIso8601());
    }
}
