using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Kinerja.Shared.Registers;

/// <summary>Reads the typed cells of a register row; each refusal comes with its reason in Bahasa Indonesia.</summary>
public static class RegisterValues
{
    // Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 the 29 February 1900 that never was.
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);
    private const int LastExcelSerial = 2958465; // 9999-12-31

    public static bool TryDate(string? text, out DateOnly date) => TryDate(text, out date, out _);

    /// <summary>
    /// A date written yyyy-MM-dd (or yyyy/MM/dd), dd/MM/yyyy or dd-MM-yyyy (day first, as in Indonesia;
    /// one-digit day and month accepted), or an Excel serial number, which is how an XLSX date cell arrives.
    /// A bare year (1900 to 2100) is refused rather than read as a serial.
    /// </summary>
    public static bool TryDate(string? text, out DateOnly date, [NotNullWhen(false)] out string? reason)
    {
        date = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            reason = "tanggal wajib diisi";
            return false;
        }

        if (IsSerial(value))
        {
            return TryExcelSerial(value, out date, out reason);
        }

        var parts = value.Split(value.Contains('/') ? '/' : '-');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            int year, month, day;
            if (parts[0].Length == 4 && parts[1].Length <= 2 && parts[2].Length <= 2)
            {
                (year, month, day) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            }
            else if (parts[2].Length == 4 && parts[0].Length <= 2 && parts[1].Length <= 2)
            {
                (day, month, year) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            }
            else
            {
                reason = Unrecognised(value);
                return false;
            }

            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                date = new DateOnly(year, month, day);
                reason = null;
                return true;
            }

            reason = $"tanggal '{value}' tidak ada";
            return false;
        }

        reason = Unrecognised(value);
        return false;
    }

    public static bool TrySex(string? text, out char sex) => TrySex(text, out sex, out _);

    /// <summary>'L' or 'P', from L, P, Laki-laki or Perempuan in any case ("laki laki" too).</summary>
    public static bool TrySex(string? text, out char sex, [NotNullWhen(false)] out string? reason)
    {
        sex = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "jenis kelamin wajib diisi";
            return false;
        }

        var key = RegisterText.Key(text).Replace("-", "", StringComparison.Ordinal);
        switch (key)
        {
            case "l" or "lakilaki":
                sex = 'L';
                reason = null;
                return true;
            case "p" or "perempuan":
                sex = 'P';
                reason = null;
                return true;
            default:
                reason = $"jenis kelamin '{text.Trim()}' tidak dikenal: isi L (Laki-laki) atau P (Perempuan)";
                return false;
        }
    }

    private static bool IsSerial(string value)
    {
        var dot = value.IndexOf('.');
        var whole = dot < 0 ? value : value[..dot];
        return whole.Length > 0 && whole.All(char.IsAsciiDigit) && (dot < 0 || value[(dot + 1)..].All(char.IsAsciiDigit));
    }

    // A fraction is the time of day, which a register date does not keep.
    private static bool TryExcelSerial(string value, out DateOnly date, [NotNullWhen(false)] out string? reason)
    {
        date = default;
        var dot = value.IndexOf('.');
        var whole = dot < 0 ? value : value[..dot];
        if (whole.Length > 7 || !int.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            || serial is < 1 or > LastExcelSerial)
        {
            reason = $"angka {value} bukan tanggal: nomor seri tanggal Excel harus 1 sampai {LastExcelSerial}";
            return false;
        }

        // A bare year typed into a date column would otherwise pass as a day in 1905.
        if (dot < 0 && whole.Length == 4 && serial is >= 1900 and <= 2100)
        {
            reason = $"'{value}' hanya tahun: tulis tanggal lengkap, misalnya {value}-07-15";
            return false;
        }

        if (serial == 60)
        {
            reason = "tanggal 29 Februari 1900 (nomor seri Excel 60) tidak ada";
            return false;
        }

        date = serial < 60 ? ExcelEpoch.AddDays(serial + 1) : ExcelEpoch.AddDays(serial);
        reason = null;
        return true;
    }

    private static string Unrecognised(string value) =>
        $"tanggal '{value}' tidak dikenali: tulis TTTT-BB-HH (1990-07-15) atau HH/BB/TTTT (15/07/1990)";
}
