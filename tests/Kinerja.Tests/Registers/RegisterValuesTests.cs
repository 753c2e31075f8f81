using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

public sealed class RegisterValuesTests
{
    [Theory]
    [InlineData("1990-07-15", 1990, 7, 15)]
    [InlineData("15/07/1990", 1990, 7, 15)]
    [InlineData("15-07-1990", 1990, 7, 15)]
    [InlineData("5/7/1990", 1990, 7, 5)]
    [InlineData(" 2000-02-29 ", 2000, 2, 29)]
    [InlineData("32704", 1989, 7, 15)]        // Excel serial of an XLSX date cell
    [InlineData("45658", 2025, 1, 1)]
    [InlineData("45658.75", 2025, 1, 1)]      // a time of day is dropped
    [InlineData("1", 1900, 1, 1)]
    [InlineData("59", 1900, 2, 28)]
    [InlineData("61", 1900, 3, 1)]            // after Excel's fictitious 29 February 1900
    public void Given_a_date_in_an_accepted_form_Then_it_is_read(string text, int year, int month, int day)
    {
        Assert.True(RegisterValues.TryDate(text, out var date, out var reason), reason);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/02/1999", "tanggal '31/02/1999' tidak ada")]
    [InlineData("1999-13-01", "tanggal '1999-13-01' tidak ada")]
    [InlineData("15/07/90", "tanggal '15/07/90' tidak dikenali: tulis TTTT-BB-HH (1990-07-15) atau HH/BB/TTTT (15/07/1990)")]
    [InlineData("15 Juli 1990", "tanggal '15 Juli 1990' tidak dikenali: tulis TTTT-BB-HH (1990-07-15) atau HH/BB/TTTT (15/07/1990)")]
    [InlineData("1990", "'1990' hanya tahun: tulis tanggal lengkap, misalnya 1990-07-15")]
    [InlineData("60", "tanggal 29 Februari 1900 (nomor seri Excel 60) tidak ada")]
    [InlineData("0", "angka 0 bukan tanggal: nomor seri tanggal Excel harus 1 sampai 2958465")]
    [InlineData("", "tanggal wajib diisi")]
    [InlineData(null, "tanggal wajib diisi")]
    public void Given_a_date_that_cannot_be_read_Then_the_reason(string? text, string expected)
    {
        Assert.False(RegisterValues.TryDate(text, out _, out var reason));
        Assert.Equal(expected, reason);
        Assert.False(RegisterValues.TryDate(text, out _));
    }

    [Theory]
    [InlineData("L", 'L')]
    [InlineData("l", 'L')]
    [InlineData("Laki-laki", 'L')]
    [InlineData("LAKI-LAKI", 'L')]
    [InlineData("laki laki", 'L')]
    [InlineData("P", 'P')]
    [InlineData(" p ", 'P')]
    [InlineData("Perempuan", 'P')]
    [InlineData("PEREMPUAN", 'P')]
    public void Given_a_sex_as_registers_write_it_Then_L_or_P(string text, char expected)
    {
        Assert.True(RegisterValues.TrySex(text, out var sex));
        Assert.Equal(expected, sex);
    }

    [Theory]
    [InlineData("W", "jenis kelamin 'W' tidak dikenal: isi L (Laki-laki) atau P (Perempuan)")]
    [InlineData("Laki", "jenis kelamin 'Laki' tidak dikenal: isi L (Laki-laki) atau P (Perempuan)")]
    [InlineData(" ", "jenis kelamin wajib diisi")]
    [InlineData(null, "jenis kelamin wajib diisi")]
    public void Given_an_unknown_sex_Then_the_reason(string? text, string expected)
    {
        Assert.False(RegisterValues.TrySex(text, out _, out var reason));
        Assert.Equal(expected, reason);
    }
}
