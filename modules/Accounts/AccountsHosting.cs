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
        // Made (and the signing key with it) when first needed, not when the program is composed: --help writes nothing.
        builder.Services.AddSingleton(_ => SecuritySettings.From(builder.Configuration, dataDirectory));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SecuritySettings, TimeProvider>((options, settings, clock) =>
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
                    // A token's lifetime is read on the host's clock, the one that issued it.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        // A token that never expires would outlive every change of its account: none is issued, none taken.
                        if (expires is null)
                        {
                            throw new SecurityTokenNoExpirationException("token tanpa masa berlaku");
                        }
                        var now = clock.GetUtcNow().UtcDateTime;
                        return (notBefore is null || notBefore.Value <= now + parameters.ClockSkew) && expires.Value > now - parameters.ClockSkew;
                    },
                };
                options.Events = new JwtBearerEvents
                {
                    // Keeps why a token was refused, so the answer can say so instead of a bare "not signed in".
                    OnAuthenticationFailed = context =>
                    {
                        context.HttpContext.Items[SignIn.FailureItem] = context.Exception switch
                        {
                            SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "token sudah kedaluwarsa; masuk lagi dengan login",
                            SecurityTokenNoExpirationException => "token tanpa masa berlaku tidak diterima",
                            _ => context.HttpContext.Items[SignIn.FailureItem] as string ?? "token tidak sah",
                        };
                        return Task.CompletedTask;
                    },
                    // A well-signed token speaks for its account only while the account is as it was when the token was issued.
                    OnTokenValidated = async context =>
                    {
                        var services = context.HttpContext.RequestServices;
                        if (await services.GetRequiredService<AccountStamps>().RefusalAsync(context.Principal!,
                                services.GetRequiredService<RequestDataVersion>(), context.HttpContext.RequestAborted) is { } refusal)
                        {
                            context.HttpContext.Items[SignIn.FailureItem] = refusal;
                            context.Fail(refusal);
                        }
                    },
                };
            });
        builder.Services.AddAuthorization();
        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            var kind = AccountsDbContext.Kind;
            container.RegisterInstance(kind);
            container.Register(c => new DataContextMigration(kind, c.Resolve<IDatabaseProvider>())).As<IModuleInitializer>().SingleInstance();
            container.Register(c => kind.Factory<AccountsDbContext>(c.Resolve<IDatabaseProvider>())).SingleInstance();
            container.RegisterType<AccountService>().SingleInstance();
            container.RegisterType<AccountStamps>().SingleInstance();
            container.RegisterType<LoginThrottle>().SingleInstance();
            container.RegisterType<AuditTrail>().AsSelf().As<IAuditTrail>().SingleInstance();
            container.RegisterType<UserCommand>().As<IHostCommand>().SingleInstance();
            container.RegisterType<AccountsGraphQL>().As<IGraphQLContributor>().SingleInstance();
        });
    }
}
