using System.Globalization;
using System.Security.Claims;
using Kinerja.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// Whether a token still speaks for its account: the account exists, is enabled, and has the stamp the token was issued
/// at. Every account change raises the data version, so the accounts' stamps are read once per version and kept in
/// memory: a request checks its token against them with no statement of its own beyond the version it reads anyway.
/// </summary>
internal sealed class AccountStamps
{
    /// <summary>The claim a token carries its account's stamp in.</summary>
    public const string Claim = "kinerja_stamp";

    private readonly Func<AccountsDbContext> _createContext;
    private readonly VersionKept<bool, IReadOnlyDictionary<string, (long Stamp, bool Disabled)>> _kept;

    public AccountStamps(Func<AccountsDbContext> createContext, IDataVersion version)
    {
        _createContext = createContext;
        _kept = new(version);
    }

    /// <summary>Why the token no longer speaks for its account; null while it does.</summary>
    public async Task<string?> RefusalAsync(ClaimsPrincipal principal, RequestDataVersion version, CancellationToken cancellationToken)
    {
        var name = principal.Identity?.Name;
        if (name is null || !long.TryParse(principal.FindFirst(Claim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            return "token tidak sah";
        }
        var accounts = await _kept.ReadAsync(true, ReadAsync, cancellationToken, await version.FirstAsync(cancellationToken));
        if (!accounts.TryGetValue(name, out var account))
        {
            return "akun token ini tidak ada";
        }
        if (account.Disabled)
        {
            return "akun ini dinonaktifkan";
        }
        return account.Stamp == stamp ? null : "token dicabut karena akunnya berubah (kata sandi, peran atau unit); masuk lagi";

        async Task<IReadOnlyDictionary<string, (long, bool)>> ReadAsync()
        {
            await using var db = _createContext();
            return await db.Accounts.AsNoTracking().ToDictionaryAsync(a => a.UserName, a => (a.Stamp, a.Disabled), StringComparer.Ordinal, cancellationToken);
        }
    }
}
