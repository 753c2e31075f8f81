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
            var kind = DataContextKind.Of<HostDbContext>(HostDbContext.Schema, HostDbContext.MigrationsHistoryTable, options => new HostDbContext(options));
            container.RegisterInstance(kind);
            container.Register(c => new DataContextMigration(kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
            container.Register(c => kind.Factory<HostDbContext>(c.Resolve<IDatabaseProvider>())).SingleInstance();
            container.RegisterType<SchedulerSchemaInitializer>().As<IModuleInitializer>().SingleInstance();
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

/// <summary>On PostgreSQL, the schema Quartz provisions its tables in, made at start.</summary>
internal sealed class SchedulerSchemaInitializer(IDatabaseProvider database) : IModuleInitializer
{
    public string State => Scheduling.SchedulerHosting.PostgreSqlSchema;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (database.Engine != DatabaseEngine.PostgreSql)
        {
            return;
        }
        await using var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE SCHEMA IF NOT EXISTS \"{Scheduling.SchedulerHosting.PostgreSqlSchema}\"";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
