using System.Globalization;

namespace Kinerja.Shared.Formatting;

/// <summary>How a figure is written: 1.234, 1.234,50, 83,33 % or Rp 1.250.000.000 (whole rupiah).</summary>
public enum FigureFormat { Integer, Decimal, Percent, Rupiah }

/// <summary>Numbers and dates as an Indonesian reader writes them: 1.234, 83,33 %, 31 Maret 2026, triwulan II.</summary>
public static class IndonesianFormat
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Romans = ["I", "II", "III", "IV"];

    public static string Figure(double? figure, FigureFormat format)
    {
        if (figure is not { } x)
        {
            return "-";
        }
        var text = Swapped(format == FigureFormat.Rupiah || (format == FigureFormat.Integer && x == Math.Round(x))
            ? x.ToString("#,##0", CultureInfo.InvariantCulture)
            : x.ToString("#,##0.00", CultureInfo.InvariantCulture));
        return format switch { FigureFormat.Percent => text + " %", FigureFormat.Rupiah => "Rp " + text, _ => text };
    }

    /// <summary>A number in a sentence: as many decimals as it has, up to six (1.234, 2,5, 0,001).</summary>
    public static string Number(double x) => Swapped(x.ToString("#,##0.######", CultureInfo.InvariantCulture));

    // Invariant separators swapped: thousands with a dot, decimals with a comma.
    private static string Swapped(string text) => string.Create(text.Length, text, (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = s[i] switch { ',' => '.', '.' => ',', var c => c };
        }
    });

    public static string Date(DateOnly date) => $"{date.Day} {Months[date.Month - 1]} {date.Year}";

    public static string DateTime(DateTimeOffset time) => $"{Date(DateOnly.FromDateTime(time.DateTime))} pukul {time:HH.mm}";

    public static string Roman(int quarter) => Romans[quarter - 1];
}
