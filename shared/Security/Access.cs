using Kinerja.Shared.Modules;

namespace Kinerja.Shared.Security;

/// <summary>
/// Who may do what, by role and place in the unit tree. Every refusal is an error that says why, in
/// Bahasa Indonesia, with the code FORBIDDEN.
/// </summary>
public sealed class Access
{
    private readonly ModuleDirectory _directory;

    public Access(ModuleDirectory directory) => _directory = directory;

    /// <summary>Whether <paramref name="unit"/> is <paramref name="scope"/> or below it.</summary>
    public bool IsWithin(string unit, string scope)
    {
        for (var code = unit; code is not null; code = _directory.FindUnit(code)?.Parent)
        {
            if (code == scope)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the caller may enter figures of a unit: an operator of that unit or one above it, or an admin.</summary>
    public bool MayEnter(Caller caller, string unit) =>
        caller.IsAdmin || (caller.Is(Roles.Operator) && caller.Unit is { } scope && IsWithin(unit, scope));

    public void RequireEntry(Caller caller, string unit, string what)
    {
        RequireSignedIn(caller);
        if (MayEnter(caller, unit))
        {
            return;
        }
        throw Forbidden(caller, $"{what} milik unit {unit}: hanya operator unit itu atau unit di atasnya yang dapat mengisinya");
    }

    /// <summary>Something that each unit enters for itself (a services file, row by row): an operator of some unit, or an admin.</summary>
    public static void RequireEntryOfSomeUnit(Caller caller, string what)
    {
        RequireSignedIn(caller);
        if (caller.IsAdmin || (caller.Is(Roles.Operator) && caller.Unit is not null))
        {
            return;
        }
        throw Forbidden(caller, $"{what} diisi oleh operator unit atau admin; akun ini tidak mengisi data unit mana pun");
    }

    /// <summary>
    /// Verifying what a unit entered: a verifikator of a unit strictly above it (a Kepala Bidang over its
    /// Seksi), or an admin; never the one who entered it.
    /// </summary>
    public void RequireVerification(Caller caller, string unit, string? enteredBy, string what)
    {
        RequireSignedIn(caller);
        if (enteredBy is not null && enteredBy == caller.UserName)
        {
            throw Forbidden(caller, $"{what} diisi oleh {caller.UserName} sendiri; tidak ada yang memverifikasi isiannya sendiri");
        }
        if (caller.IsAdmin || (caller.Is(Roles.Verifikator) && caller.Unit is { } scope && scope != unit && IsWithin(unit, scope)))
        {
            return;
        }
        throw Forbidden(caller, $"{what} milik unit {unit}: hanya verifikator unit di atasnya yang dapat memverifikasi atau mengembalikannya");
    }

    /// <summary>
    /// Establishing or revising a unit's Perjanjian Kinerja: the verifikator of a unit strictly above it (who reviews what
    /// the unit reports against it), or an admin. The Dinas's own PK, signed with the Bupati, is for admins.
    /// </summary>
    public void RequireAgreementKeeper(Caller caller, string unit, string what)
    {
        RequireSignedIn(caller);
        if (caller.IsAdmin || (caller.Is(Roles.Verifikator) && caller.Unit is { } scope && scope != unit && IsWithin(unit, scope)))
        {
            return;
        }
        throw Forbidden(caller, $"{what} unit {unit}: hanya verifikator unit di atasnya atau admin yang dapat menetapkan atau mengubahnya");
    }

    /// <summary>Changes of the office's own settings: trees, polarity, rollups, accounts.</summary>
    public void RequireAdmin(Caller caller, string what)
    {
        RequireSignedIn(caller);
        if (!caller.IsAdmin)
        {
            throw Forbidden(caller, $"{what} hanya dapat dilakukan oleh admin");
        }
    }

    /// <summary>
    /// What a unit entered and wrote (its realisations, their verification, its analyses, its reports): administrators and
    /// pimpinan read every unit's; the others their own unit's and those below it. Aggregates (values, the IKU, the tree)
    /// are for every account.
    /// </summary>
    public bool MayRead(Caller caller, string unit) =>
        caller.IsAdmin || caller.Is(Roles.Pimpinan) || (caller.Unit is { } scope && IsWithin(unit, scope));

    /// <summary>
    /// The unit a read of <paramref name="what"/> covers: the one asked, if the caller may read it (<see cref="MayRead"/>); when
    /// none is asked, every unit for administrators and pimpinan, the caller's own (and those below it) for the others.
    /// </summary>
    public string? ReadScope(Caller caller, string? unit, string what)
    {
        RequireSignedIn(caller);
        if (unit is null)
        {
            return caller.IsAdmin || caller.Is(Roles.Pimpinan) ? null
                : caller.Unit ?? throw Forbidden(caller, $"{what} hanya untuk akun yang mempunyai unit");
        }
        if (!MayRead(caller, unit))
        {
            throw Forbidden(caller, $"{what} unit {unit} hanya untuk unit itu, unit di atasnya, pimpinan dan admin");
        }
        return unit;
    }

    /// <summary>Person-level data of a unit (NIK, names): its own operators and verifikator above it, and admins.</summary>
    public bool MaySeePersons(Caller caller, string unit) =>
        caller.IsAdmin
        || (caller.Unit is { } scope && (caller.Is(Roles.Operator) || caller.Is(Roles.Verifikator)) && IsWithin(unit, scope));

    public static void RequireSignedIn(Caller caller)
    {
        if (!caller.IsSignedIn)
        {
            throw new AccessException("UNAUTHENTICATED", "permintaan ini memerlukan akun: masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...");
        }
    }

    private static AccessException Forbidden(Caller caller, string reason) =>
        new("FORBIDDEN", $"akses ditolak untuk {caller.UserName}: {reason}");
}

/// <summary>A request refused for who sent it, not for what it says.</summary>
public sealed class AccessException : global::GraphQL.ExecutionError
{
    public AccessException(string code, string message) : base(message) => Code = code;
}
