using System.Text.Json;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Host;

public sealed class CatalogTests(SharedHost.OnSqlite shared) : IClassFixture<SharedHost.OnSqlite>
{
    private static readonly string[] AllCodes =
    [
        "IKU-1", "IKU-2", "IKU-3", "IKU-4", "SEK-1", "SEK-2", "SEK-3",
        "UMPEG-1", "UMPEG-2", "UMPEG-3", "UMPEG-4", "UMPEG-5", "UMPEG-6", "UMPEG-7", "UMPEG-8", "UMPEG-9", "UMPEG-10",
        "KEU-1", "KEU-2", "KEU-3", "KEU-4", "KEU-5", "KEU-6",
        "PROLAP-1", "PROLAP-2", "PROLAP-3", "PROLAP-4", "PROLAP-5", "PROLAP-6",
        "REHSOS-1", "REHSOS-2", "REHSOS-3", "PEMULIHAN-1", "PENGEMBANGAN-1", "PENGEMBANGAN-2",
        "PELAYANAN-1", "PELAYANAN-2", "PELAYANAN-3", "PELAYANAN-4",
        "LINJAMSOS-1", "LINJAMSOS-2", "LINJAMSOS-3", "PERLINDUNGAN-1", "PERLINDUNGAN-2", "PERLINDUNGAN-3",
        "JAMINAN-1", "JAMINAN-2", "JAMINAN-3", "JAMINAN-4", "JAMINAN-5", "JAMINAN-6",
        "DAYASOS-1", "DAYASOS-2", "DAYASOS-3", "KELEMBAGAAN-1", "KELEMBAGAAN-2", "PMI-1", "PMI-2", "VERVAL-1", "UPTLBK-1",
    ];

    private readonly KinerjaHost _host = shared.Host;

    [Fact]
    public async Task Given_all_modules_Then_indicators_lists_the_60_codes_of_the_catalog()
    {
        var data = (await _host.QueryAsync("{ indicators { code } }")).Ok();
        var codes = data.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(AllCodes.Order(), codes.Order());
    }

    [Fact]
    public async Task Given_an_indicator_Then_it_carries_the_seed_text()
    {
        var data = (await _host.QueryAsync("""
            { keu: indicator(code: "KEU-2") { name kind level goal numerator denominator source unit { code } parents { code } }
              iku: indicator(code: "IKU-1") { name kind level numerator denominator source children { code } }
              count: indicator(code: "PENGEMBANGAN-1") { name kind numerator denominator parents { code } } }
            """)).Ok();
        var keu = data.GetProperty("keu");
        Assert.Equal("Persentase verifikasi kelengkapan bukti administrasi keuangan", keu.GetProperty("name").GetString());
        Assert.Equal("PERCENT", keu.GetProperty("kind").GetString());
        Assert.Equal("KEGIATAN", keu.GetProperty("level").GetString());
        Assert.Equal("Meningkatnya pengembangan sistem pelaporan capaian kinerja dan keuangan", keu.GetProperty("goal").GetString());
        Assert.Equal("Jumlah verifikasi kelengkapan bukti administrasi keuangan", keu.GetProperty("numerator").GetString());
        Assert.Equal("Jumlah verifikasi kelengkapan bukti administrasi keuangan yang ada", keu.GetProperty("denominator").GetString());
        Assert.Equal("Dinas Sosial Kab. Gresik", keu.GetProperty("source").GetString());
        Assert.Equal("KEU", keu.GetProperty("unit").GetProperty("code").GetString());
        // The seed rolls KEU-1 into SEK-3, but none of the Subbagian Keuangan's percentages.
        Assert.Empty(Codes(keu.GetProperty("parents")));

        var iku = data.GetProperty("iku");
        Assert.Equal("Persentase rehabilitasi terhadap jumlah PMKS", iku.GetProperty("name").GetString());
        Assert.Equal("IKU", iku.GetProperty("level").GetString());
        Assert.Equal("Jumlah PMKS", iku.GetProperty("denominator").GetString());
        Assert.Equal("Report base data PMKS di Kab. Gresik", iku.GetProperty("source").GetString());
        Assert.Equal(["REHSOS-1", "REHSOS-2", "REHSOS-3"], Codes(iku.GetProperty("children")));

        var count = data.GetProperty("count");
        Assert.Equal("Jumlah Lansia Produktif Yang Diberi Bimbingan dan bantuan", count.GetProperty("name").GetString());
        Assert.Equal("Jumlah Bimbingan dan bantuan bagi Lanjut Usia Produktif", count.GetProperty("numerator").GetString());
        Assert.Equal("COUNT", count.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, count.GetProperty("denominator").ValueKind);
        Assert.Equal(["REHSOS-2"], Codes(count.GetProperty("parents")));
    }

    [Fact]
    public async Task Given_all_modules_Then_units_gives_the_17_units_and_their_tree()
    {
        var data = (await _host.QueryAsync("{ units { code kind head module parent { code } children { code } tugas fungsi } }")).Ok();
        var units = data.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!);
        Assert.Equal(17, units.Count);

        Assert.Equal(JsonValueKind.Null, units["DINSOS"].GetProperty("parent").ValueKind);
        Assert.Equal(["SEKRETARIAT", "REHSOS", "LINJAMSOS", "DAYASOS", "UPTLBK"], Codes(units["DINSOS"].GetProperty("children")));
        Assert.Equal(["KELEMBAGAAN", "PMI", "VERVAL"], Codes(units["DAYASOS"].GetProperty("children")));
        Assert.Equal("REHSOS", units["PELAYANAN"].GetProperty("parent").GetProperty("code").GetString());
        Assert.Equal("seksi", units["PELAYANAN"].GetProperty("kind").GetString());
        Assert.Equal("Kepala Seksi Pelayanan Sosial", units["PELAYANAN"].GetProperty("head").GetString());
        Assert.Equal("Rehabilitasi", units["PELAYANAN"].GetProperty("module").GetString());

        Assert.Equal(
            "Membantu Bupati dalam melaksanakan urusan sosial yang meliputi Bidang Rehabilitasi Sosial, Perlindungan dan Jaminan Sosial serta Pemberdayaan Sosial.",
            units["DINSOS"].GetProperty("tugas").GetString());
        Assert.Equal(12, units["DINSOS"].GetProperty("fungsi").GetArrayLength());
        Assert.Equal("Perumusan kebijakan teknis dan penyusunan perencanaan program bidang sosial;",
            units["DINSOS"].GetProperty("fungsi")[0].GetString());
        // A Seksi has only the list under "Tugas": it is its fungsi.
        Assert.Equal("", units["VERVAL"].GetProperty("tugas").GetString());
        Assert.Equal("Menyusun usulan perencanaan kegiatan Seksi Veri-vali data;", units["VERVAL"].GetProperty("fungsi")[0].GetString());
        Assert.Equal(9, units["VERVAL"].GetProperty("fungsi").GetArrayLength());
    }

    [Fact]
    public async Task Given_all_modules_Then_modules_lists_the_five_enabled()
    {
        var data = (await _host.QueryAsync("{ modules { name enabled units { code } } }")).Ok();
        var modules = data.GetProperty("modules").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m);
        Assert.Equal(["Linjamsos", "Pemberdayaan", "Rehabilitasi", "Sekretariat", "UptLbk"], modules.Keys.Order());
        Assert.All(modules.Values, m => Assert.True(m.GetProperty("enabled").GetBoolean()));
        Assert.Equal(["REHSOS", "PEMULIHAN", "PENGEMBANGAN", "PELAYANAN"], Codes(modules["Rehabilitasi"].GetProperty("units")));
    }

    [Fact]
    public async Task Given_filters_Then_indicators_are_filtered_by_unit_and_level()
    {
        var data = (await _host.QueryAsync("""
            { seksi: indicators(unit: "JAMINAN") { code }
              program: indicators(level: PROGRAM) { code }
              both: indicators(unit: "DAYASOS", level: PROGRAM) { code } }
            """)).Ok();
        Assert.Equal(["JAMINAN-1", "JAMINAN-2", "JAMINAN-3", "JAMINAN-4", "JAMINAN-5", "JAMINAN-6"], Codes(data.GetProperty("seksi")));
        Assert.Equal(12, data.GetProperty("program").GetArrayLength());
        Assert.Equal(["DAYASOS-1", "DAYASOS-2", "DAYASOS-3"], Codes(data.GetProperty("both")));
    }

    internal static IReadOnlyList<string> Codes(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetProperty("code").GetString()!).ToList();
}
