using Kinerja.Shared.Registers;

namespace Kinerja.Tests.Registers;

/// <summary>Spec, "Registers": the 26 PMKS and 12 PSKS categories of Permensos 08/2012.</summary>
public sealed class CategoryTests
{
    [Fact]
    public void Given_the_pmks_catalogue_Then_26_categories_numbered_1_to_26()
    {
        Assert.Equal(Enumerable.Range(1, 26), PmksCategories.All.Select(c => c.Number));
        Assert.Equal(26, PmksCategories.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("Perempuan Rawan Sosial Ekonomi", 23)]
    [InlineData("WRSE", 23)]
    [InlineData("Perempuan Rawan Sosial Ekonomi (WRSE)", 23)]
    [InlineData("perempuan rawan sosial  ekonomi(wrse)", 23)]
    [InlineData("Penyandang Disabilitas", 9)]
    [InlineData("Anak dengan Kedisabilitasan", 5)]
    [InlineData("adk", 5)]
    [InlineData("Bekas Warga Binaan Lembaga Pemasyarakatan", 15)]
    [InlineData("BWBLP", 15)]
    [InlineData("Korban Penyalahgunaan NAPZA", 17)]
    [InlineData("  FAKIR   MISKIN ", 24)]
    [InlineData("Tuna Susila", 10)]
    [InlineData("Gelandangan", 11)]
    [InlineData("Pengemis", 12)]
    [InlineData("Pemulung", 13)]
    [InlineData("Orang dengan HIV/AIDS", 16)]
    [InlineData("ODHA", 16)]
    [InlineData("Orang Dengan HIV / AIDS", 16)]
    [InlineData("Pekerja Migran Bermasalah Sosial", 20)]
    [InlineData("PMBS", 20)]
    [InlineData("Komunitas Adat Terpencil", 26)]
    public void Given_a_pmks_name_or_alias_Then_its_category(string input, int number)
    {
        Assert.True(PmksCategories.TryFind(input, out var category));
        Assert.Equal(number, category.Number);
    }

    [Theory]
    [InlineData("Penyakit Kronis")]
    [InlineData("Miskin")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_an_unknown_pmks_Then_it_is_refused(string? input)
    {
        Assert.False(PmksCategories.TryFind(input, out _));
    }

    [Fact]
    public void Given_the_base_measure_groups_Then_they_hold_the_categories_base_measures_tsv_names()
    {
        Assert.Equal(
            ["Tuna Susila", "Gelandangan", "Pengemis", "Pemulung", "Bekas Warga Binaan Lembaga Pemasyarakatan", "Korban Penyalahgunaan NAPZA"],
            PmksCategories.EksPenyakitSosial.Categories.Select(c => c.Name));
        Assert.Equal(["Penyandang Disabilitas", "Anak dengan Kedisabilitasan"], PmksCategories.Disabilitas.Categories.Select(c => c.Name));
        Assert.Equal(["Fakir Miskin"], PmksCategories.FakirMiskin.Categories.Select(c => c.Name));
        Assert.Equal(["Perempuan Rawan Sosial Ekonomi"], PmksCategories.Wrse.Categories.Select(c => c.Name));
        Assert.Equal(["eks_penyakit_sosial", "disabilitas", "fakir_miskin", "wrse"], PmksCategories.Groups.Select(g => g.Code));
        Assert.True(PmksCategories.Disabilitas.Contains(PmksCategories.Get(5)));
        Assert.False(PmksCategories.Disabilitas.Contains(PmksCategories.Get(24)));
        IReadOnlyList<PmksCategory> asList = PmksCategories.Wrse;   // a group is usable as a plain list
        Assert.Equal(23, Assert.Single(asList).Number);
    }

    [Fact]
    public void Given_the_psks_catalogue_Then_12_categories_numbered_1_to_12()
    {
        Assert.Equal(Enumerable.Range(1, 12), PsksCategories.All.Select(c => c.Number));
        Assert.Equal(12, PsksCategories.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("Pekerja Sosial Profesional", 1, false)]
    [InlineData("PSM", 2, false)]
    [InlineData("Pekerja Sosial Masyarakat (PSM)", 2, false)]
    [InlineData("tagana", 3, false)]
    [InlineData("LKS", 4, true)]
    [InlineData("Lembaga Kesejahteraan Sosial", 4, true)]
    [InlineData("Karang Taruna", 5, true)]
    [InlineData("LK3", 6, true)]
    [InlineData("Keluarga Pioner", 7, false)]
    [InlineData("WKSBM", 8, true)]
    [InlineData("WPKS", 9, false)]
    [InlineData("Penyuluh Sosial", 10, false)]
    [InlineData(" tksk ", 11, false)]
    [InlineData("Dunia Usaha", 12, true)]
    public void Given_a_psks_name_or_alias_Then_its_category_and_whether_it_is_a_lembaga(string input, int number, bool institution)
    {
        Assert.True(PsksCategories.TryFind(input, out var category));
        Assert.Equal(number, category.Number);
        Assert.Equal(institution, category.IsInstitution);
    }

    [Fact]
    public void Given_a_pmks_name_Then_it_is_no_psks()
    {
        Assert.False(PsksCategories.TryFind("Fakir Miskin", out _));
        Assert.Same(PsksCategories.Get(4), PsksCategories.Lks);
    }
}
