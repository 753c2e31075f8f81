using Autofac;
using Kinerja.Shared.Data;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Modules.Accounts;

/// <summary>What the host composes of the accounts module: sign-in with bearer tokens, the accounts, the audit trail.</summary>
public static class AccountsHosting
{
    /// <summary>Accounts, bearer tokens and the audit trail; the signing key is made in <paramref name="dataDirectory"/> unless configured.</summary>
    public static void AddKinerjaAccounts(this WebApplicationBuilder builder, string dataDirectory)
    {
        var settings = SecuritySettings.From(builder.Configuration, dataDirectory);
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
                        context.HttpContext.Items[SignIn.FailureItem] = context.Exception is SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException
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
            var kind = AccountsDbContext.Kind;
            container.RegisterInstance(kind);
            container.Register(c => new DataContextMigration(kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
            container.Register(c => kind.Factory<AccountsDbContext>(c.Resolve<IDatabaseProvider>())).SingleInstance();
            container.RegisterType<AccountService>().SingleInstance();
            container.RegisterType<LoginThrottle>().SingleInstance();
            container.RegisterType<AuditTrail>().AsSelf().As<IAuditTrail>().SingleInstance();
            container.RegisterType<UserCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<AccountsGraphQL>().As<IGraphQLContributor>().SingleInstance();
        });
    }
}
