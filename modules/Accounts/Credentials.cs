using System.Text.RegularExpressions;
using Kinerja.Shared.Errors;

namespace Kinerja.Modules.Accounts;

/// <summary>
/// What a user name and a new password must be. Passwords follow NIST SP 800-63B: length and a list of passwords
/// attackers try first, no rules of composition. Existing passwords are not checked again: the rules apply to each new one.
/// </summary>
internal static partial class Credentials
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Long enough for any phrase, short enough that hashing it costs no more than a normal one.</summary>
    public const int MaximumPasswordLength = 128;

    // Lower-case letters, digits, dot, hyphen and underscore: safe in every screen, log line, report and command.
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,31}$")]
    private static partial Regex UserNamePattern();

    private static readonly Lazy<HashSet<string>> Common = new(ReadCommonPasswords);

    public static bool IsUserName(string? userName) => userName is not null && UserNamePattern().IsMatch(userName);

    public static void CheckUserName(List<FieldError> errors, string field, string? userName)
    {
        if (!IsUserName(userName))
        {
            errors.Add(new(field, "nama pengguna 2 sampai 32 karakter: huruf kecil, angka, titik, tanda hubung atau garis bawah, diawali huruf atau angka"));
        }
    }

    public static void CheckPassword(List<FieldError> errors, string field, string? userName, string? password)
    {
        if (password is null || password.Length < MinimumPasswordLength)
        {
            errors.Add(new(field, $"kata sandi paling sedikit {MinimumPasswordLength} karakter; sebuah kalimat pendek yang mudah diingat lebih kuat daripada kata yang rumit"));
            return;
        }
        if (password.Length > MaximumPasswordLength)
        {
            errors.Add(new(field, $"kata sandi paling banyak {MaximumPasswordLength} karakter"));
        }
        else if (password.Distinct().Count() == 1)
        {
            errors.Add(new(field, "kata sandi tidak boleh satu karakter yang diulang"));
        }
        else if (userName is not null && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new(field, "kata sandi tidak boleh memuat nama pengguna"));
        }
        else if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            errors.Add(new(field, "kata sandi ini termasuk yang paling sering dipakai dan paling dulu dicoba penyerang; pilih yang lain"));
        }
    }

    // zxcvbn's list of the 30,000 passwords most often found in leaks, shipped inside its package.
    private static HashSet<string> ReadCommonPasswords()
    {
        using var stream = typeof(Zxcvbn.Zxcvbn).Assembly.GetManifestResourceStream("zxcvbn-core.Dictionaries.passwords.lst")
            ?? throw new InvalidOperationException("Daftar kata sandi umum tidak ada di paket zxcvbn-core.");
        using var reader = new StreamReader(stream);
        var common = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } password)
            {
                common.Add(password.ToLowerInvariant());
            }
        }
        return common;
    }
}
