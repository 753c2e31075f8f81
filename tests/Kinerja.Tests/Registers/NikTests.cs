using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

/// <summary>
/// Spec, "Registers": a NIK is 16 digits, province, kabupaten and kecamatan of issue, DDMMYY with 40 added
/// to the day for women, and a four-digit serial; a NIK issued outside Gresik is valid.
/// </summary>
public sealed class NikTests
{
    private static readonly DateOnly Woman1990 = new(1990, 7, 15);
    private static readonly DateOnly Man2001 = new(2001, 12, 3);

    private static string[] Reasons(string? nik, char sex, DateOnly birth) =>
        Nik.Check(nik, sex, birth).Select(e => e.Reason).ToArray();

    [Theory]
    [InlineData("3525015507900001", 'P', 1990, 7, 15)]   // woman born 1990-07-15: 15 + 40 = 55, 550790
    [InlineData("3525100312010002", 'L', 2001, 12, 3)]   // man born 2001-12-03: 031201
    [InlineData("3578015507900003", 'P', 1990, 7, 15)]   // issued in Surabaya (3578), living in Gresik
    [InlineData("1171012902000001", 'L', 2000, 2, 29)]   // Banda Aceh; 29 February 2000 exists
    [InlineData("9601017112990001", 'P', 1999, 12, 31)]  // Papua Barat Daya (96); day 31 + 40 = 71
    public void Given_a_valid_nik_Then_no_reason(string nik, char sex, int year, int month, int day)
    {
        Assert.Empty(Nik.Check(nik, sex, new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("352501550790001")]     // 15 digits
    [InlineData("35250155079000011")]   // 17 digits
    [InlineData("3525 015507900001")]
    [InlineData("35250155079O0001")]    // letter O for zero
    [InlineData("3.52501550790E+15")]
    public void Given_a_nik_that_is_not_16_digits_Then_that_is_the_only_reason(string nik)
    {
        var reason = Assert.Single(Reasons(nik, 'P', Woman1990));
        Assert.StartsWith("NIK harus 16 angka", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Given_no_nik_Then_it_is_required(string? nik)
    {
        Assert.Equal(["NIK wajib diisi"], Reasons(nik, 'P', Woman1990));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("10")]
    [InlineData("20")]
    [InlineData("37")]
    [InlineData("00")]
    [InlineData("97")]
    public void Given_an_unknown_province_code_Then_it_is_refused(string province)
    {
        Assert.Equal([$"kode provinsi {province} tidak dikenal"], Reasons(province + "25015507900001", 'P', Woman1990));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("19")]
    [InlineData("21")]
    [InlineData("36")]
    [InlineData("53")]
    [InlineData("65")]
    [InlineData("76")]
    [InlineData("82")]
    [InlineData("91")]
    public void Given_a_known_province_code_Then_it_is_accepted(string province)
    {
        Assert.Empty(Reasons(province + "25015507900001", 'P', Woman1990));
    }

    [Fact]
    public void Given_kabupaten_code_00_Then_it_is_refused()
    {
        Assert.Equal(["kode kabupaten/kota pada NIK (angka ke-3 dan ke-4) tidak boleh 00"],
            Reasons("3500015507900001", 'P', Woman1990));
    }

    [Fact]
    public void Given_kecamatan_code_00_Then_it_is_refused()
    {
        Assert.Equal(["kode kecamatan pada NIK (angka ke-5 dan ke-6) tidak boleh 00"],
            Reasons("3525005507900001", 'P', Woman1990));
    }

    [Fact]
    public void Given_serial_0000_Then_it_is_refused()
    {
        Assert.Equal(["nomor urut pada NIK (4 angka terakhir) tidak boleh 0000"],
            Reasons("3525015507900000", 'P', Woman1990));
    }

    [Fact]
    public void Given_31_February_Then_the_date_does_not_exist_and_does_not_match_the_birth_date()
    {
        Assert.Equal(
        [
            "tanggal lahir pada NIK (310299) bukan tanggal yang ada",
            "tanggal lahir pada NIK (310299) tidak sesuai dengan tanggal lahir 1999-02-28",
        ], Reasons("3525013102990001", 'L', new DateOnly(1999, 2, 28)));
    }

    [Theory]
    [InlineData("3525012902990001")]   // 29 February 1999 (not a leap year)
    [InlineData("3525011513990001")]   // month 13
    [InlineData("3525010001990001")]   // day 00
    [InlineData("3525013501990001")]   // day 35: neither a man's day nor a woman's
    [InlineData("3525017201990001")]   // day 72 - 40 = 32
    public void Given_a_date_part_that_is_no_date_Then_it_is_refused(string nik)
    {
        Assert.Contains($"tanggal lahir pada NIK ({nik[6..12]}) bukan tanggal yang ada", Reasons(nik, 'L', new DateOnly(1999, 1, 1)));
    }

    [Fact]
    public void Given_a_woman_whose_nik_day_lacks_40_Then_that_is_the_reason()
    {
        Assert.Equal(["NIK perempuan: hari lahir pada NIK harus ditambah 40"], Reasons("3525011507900001", 'P', Woman1990));
    }

    [Fact]
    public void Given_a_man_whose_nik_day_has_40_added_Then_that_is_the_reason()
    {
        Assert.Equal(["NIK laki-laki: hari lahir pada NIK tidak boleh ditambah 40"], Reasons("3525104312010002", 'L', Man2001));
    }

    [Theory]
    [InlineData("3525015607900001")]   // day 16
    [InlineData("3525015508900001")]   // month 08
    [InlineData("3525015507910001")]   // year 91
    public void Given_a_nik_date_other_than_the_birth_date_Then_it_does_not_match(string nik)
    {
        Assert.Equal([$"tanggal lahir pada NIK ({nik[6..12]}) tidak sesuai dengan tanggal lahir 1990-07-15"],
            Reasons(nik, 'P', Woman1990));
    }

    [Fact]
    public void Given_a_nik_with_several_faults_Then_every_reason_is_given_under_the_field()
    {
        var errors = Nik.Check("9900001507910000", 'P', Woman1990, "input.nik");

        Assert.Equal(6, errors.Count);   // province, kabupaten, kecamatan, sex, date, serial
        Assert.All(errors, e => Assert.Equal("input.nik", e.Field));
    }

    [Fact]
    public void Given_a_sex_other_than_L_or_P_Then_it_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Nik.Check("3525015507900001", 'W', Woman1990));
    }

    [Theory]
    [InlineData("3525015507900001")]   // a woman's date part
    [InlineData("3525011507900001")]   // a man's date part
    public void Given_no_sex_or_birth_date_to_compare_Then_the_structure_alone_is_checked(string nik)
    {
        Assert.Empty(Nik.CheckStructure(nik));
    }

    [Fact]
    public void Given_a_structurally_bad_nik_Then_check_structure_gives_every_reason_under_the_field()
    {
        Assert.Equal(
        [
            "kode provinsi 99 tidak dikenal",
            "tanggal lahir pada NIK (350799) bukan tanggal yang ada",
            "nomor urut pada NIK (4 angka terakhir) tidak boleh 0000",
        ], Nik.CheckStructure("9925013507990000", "NIK").Select(e => e.Reason));
        Assert.Equal("NIK", Assert.Single(Nik.CheckStructure("123", "NIK")).Field);
    }

    [Theory]
    [InlineData("3525015507900012", "3525**********12")]
    [InlineData("3578015507900003", "3578**********03")]
    [InlineData("12345", "****************")]
    [InlineData(null, "****************")]
    public void Given_a_nik_Then_mask_shows_first_4_and_last_2(string? nik, string masked)
    {
        Assert.Equal(masked, Nik.Mask(nik));
    }

    [Fact]
    public void Given_where_a_nik_was_issued_Then_only_3525_is_Gresik()
    {
        Assert.True(Nik.IssuedInGresik("3525015507900001"));
        Assert.False(Nik.IssuedInGresik("3578015507900003"));
    }
}
