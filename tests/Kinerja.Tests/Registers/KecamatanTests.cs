using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

/// <summary>Spec, "Registers": Gresik has 18 kecamatan; a register names one however it is typed.</summary>
public sealed class KecamatanTests
{
    [Fact]
    public void Given_the_list_Then_it_has_the_18_kecamatan_of_Gresik()
    {
        Assert.Equal(18, Kecamatan.All.Distinct().Count());
        Assert.Contains("Ujungpangkah", Kecamatan.All);
        Assert.Contains("Sangkapura", Kecamatan.All);   // Pulau Bawean
    }

    [Theory]
    [InlineData("ujung pangkah", "Ujungpangkah")]
    [InlineData(" CERME ", "Cerme")]
    [InlineData("Duduk  Sampeyan", "Duduksampeyan")]
    [InlineData("BALONG PANGGANG", "Balongpanggang")]
    [InlineData("wringinanom", "Wringinanom")]
    [InlineData("Gresik", "Gresik")]
    [InlineData("Kebomas\t", "Kebomas")]
    public void Given_a_kecamatan_in_any_case_and_spacing_Then_its_canonical_name(string input, string canonical)
    {
        Assert.True(Kecamatan.TryNormalize(input, out var found));
        Assert.Equal(canonical, found);
    }

    [Theory]
    [InlineData("Sukolilo")]        // Surabaya
    [InlineData("Lamongan")]
    [InlineData("Ujung")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_a_name_that_is_no_kecamatan_of_Gresik_Then_it_is_refused(string? input)
    {
        Assert.False(Kecamatan.TryNormalize(input, out var found));
        Assert.Null(found);
    }

    [Fact]
    public void Given_a_refused_kecamatan_Then_the_reason_names_it()
    {
        Assert.Equal("kecamatan 'Sukolilo' bukan kecamatan di Kabupaten Gresik", Kecamatan.RefusalReason(" Sukolilo "));
        Assert.Equal("kecamatan wajib diisi", Kecamatan.RefusalReason(" "));
    }
}
