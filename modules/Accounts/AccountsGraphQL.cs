using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Periods;
using Kinerja.Shared.Security;

namespace Kinerja.Modules.Accounts;

internal sealed class LoginResultType : ObjectGraphType<LoginResult>
{
    public LoginResultType()
    {
        Name = "LoginResult";
        Field<NonNullGraphType<StringGraphType>>("token").Description("Send it as Authorization: Bearer TOKEN.").Resolve(c => c.Source.Token);
        Field<NonNullGraphType<StringGraphType>>("expiresAt").Description("ISO 8601 with offset.")
            .Resolve(c => c.Source.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }
}

internal sealed class AccountType : ObjectGraphType<Caller>
{
    public AccountType()
    {
        Name = "Account";
        Description = "Who the request's token belongs to.";
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(c => c.Source.UserName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Resolve(c => c.Source.Roles.Order());
        Field<StringGraphType>("unit").Resolve(c => c.Source.Unit);
    }
}

internal sealed class UserAccountType : ObjectGraphType<AccountInfo>
{
    public UserAccountType()
    {
        Name = "UserAccount";
        Description = "An account as an administrator manages it.";
        Field<NonNullGraphType<StringGraphType>>("username").Resolve(c => c.Source.UserName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Resolve(c => c.Source.Roles);
        Field<StringGraphType>("unit").Description("The unit it acts for, with the units below it; none for an administrator of the whole office.")
            .Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<BooleanGraphType>>("disabled").Description("A disabled account cannot sign in; its tokens are refused.")
            .Resolve(c => c.Source.Disabled);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Description("ISO 8601 with offset.").Resolve(c => c.Source.CreatedAt.ToIso8601());
        Field<StringGraphType>("changedAt").Description("When it was last changed; null if never.").Resolve(c => c.Source.ChangedAt?.ToIso8601());
        Field<StringGraphType>("lockedUntil").Description("Until when it must wait after failed sign-ins; null when it need not.")
            .Resolve(c => c.Source.LockedUntil?.ToIso8601());
    }
}

internal sealed class AccountInputType : InputObjectGraphType<AccountInput>
{
    public AccountInputType()
    {
        Name = "AccountInput";
        Field<NonNullGraphType<StringGraphType>>("username");
        Field<StringGraphType>("password").Description("Only when the account is made: 12 characters or more, not a common one.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("admin, pimpinan, operator, verifikator.");
        Field<StringGraphType>("unit").Description("A unit code; required for operators and verifikator.");
    }
}

internal sealed class AuditEntryType : ObjectGraphType<AuditRecord>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Field<NonNullGraphType<StringGraphType>>("at").Description("ISO 8601, UTC.")
            .Resolve(c => new DateTimeOffset(DateTime.SpecifyKind(c.Source.AtUtc, DateTimeKind.Utc)).ToIso8601());
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<StringGraphType>("unit").Resolve(c => c.Source.Unit);
        Field<StringGraphType>("code").Description("The indicator, stock, register or account concerned.").Resolve(c => c.Source.Code);
        Field<IntGraphType>("year").Resolve(c => c.Source.Year);
        Field<IntGraphType>("quarter").Resolve(c => c.Source.Quarter);
        Field<StringGraphType>("before").Description("JSON of the value before the change.").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("JSON of the value after the change.").Resolve(c => c.Source.After);
        Field<NonNullGraphType<StringGraphType>>("origin").Description("Where the request came from.").Resolve(c => c.Source.Origin);
    }
}

/// <summary>The host's accounts part of the schema: signing in, who am I, and the audit trail for admins.</summary>
internal sealed class AccountsGraphQL : IGraphQLContributor
{
    public const string Login = "login";

    public void AddQueryFields(ObjectGraphType query)
    {
        query.Field<AccountType>("me")
            .OpenToAnyone()
            .KeptAlongside()
            .Description("The account of the request's token; null without one.")
            .Resolve(c => Caller.From(c.User) is { IsSignedIn: true } caller ? caller : null);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserAccountType>>>>("accounts")
            .Description("Every account, by name (administrators).")
            .ResolveAsync(async c => await c.Service<AccountService>().ListAsync(Caller.From(c.User), c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryType>>>>("auditTrail")
            .Description("Every change, newest first (admins only). Filter by unit, code (indicator, stock, register), user and time.")
            .Argument<StringGraphType>("unit")
            .Argument<StringGraphType>("code")
            .Argument<StringGraphType>("user")
            .Argument<DateTimeOffsetGraphType>("from")
            .Argument<DateTimeOffsetGraphType>("to")
            .Argument<IntGraphType>("limit", a => a.DefaultValue = 200)
            .ResolveAsync(async c =>
            {
                c.Service<Access>().RequireAdmin(Caller.From(c.User), "membaca jejak audit");
                return await c.Service<AuditTrail>().ReadAsync(new AuditQuery(
                    c.GetArgument<string?>("unit"), c.GetArgument<string?>("code"), c.GetArgument<string?>("user"),
                    c.GetArgument<DateTimeOffset?>("from"), c.GetArgument<DateTimeOffset?>("to"),
                    Math.Clamp(c.GetArgument<int>("limit"), 1, 5000)), c.CancellationToken);
            });
    }

    public void AddMutationFields(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<UserAccountType>>("createAccount")
            .Description("Makes an account (administrators).")
            .Argument<NonNullGraphType<AccountInputType>>("input")
            .ResolveAsync(async c => await c.Service<AccountService>().CreateAsync(Caller.From(c.User), c.GetArgument<AccountInput>("input"),
                c.CancellationToken));
        mutation.Field<NonNullGraphType<UserAccountType>>("updateAccount")
            .Description("Gives an account other roles or another unit (administrators); its tokens end.")
            .Argument<NonNullGraphType<AccountInputType>>("input")
            .ResolveAsync(async c => await c.Service<AccountService>().UpdateAsync(Caller.From(c.User), c.GetArgument<AccountInput>("input"),
                c.CancellationToken));
        mutation.Field<NonNullGraphType<UserAccountType>>("disableAccount")
            .Description("Stops an account from signing in, and ends its tokens at once (administrators).")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .ResolveAsync(async c => await c.Service<AccountService>().SetDisabledAsync(Caller.From(c.User), c.GetArgument<string>("username"), true,
                c.CancellationToken));
        mutation.Field<NonNullGraphType<UserAccountType>>("enableAccount")
            .Description("Lets a disabled account sign in again (administrators).")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .ResolveAsync(async c => await c.Service<AccountService>().SetDisabledAsync(Caller.From(c.User), c.GetArgument<string>("username"), false,
                c.CancellationToken));
        mutation.Field<NonNullGraphType<UserAccountType>>("resetPassword")
            .Description("Sets a new password for an account (administrators); its tokens end and its waits are lifted.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("newPassword")
            .ResolveAsync(async c => await c.Service<AccountService>().ResetPasswordAsync(Caller.From(c.User), c.GetArgument<string>("username"),
                c.GetArgument<string>("newPassword"), c.CancellationToken));
        mutation.Field<NonNullGraphType<LoginResultType>>("changePassword")
            .Description("Changes the caller's own password, given the current one; every token of the account ends, and the answer is a new one.")
            .Argument<NonNullGraphType<StringGraphType>>("currentPassword")
            .Argument<NonNullGraphType<StringGraphType>>("newPassword")
            .ResolveAsync(async c => await c.Service<AccountService>().ChangePasswordAsync(Caller.From(c.User), c.GetArgument<string>("currentPassword"),
                c.GetArgument<string>("newPassword"), c.CancellationToken));
        mutation.Field<NonNullGraphType<LoginResultType>>(Login)
            .OpenToAnyone()
            .Description("Signs in: a wrong name and a wrong password are refused alike; repeated failures make the account wait.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .ResolveAsync(async c => await c.Service<AccountService>().LoginAsync(
                c.GetArgument<string>("username"), c.GetArgument<string>("password"),
                c.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "lokal", c.CancellationToken));
    }
}
