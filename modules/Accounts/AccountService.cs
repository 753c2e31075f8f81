using System.Globalization;
using System.Security.Claims;
using Kinerja.Shared.Data;
using Kinerja.Shared.Errors;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kinerja.Modules.Accounts;

internal sealed record LoginResult(string Token, DateTimeOffset ExpiresAt);

/// <summary>An account as an administrator sees it: never its password or its hash.</summary>
internal sealed record AccountInfo(string UserName, IReadOnlyList<string> Roles, string? Unit, bool Disabled, DateTimeOffset CreatedAt,
    DateTimeOffset? ChangedAt, DateTimeOffset? LockedUntil);

/// <summary>What an administrator gives for an account: its roles and unit, and a password when it is made.</summary>
internal sealed class AccountInput
{
    public string Username { get; set; } = "";
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Unit { get; set; }
}

/// <summary>
/// The office's accounts. Passwords are stored as ASP.NET Core Identity's salted PBKDF2 hash and hashed outside the writer's
/// turn; every change is audited and raises the account's stamp where the account's tokens must end (disabled, a new
/// password, other roles or unit). Signing in answers a missing name, a wrong password and a disabled account alike,
/// in the same time; repeated failures make the name (and the client address) wait, longer each time.
/// </summary>
internal sealed class AccountService
{
    public const int FreeFailures = 3;
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    private const string Refused = "nama pengguna atau kata sandi salah";

    private readonly Func<AccountsDbContext> _createContext;
    private readonly ModuleDirectory _directory;
    private readonly SecuritySettings _settings;
    private readonly TimeProvider _clock;
    private readonly LoginThrottle _throttle;
    private readonly IUnitOfWork _unit;
    private readonly IAuditTrail _audit;
    private readonly Access _access;
    private readonly PasswordHasher<AccountRecord> _hasher = new();

    public AccountService(Func<AccountsDbContext> createContext, ModuleDirectory directory, SecuritySettings settings, TimeProvider clock,
        LoginThrottle throttle, IUnitOfWork unit, IAuditTrail audit, Access access)
    {
        _createContext = createContext;
        _directory = directory;
        _settings = settings;
        _clock = clock;
        _throttle = throttle;
        _unit = unit;
        _audit = audit;
        _access = access;
    }

    public async Task<IReadOnlyList<AccountInfo>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "membaca daftar akun");
        await using var db = _createContext();
        var accounts = await db.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken);
        return accounts.Select(Info).ToList();
    }

    /// <summary>Makes an account: by an administrator, or on the command line (the first administrator too).</summary>
    public async Task<AccountInfo> CreateAsync(Caller caller, AccountInput input, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "membuat akun");
        var errors = new List<FieldError>();
        Credentials.CheckUserName(errors, "input.username", input.Username);
        Credentials.CheckPassword(errors, "input.password", input.Username, input.Password);
        CheckRolesAndUnit(errors, input.Roles, input.Unit);
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
        var account = new AccountRecord
        {
            UserName = input.Username, PasswordHash = "", Roles = [.. input.Roles.Distinct().Order(StringComparer.Ordinal)], Unit = input.Unit,
            CreatedAt = _clock.GetUtcNow(),
        };
        account.PasswordHash = _hasher.HashPassword(account, input.Password!);
        return await _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            if (await db.Accounts.AnyAsync(a => a.UserName == account.UserName, cancellationToken))
            {
                throw new InputException("input.username", $"akun '{account.UserName}' sudah ada");
            }
            db.Accounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry("akun dibuat", account.Unit, account.UserName, null, null, null, Described(account)),
                cancellationToken);
            return Info(account);
        }, cancellationToken);
    }

    /// <summary>Gives an account other roles or another unit; its tokens end, since they carry the old ones.</summary>
    public Task<AccountInfo> UpdateAsync(Caller caller, AccountInput input, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "mengubah akun");
        var errors = new List<FieldError>();
        CheckRolesAndUnit(errors, input.Roles, input.Unit);
        if (input.Password is not null)
        {
            errors.Add(new("input.password", "kata sandi diganti dengan resetPassword, bukan updateAccount"));
        }
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
        return ChangeAsync(caller, input.Username, "akun diubah", account =>
        {
            if (account.UserName == caller.UserName && account.Roles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin))
            {
                throw new InputException("input.roles", "administrator tidak dapat mencabut peran administrator dari akunnya sendiri");
            }
            account.Roles = [.. input.Roles.Distinct().Order(StringComparer.Ordinal)];
            account.Unit = input.Unit;
        }, cancellationToken);
    }

    public Task<AccountInfo> SetDisabledAsync(Caller caller, string userName, bool disabled, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, disabled ? "menonaktifkan akun" : "mengaktifkan akun");
        return ChangeAsync(caller, userName, disabled ? "akun dinonaktifkan" : "akun diaktifkan", account =>
        {
            if (disabled && account.UserName == caller.UserName)
            {
                throw new InputException("username", "administrator tidak dapat menonaktifkan akunnya sendiri");
            }
            account.Disabled = disabled;
        }, cancellationToken);
    }

    /// <summary>An administrator sets a new password for an account (forgotten, or taken): its tokens end, its waits too.</summary>
    public Task<AccountInfo> ResetPasswordAsync(Caller caller, string userName, string newPassword, CancellationToken cancellationToken)
    {
        _access.RequireAdmin(caller, "menyetel ulang kata sandi");
        var errors = new List<FieldError>();
        Credentials.CheckPassword(errors, "newPassword", userName, newPassword);
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
        var hash = _hasher.HashPassword(new AccountRecord { UserName = userName, PasswordHash = "" }, newPassword);
        return ChangeAsync(caller, userName, "kata sandi disetel ulang", account =>
        {
            account.PasswordHash = hash;
            account.FailedLogins = 0;
            account.LockedUntil = null;
        }, cancellationToken);
    }

    /// <summary>
    /// Anyone changes their own password, giving the current one. Every token of the account ends, this one too: the
    /// answer is a new token.
    /// </summary>
    public async Task<LoginResult> ChangePasswordAsync(Caller caller, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        Access.RequireSignedIn(caller);
        var userName = caller.UserName!;
        var errors = new List<FieldError>();
        Credentials.CheckPassword(errors, "newPassword", userName, newPassword);
        if (newPassword == currentPassword)
        {
            errors.Add(new("newPassword", "kata sandi baru harus berbeda dari yang sekarang"));
        }
        await using (var db = _createContext())
        {
            var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
            if (account is null || _hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            {
                errors.Add(new("currentPassword", "kata sandi sekarang salah"));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
        var hash = _hasher.HashPassword(new AccountRecord { UserName = userName, PasswordHash = "" }, newPassword);
        AccountRecord? changed = null;
        await ChangeAsync(caller, userName, "kata sandi diganti", account =>
        {
            account.PasswordHash = hash;
            changed = account;
        }, cancellationToken);
        return Issue(changed!, _clock.GetUtcNow());
    }

    // One change of one account, in one transaction with its audit row: the account is read in the writer's turn, so two
    // administrators at once change it one after the other. Its stamp rises, which ends its tokens on every host.
    private Task<AccountInfo> ChangeAsync(Caller caller, string userName, string action, Action<AccountRecord> change,
        CancellationToken cancellationToken) =>
        _unit.RunAsync(async () =>
        {
            await using var db = _createContext();
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken)
                ?? throw new InputException("username", $"akun '{userName}' tidak ada");
            var before = Described(account);
            change(account);
            await RequireAnAdministratorAsync(db, account, cancellationToken);
            account.Stamp++;
            account.ChangedAt = _clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await _audit.RecordAsync(caller, new AuditEntry(action, account.Unit, account.UserName, null, null, before, Described(account)),
                cancellationToken);
            return Info(account);
        }, cancellationToken);

    // An office without an enabled administrator could not manage its accounts but from the command line.
    private static async Task RequireAnAdministratorAsync(AccountsDbContext db, AccountRecord changed, CancellationToken cancellationToken)
    {
        if (!changed.Disabled && changed.Roles.Contains(Roles.Admin))
        {
            return;
        }
        var others = await db.Accounts.AsNoTracking().Where(a => a.UserName != changed.UserName && !a.Disabled).ToListAsync(cancellationToken);
        if (!others.Any(a => a.Roles.Contains(Roles.Admin)))
        {
            throw new InputException("username", $"'{changed.UserName}' adalah administrator aktif terakhir; buat atau aktifkan administrator lain dahulu");
        }
    }

    private void CheckRolesAndUnit(List<FieldError> errors, IReadOnlyList<string> roles, string? unit)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(new("input.roles", $"peran harus salah satu dari: {string.Join(", ", Roles.All)}"));
        }
        if (unit is not null && _directory.FindUnit(unit) is null)
        {
            errors.Add(new("input.unit", $"unit '{unit}' tidak dikenal"));
        }
        if ((roles.Contains(Roles.Operator) || roles.Contains(Roles.Verifikator)) && unit is null)
        {
            errors.Add(new("input.unit", "operator dan verifikator memerlukan unit: peran itu berlaku untuk unitnya dan unit di bawahnya"));
        }
    }

    /// <param name="address">The client's address (behind a configured proxy, the client's own): one that fails with many names waits too.</param>
    public async Task<LoginResult> LoginAsync(string userName, string password, string address, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        AccountRecord? account;
        await using (var db = _createContext())
        {
            account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        }
        // A name without an account waits as one with an account would: the answer must not tell which names exist.
        var wait = _throttle.AddressWaitUntil(address, now)
            ?? (account is null ? _throttle.NameWaitUntil(userName, now) : account.LockedUntil > now ? account.LockedUntil : null);
        var verified = _hasher.VerifyHashedPassword(account ?? Nobody, account?.PasswordHash ?? DummyHash, password) != PasswordVerificationResult.Failed
            && account is not null;
        if (wait is { } until)
        {
            throw Delayed(until, now);
        }
        if (verified && !account!.Disabled)
        {
            await _unit.RunAsync(async () =>
            {
                await using var db = _createContext();
                await db.Accounts.Where(a => a.UserName == userName)
                    .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedLogins, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
                await _audit.RecordAsync(AsAccount(account), new AuditEntry("masuk", account.Unit, account.UserName, null, null, null, null), cancellationToken);
                return 0;
            }, cancellationToken, ChangeReach.Unanswered);
            return Issue(account, now);
        }
        var addressWait = _throttle.FailAddress(address, now);
        await _unit.RunAsync(async () =>
        {
            // A name is kept as typed only where it is a name: anything else is not repeated into the trail.
            var name = Credentials.IsUserName(userName) ? userName : "(nama tidak sah)";
            DateTimeOffset? nameWait;
            if (account is null)
            {
                nameWait = _throttle.FailName(userName, now);
            }
            else
            {
                await using var db = _createContext();
                nameWait = await CountFailureAsync(db, userName, now, cancellationToken);
            }
            var attempt = new Caller(name, new HashSet<string>(), null);
            await _audit.RecordAsync(attempt, new AuditEntry(verified ? "masuk ditolak: akun nonaktif" : "masuk gagal", account?.Unit, name,
                null, null, null, null), cancellationToken);
            if ((nameWait ?? addressWait) is { } until)
            {
                await _audit.RecordAsync(attempt, new AuditEntry(nameWait is null ? "alamat ditahan" : "akun ditahan", account?.Unit, name, null, null,
                    null, new { sampai = until, alamat = nameWait is null ? address : null }), cancellationToken);
            }
            return 0;
        }, cancellationToken, ChangeReach.Unanswered);
        throw new AccessException("LOGIN_FAILED", Refused);
    }

    // One statement counts the failure, so failures at the same moment are each counted; the wait is set only while the count
    // is still the one it was computed from, so the latest failure's wait stands. Returns the wait this failure began.
    private static async Task<DateTimeOffset?> CountFailureAsync(AccountsDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = $$"""UPDATE {{db.Table<AccountRecord>()}} SET "FailedLogins" = "FailedLogins" + 1 WHERE "UserName" = {0} RETURNING "FailedLogins" AS "Value" """;
        var counted = await db.Database.SqlQueryRaw<int>(count, userName).ToListAsync(cancellationToken);
        if (counted is not [var failures] || failures <= FreeFailures)
        {
            return null;
        }
        var until = now + Wait(failures - FreeFailures);
        await db.Accounts.Where(a => a.UserName == userName && a.FailedLogins == failures)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, until), cancellationToken);
        return until;
    }

    /// <summary>5 s after the first failure over the free ones, doubling each time, at most 15 minutes.</summary>
    public static TimeSpan Wait(int failuresOverFree)
    {
        var wait = FirstWait * Math.Pow(2, Math.Min(failuresOverFree - 1, 10));
        return wait < LongestWait ? wait : LongestWait;
    }

    private static AccessException Delayed(DateTimeOffset until, DateTimeOffset now)
    {
        var seconds = Math.Ceiling((until - now).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new AccessException("LOGIN_DELAYED", $"terlalu banyak percobaan masuk yang gagal; coba lagi dalam {seconds} detik");
    }

    private LoginResult Issue(AccountRecord account, DateTimeOffset now)
    {
        var expires = now + _settings.TokenLifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Name, account.UserName),
            new(AccountStamps.Claim, account.Stamp.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(r => new Claim("role", r)));
        if (account.Unit is not null)
        {
            claims.Add(new Claim(Roles.UnitClaim, account.Unit));
        }
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = SecuritySettings.Issuer,
            Audience = SecuritySettings.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(_settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return new LoginResult(token, expires);
    }

    private static Caller AsAccount(AccountRecord account) =>
        new(account.UserName, account.Roles.ToHashSet(StringComparer.Ordinal), account.Unit);

    private static AccountInfo Info(AccountRecord a) => new(a.UserName, a.Roles, a.Unit, a.Disabled, a.CreatedAt, a.ChangedAt, a.LockedUntil);

    // What the audit trail keeps of an account: never its password or hash.
    private static object Described(AccountRecord a) => new { roles = a.Roles.ToList(), unit = a.Unit, disabled = a.Disabled };

    private static readonly AccountRecord Nobody = new() { UserName = "", PasswordHash = "" };

    private static readonly string DummyHash = new PasswordHasher<AccountRecord>().HashPassword(Nobody, "kinerja-tanpa-akun");
}
