using Autofac;
using Kinerja.Host.Data;
using Kinerja.Shared.Data;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Host.Security;

internal static class SecurityHosting
{
    public const string AuthenticationFailure = "kinerja.authentication-failure";

    /// <summary>Accounts, bearer tokens and the audit trail.</summary>
    public static void AddKinerjaSecurity(this WebApplicationBuilder builder)
    {
        var settings = SecuritySettings.From(builder.Configuration, DatabaseHosting.DataDirectory(builder.Configuration));
        builder.Services.AddSingleton(settings);
        builder.Services.AddHttpContextAccessor();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = SecuritySettings.Issuer,
                    ValidAudience = SecuritySettings.Issuer,
                    IssuerSigningKey = settings.SigningKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // Keeps why a token was refused, so the answer can say so instead of a bare "not signed in".
                options.Events = new JwtBearerEvents
                {
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[AuthenticationFailure] = context.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
                            ? "token sudah kedaluwarsa; masuk lagi dengan login"
                            : "token tidak sah";
                        return Task.CompletedTask;
                    },
                };
            });
        // A token's lifetime is read on the host's clock, the one that issued it.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, clock) => options.TokenValidationParameters.LifetimeValidator =
                (notBefore, expires, _, parameters) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                        && (expires is null || expires.Value > now - parameters.ClockSkew);
                });
        builder.Services.AddAuthorization();
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            container.Register(c =>
                {
                    var options = new DbContextOptionsBuilder<HostDbContext>();
                    c.Resolve<IDatabaseProvider>().Configure(options, HostDbContext.Schema, IndicatorDataContext.MigrationsHistoryTable(HostDbContext.TablePrefix));
                    return options.Options;
                })
                .SingleInstance();
            container.Register<Func<HostDbContext>>(c =>
                {
                    var options = c.Resolve<DbContextOptions<HostDbContext>>();
                    return () => new HostDbContext(options).Enlisted();
                })
                .SingleInstance();
            container.RegisterInstance(DataContextKind.Of<HostDbContext>(HostDbContext.Schema,
                IndicatorDataContext.MigrationsHistoryTable(HostDbContext.TablePrefix), options => new HostDbContext(options)));
            container.RegisterType<HostDataInitializer>().As<IModuleInitializer>().SingleInstance();
            container.RegisterType<UnitOfWork>().As<IUnitOfWork>().As<IDataVersion>().SingleInstance();
            container.RegisterType<AccountService>().SingleInstance();
            container.RegisterType<LoginThrottle>().SingleInstance();
            container.RegisterType<AuditTrail>().AsSelf().As<IAuditTrail>().SingleInstance();
            container.RegisterType<Access>().SingleInstance();
            container.RegisterType<UserCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<AccountsGraphQL>().As<IGraphQLContributor>().SingleInstance();
        });
    }
}

/// <summary>Creates or upgrades the host's own tables at start; on PostgreSQL also the schema Quartz provisions its tables in.</summary>
internal sealed class HostDataInitializer(Func<HostDbContext> createContext) : IModuleInitializer
{
    public string State => MigrationIds.Of<HostDbContext>();

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Engine() == DatabaseEngine.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync($"CREATE SCHEMA IF NOT EXISTS \"{Scheduling.SchedulerHosting.PostgreSqlSchema}\"", cancellationToken);
        }
    }
}
