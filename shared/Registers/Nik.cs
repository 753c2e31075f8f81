using System.Globalization;
using Kinerja.Shared.Errors;

namespace Kinerja.Shared.Registers;

/// <summary>
/// The Nomor Induk Kependudukan: province, kabupaten/kota and kecamatan of issue (two digits each), the
/// date of birth as DDMMYY with 40 added to the day for women, and a four-digit serial. A NIK keeps the
/// place where it was issued when its holder moves, so one issued outside Gresik (not 3525) is valid.
/// </summary>
public static class Nik
{
    public const int Length = 16;

    /// <summary>Province 35 (Jawa Timur), kabupaten 25 (Gresik).</summary>
    public const string GresikPrefix = "3525";

    // Dukcapil province codes, the six Papua provinces of 2022-2023 included.
    private static readonly HashSet<int> Provinces =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
        71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
    ];

    /// <summary>
    /// Every reason the NIK of a person of the given sex ('L' or 'P') and date of birth is refused; empty
    /// when it is accepted. A NIK that is not 16 digits gets that one reason only.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(string? nik, char sex, DateOnly birthDate, string field = "nik")
    {
        if (sex is not ('L' or 'P'))
        {
            throw new ArgumentOutOfRangeException(nameof(sex), sex, "sex is 'L' or 'P'");
        }

        var errors = Structure(nik, field, out var date);
        if (date is not { } part)
        {
            return errors;
        }

        if (sex == 'P' && !part.WomanCode)
        {
            errors.Add(new FieldError(field, "NIK perempuan: hari lahir pada NIK harus ditambah 40"));
        }
        else if (sex == 'L' && part.WomanCode)
        {
            errors.Add(new FieldError(field, "NIK laki-laki: hari lahir pada NIK tidak boleh ditambah 40"));
        }

        // The day is read as the NIK codes it, so a sex mismatch is reported once, above, and not again here.
        if (part.Day != birthDate.Day || part.Month != birthDate.Month || part.Year != birthDate.Year % 100)
        {
            errors.Add(new FieldError(field,
                $"tanggal lahir pada NIK ({part.Text}) tidak sesuai dengan tanggal lahir {birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        }

        return errors;
    }

    /// <summary>
    /// The reasons a NIK is refused on its own, where no sex or date of birth is known to check it against
    /// (a person served, a PSKS worker): 16 digits, province, kabupaten and kecamatan codes, a date part that
    /// exists for a man or a woman, and a serial other than 0000.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckStructure(string? nik, string field = "nik") => Structure(nik, field, out _);

    private static List<FieldError> Structure(string? nik, string field, out DatePart? date)
    {
        date = null;
        if (string.IsNullOrEmpty(nik))
        {
            return [new FieldError(field, "NIK wajib diisi")];
        }

        if (nik.Length != Length || !nik.All(char.IsAsciiDigit))
        {
            return [new FieldError(field, $"NIK harus 16 angka (tertulis {nik.Length} karakter)")];
        }

        var errors = new List<FieldError>();
        if (!Provinces.Contains(Number(nik, 0)))
        {
            errors.Add(new FieldError(field, $"kode provinsi {nik[..2]} tidak dikenal"));
        }

        if (nik[2..4] == "00")
        {
            errors.Add(new FieldError(field, "kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00"));
        }

        if (nik[4..6] == "00")
        {
            errors.Add(new FieldError(field, "kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00"));
        }

        var codedDay = Number(nik, 6);
        var part = new DatePart(nik[6..12], codedDay > 40 ? codedDay - 40 : codedDay, Number(nik, 8), Number(nik, 10), codedDay > 40);

        // Any two-digit year reads the same in 19yy and 20yy for this purpose: 2000 is a leap year,
        // so 29 February 00 exists in one of them.
        if (part.Month is < 1 or > 12 || part.Day < 1 || part.Day > DateTime.DaysInMonth(2000 + part.Year, part.Month))
        {
            errors.Add(new FieldError(field, $"tanggal lahir pada NIK ({part.Text}) bukan tanggal yang ada"));
        }

        if (nik[12..] == "0000")
        {
            errors.Add(new FieldError(field, "nomor urut pada NIK (4 angka terakhir) tidak boleh 0000"));
        }

        date = part;
        return errors;
    }

    /// <summary>Whether the NIK was issued in Kabupaten Gresik; says nothing about where its holder lives.</summary>
    public static bool IssuedInGresik(string nik) => nik.StartsWith(GresikPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The NIK as logs, error messages and reports may show it: first 4 digits, 10 asterisks, last 2
    /// (3525**********12). Text too short to hide 10 characters is hidden whole.
    /// </summary>
    public static string Mask(string? nik)
    {
        var text = nik?.Trim() ?? "";
        return text.Length >= 12 ? $"{text[..4]}**********{text[^2..]}" : new string('*', Length);
    }

    /// <summary>Digits 7-12 of a NIK: the day as decoded (40 taken off a woman's), month and two-digit year.</summary>
    private readonly record struct DatePart(string Text, int Day, int Month, int Year, bool WomanCode);

    private static int Number(string digits, int at) => (digits[at] - '0') * 10 + (digits[at + 1] - '0');
}
