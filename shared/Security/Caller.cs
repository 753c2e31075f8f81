using System.Security.Claims;

namespace Kinerja.Shared.Security;

/// <summary>The roles of Kinerja. A role acts within its unit and the units below it.</summary>
public static class Roles
{
    /// <summary>Everything, accounts included.</summary>
    public const string Admin = "admin";

    /// <summary>Reads everything: Kepala Dinas, Sekretaris.</summary>
    public const string Pimpinan = "pimpinan";

    /// <summary>Enters realisations, stocks, imports and targets for its unit and the units below it.</summary>
    public const string Operator = "operator";

    /// <summary>Verifies or returns what the units below it entered: a Kepala Bidang over its Seksi.</summary>
    public const string Verifikator = "verifikator";

    public static readonly IReadOnlyList<string> All = [Admin, Pimpinan, Operator, Verifikator];

    public const string UnitClaim = "unit";
}

/// <summary>Who sends a request, read from its token; anonymous when there is none.</summary>
public sealed record Caller(string? UserName, IReadOnlySet<string> Roles, string? Unit)
{
    public static readonly Caller Anonymous = new(null, new HashSet<string>(), null);

    /// <summary>The command line: whoever can run the host on its data directory may already change every file in it.</summary>
    public static readonly Caller CommandLine = new("(baris perintah)", new HashSet<string> { Security.Roles.Admin }, null);

    /// <summary>The host's own scheduler (the quarterly rollup).</summary>
    public static readonly Caller Scheduler = new("(jadwal)", new HashSet<string> { Security.Roles.Admin }, null);

    public bool IsSignedIn => UserName is not null;

    public bool Is(string role) => Roles.Contains(role);

    public bool IsAdmin => Is(Security.Roles.Admin);

    public static Caller From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not ClaimsIdentity { IsAuthenticated: true } identity || identity.Name is null)
        {
            return Anonymous;
        }
        return new Caller(
            identity.Name,
            identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            identity.FindFirst(Security.Roles.UnitClaim)?.Value);
    }

    public override string ToString() => UserName ?? "(tanpa akun)";
}
