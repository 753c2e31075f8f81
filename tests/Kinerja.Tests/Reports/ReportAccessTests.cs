using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Reports;

/// <summary>Who may download a report, and what a bad request is told: the same rules as the API, in Bahasa Indonesia.</summary>
public sealed class ReportAccessTests : FreshHost
{
    [Fact]
    public async Task Given_no_token_or_a_forged_one_Then_401_says_an_account_is_needed()
    {
        var missing = await GetAsync(Host, "/reports/pengukuran-kinerja.xlsx?year=2026", null);
        var forged = await GetAsync(Host, "/reports/pengukuran-kinerja.pdf?year=2026", "bukan.token.sah");

        Assert.Equal(401, missing.Status);
        Assert.Contains("memerlukan akun", missing.Json.GetProperty("message").GetString());
        Assert.Equal(401, forged.Status);
    }

    [Theory]
    [InlineData("/reports/pengukuran-kinerja.xlsx?year=2026", 403)]
    [InlineData("/reports/rencana-aksi.pdf?year=2026&unit=LINJAMSOS", 403)]
    [InlineData("/reports/perjanjian-kinerja.html?year=2026&unit=PENGEMBANGAN", 403)]
    [InlineData("/reports/pengukuran-kinerja.xlsx?year=2026&unit=PEMULIHAN", 200)]
    [InlineData("/reports/rencana-aksi.html?year=2026&unit=PEMULIHAN", 200)]
    public async Task Given_an_operator_of_a_Seksi_Then_only_its_own_reports_are_served(string url, int status)
    {
        var token = await Host.SignInAsync("op-pemulihan", "operator", "PEMULIHAN");

        var download = await GetAsync(Host, url, token);

        Assert.Equal(status, download.Status);
        if (status == 403)
        {
            Assert.Contains("akses ditolak untuk op-pemulihan", download.Json.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Given_a_Bidang_operator_pimpinan_or_admin_Then_the_units_below_or_all_are_served()
    {
        var bidang = await Host.SignInAsync("op-rehsos", "operator", "REHSOS");
        var pimpinan = await Host.SignInAsync("kadis", "pimpinan", "DINSOS");

        Assert.Equal(200, (await GetAsync(Host, "/reports/pengukuran-kinerja.xlsx?year=2026&unit=PELAYANAN", bidang)).Status);
        Assert.Equal(403, (await GetAsync(Host, "/reports/pengukuran-kinerja.xlsx?year=2026&unit=DINSOS", bidang)).Status);
        Assert.Equal(200, (await GetAsync(Host, "/reports/rencana-aksi.xlsx?year=2026", pimpinan)).Status);
        Assert.Equal(200, (await GetAsync(Host, "/reports/perjanjian-kinerja.pdf?year=2026&unit=JAMINAN", await AdminTokenAsync(Host))).Status);
    }

    [Theory]
    [InlineData("/reports/pengukuran-kinerja.xlsx", "year", "tahun wajib diisi")]
    [InlineData("/reports/pengukuran-kinerja.xlsx?year=dua-ribu", "year", "tahun harus bilangan bulat")]
    [InlineData("/reports/pengukuran-kinerja.xlsx?year=1999", "year", "tahun harus antara 2000 dan 2100")]
    [InlineData("/reports/pengukuran-kinerja.pdf?year=2026&quarter=5", "quarter", "triwulan harus 1 sampai 4")]
    [InlineData("/reports/pengukuran-kinerja.pdf?year=2026&quarter=2&cumulative=ya", "cumulative", "isi true atau false")]
    [InlineData("/reports/pengukuran-kinerja.html?year=2026&unit=DINKES", "unit", "unit 'DINKES' tidak dikenal")]
    [InlineData("/reports/perjanjian-kinerja.xlsx?year=2026&quarter=1", "quarter", "Perjanjian Kinerja berlaku untuk setahun")]
    [InlineData("/reports/rencana-aksi.xlsx?year=2026&quarter=1", "quarter", "Rencana Aksi selalu memuat keempat triwulan")]
    [InlineData("/reports/laporan-keuangan.xlsx?year=2026", "report", "laporan 'laporan-keuangan' tidak dikenal")]
    [InlineData("/reports/pengukuran-kinerja.docx?year=2026", "format", "format docx hanya untuk laporan lkjip")]
    [InlineData("/reports/rencana-aksi.odt?year=2026", "format", "format 'odt' tidak dikenal")]
    public async Task Given_a_bad_parameter_Then_400_names_it_and_says_why(string url, string parameter, string reason)
    {
        var download = await GetAsync(Host, url, await AdminTokenAsync(Host));

        Assert.Equal(400, download.Status);
        var fields = download.Json.GetProperty("fields").EnumerateArray().ToList();
        Assert.Contains(fields, f => f.GetProperty("field").GetString() == parameter && f.GetProperty("reason").GetString()!.Contains(reason));
        Assert.Contains($"{parameter}: ", download.Json.GetProperty("message").GetString());
    }
}
