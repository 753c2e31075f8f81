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

/// <summary>
/// Accounts kept by the host. Passwords are stored as ASP.NET Core Identity's salted PBKDF2 hash; a wrong
/// name and a wrong password are refused alike; after repeated failures an account waits before it may
/// try again, longer each time.
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
    private readonly LoginThrottle _addresses;
    private readonly PasswordHasher<AccountRecord> _hasher = new();

    public AccountService(Func<AccountsDbContext> createContext, ModuleDirectory directory, SecuritySettings settings, TimeProvider clock,
        LoginThrottle addresses)
    {
        _addresses = addresses;
        _createContext = createContext;
        _directory = directory;
        _settings = settings;
        _clock = clock;
    }

    public async Task CreateAsync(string userName, string password, IReadOnlyList<string> roles, string? unit, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Any(char.IsWhiteSpace))
        {
            errors.Add(new("username", "nama pengguna wajib diisi, tanpa spasi"));
        }
        if (password.Length < 10)
        {
            errors.Add(new("password", "kata sandi paling sedikit 10 karakter"));
        }
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add(new("role", $"peran harus salah satu dari: {string.Join(", ", Roles.All)}"));
        }
        if (unit is not null && _directory.FindUnit(unit) is null)
        {
            errors.Add(new("unit", $"unit '{unit}' tidak dikenal"));
        }
        if ((roles.Contains(Roles.Operator) || roles.Contains(Roles.Verifikator)) && unit is null)
        {
            errors.Add(new("unit", "operator dan verifikator memerlukan --unit: peran itu berlaku untuk unitnya dan unit di bawahnya"));
        }
        await using var db = _createContext();
        if (errors.Count == 0 && await db.Accounts.AnyAsync(a => a.UserName == userName, cancellationToken))
        {
            errors.Add(new("username", $"akun '{userName}' sudah ada"));
        }
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }
        var account = new AccountRecord { UserName = userName, PasswordHash = "", Roles = [.. roles], Unit = unit, CreatedAt = _clock.GetUtcNow() };
        account.PasswordHash = _hasher.HashPassword(account, password);
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <param name="address">The client's address: one that fails with many accounts waits too.</param>
    public async Task<LoginResult> LoginAsync(string userName, string password, string address, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_addresses.WaitUntil(address, now) is { } addressWait)
        {
            throw Delayed(addressWait, now);
        }
        await using var db = _createContext();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        if (account?.LockedUntil is { } until && until > now)
        {
            throw Delayed(until, now);
        }
        var verified = account is not null && _hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (account is null)
        {
            // Costs the same as a real check, so a missing name cannot be told from a wrong password by time.
            _hasher.VerifyHashedPassword(new AccountRecord { UserName = userName, PasswordHash = "" }, DummyHash, password);
            _addresses.Fail(address, now);
            throw new AccessException("LOGIN_FAILED", Refused);
        }
        if (!verified)
        {
            _addresses.Fail(address, now);
            await CountFailureAsync(db, userName, now, cancellationToken);
            throw new AccessException("LOGIN_FAILED", Refused);
        }
        await db.Accounts.Where(a => a.UserName == userName)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedLogins, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        return Issue(account, now);
    }

    // One statement counts the failure, so failures at the same moment are each counted; the wait is set
    // only while the count is still the one it was computed from, so the latest failure's wait stands.
    private static async Task CountFailureAsync(AccountsDbContext db, string userName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = $$"""UPDATE {{db.Table<AccountRecord>()}} SET "FailedLogins" = "FailedLogins" + 1 WHERE "UserName" = {0} RETURNING "FailedLogins" AS "Value" """;
        var counted = await db.Database.SqlQueryRaw<int>(count, userName).ToListAsync(cancellationToken);
        if (counted is not [var failures] || failures <= FreeFailures)
        {
            return;
        }
        var until = now + Wait(failures - FreeFailures);
        await db.Accounts.Where(a => a.UserName == userName && a.FailedLogins == failures)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, until), cancellationToken);
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
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Name, account.UserName) };
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

    private static readonly string DummyHash = new PasswordHasher<AccountRecord>().HashPassword(
        new AccountRecord { UserName = "", PasswordHash = "" }, "kinerja-tanpa-akun");
}
