using System.Text.RegularExpressions;
using Kinerja.Shared.Security;
using Kinerja.Tests.Reports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// The entries of a SAKIP year through their screens, each as the role that makes it: targets, data dasar, officials and
/// analyses, the reports that print them, and how the app keeps its place.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SakipYearTests
{
    private readonly BrowserSession _s;

    public SakipYearTests(BrowserSession session) => _s = session;

    private static List<string> Sent(IPage page, string mutation)
    {
        var sent = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Method == "POST" && r.Url.EndsWith("/graphql", StringComparison.Ordinal) && (r.PostData ?? "").Contains(mutation, StringComparison.Ordinal))
            {
                sent.Add(r.PostData!);
            }
        };
        return sent;
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string report, string format)
    {
        await page.GetByLabel("Laporan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = report });
        await page.GetByLabel("Format").SelectOptionAsync(format);
        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unduh" }).ClickAsync();
        return await File.ReadAllBytesAsync(await (await download).PathAsync());
    }

    [Fact]
    public async Task Given_a_kepala_seksi_on_a_phone_Then_the_targets_of_its_Rencana_Aksi_are_set_in_Target_and_an_ambiguous_one_is_refused()
    {
        var page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN", Screens.Phone, 812);
        var sent = Sent(page, "setTarget");
        await Screens.OpenAsync(page, "Target", "Target (Rencana Aksi)");
        var row = page.Locator("tr[data-indicator='PEMULIHAN-1']");
        await Expect(row.Locator("[data-field='reading']")).ToHaveTextAsync("target per triwulan");
        await Expect(row.GetByLabel("Tahunan")).ToHaveValueAsync("80");
        await Expect(row.GetByLabel("TW I", new() { Exact = true })).ToHaveValueAsync("20");

        await row.GetByLabel("TW II", new() { Exact = true }).FillAsync("1.5");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(row.Locator(".field-error")).ToContainTextAsync("tulis 1,5");
        Assert.Empty(sent);
        await Screens.AssertWithinWidthAsync(page);
        await Screens.ShotAsync(page, "target-ditolak");

        await row.GetByLabel("TW II", new() { Exact = true }).FillAsync("25");
        await row.GetByLabel("TW III", new() { Exact = true }).FillAsync("1.500");
        await row.GetByLabel("TW IV", new() { Exact = true }).FillAsync("10");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        var stored = (await _s.Host.QueryAsync("""
            { q2: value(indicator: "PEMULIHAN-1", year: 2026, quarter: 2) { target } q3: value(indicator: "PEMULIHAN-1", year: 2026, quarter: 3) { target } }
            """)).Ok();
        Assert.Equal(25, stored.GetProperty("q2").GetProperty("target").GetDouble());
        Assert.Equal(1500, stored.GetProperty("q3").GetProperty("target").GetDouble());
        // The quarters now add up to more than the year's 80: stored, and flagged beside them.
        await Expect(row.Locator("[data-field='target-warning']")).ToContainTextAsync("tidak sama dengan target tahunan");
        await Expect(row.GetByLabel("TW III", new() { Exact = true })).ToHaveValueAsync("1.500");
        await Screens.ShotAsync(page, "target");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_an_administrator_Then_an_IKU_target_set_in_Target_is_on_the_dashboard_and_a_reading_is_changed_for_a_year()
    {
        var page = await _s.SignInAsync("admin-target", Roles.Admin, null);
        await Screens.OpenAsync(page, "Target", "Target (Rencana Aksi)");
        var row = page.Locator("tr[data-indicator='IKU-3']");
        await Expect(row.GetByLabel("Cara baca target IKU-3")).ToHaveValueAsync("UP_TO_QUARTER");
        await row.GetByLabel("Tahunan").FillAsync("12,5");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        await Screens.ShotAsync(page, "target-admin");

        await Screens.OpenAsync(page, "Dasbor", "Dasbor IKU");
        await page.GetByLabel("Periode").SelectOptionAsync("y");
        await Expect(page.Locator("[data-iku='IKU-3'] [data-field='target']")).ToHaveTextAsync("12,5 %");

        // A reading is the year's: 2027 changes, 2026 stays as it was.
        await page.GotoAsync("/target?tahun=2027");
        await Screens.SettledAsync(page);
        var keu = page.Locator("tr[data-indicator='KEU-2']");
        await keu.GetByLabel("Cara baca target KEU-2").SelectOptionAsync("PER_QUARTER");
        await Expect(keu.GetByRole(AriaRole.Status)).ToHaveTextAsync("Cara baca target diubah untuk tahun 2027.");
        await Expect(keu.GetByLabel("Cara baca target KEU-2")).ToHaveValueAsync("PER_QUARTER");
        var readings = (await _s.Host.QueryAsync("""
            { indicator(code: "KEU-2") { y2027: targetReading(year: 2027) y2026: targetReading(year: 2026) } }
            """)).Ok().GetProperty("indicator");
        Assert.Equal("PER_QUARTER", readings.GetProperty("y2027").GetString());
        Assert.Equal("RATE", readings.GetProperty("y2026").GetString());
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_Seksi_that_keeps_the_data_dasar_Then_it_enters_them_by_name_and_a_register_counted_one_is_read_only()
    {
        (await _s.Host.QueryAsync("""mutation { setSource(code: "wrse.total", year: 2026, source: REGISTER) { source } }""")).Ok();
        var page = await _s.SignInAsync("op-verval", Roles.Operator, "VERVAL");
        var sent = Sent(page, "recordBaseMeasure");
        await Screens.OpenAsync(page, "Data dasar", "Data dasar");
        var pmks = page.Locator("tr[data-measure='pmks.total']");
        await Expect(pmks.Locator("th")).ToContainTextAsync("Jumlah PMKS");
        await Expect(pmks.GetByLabel("TW I", new() { Exact = true })).ToHaveValueAsync("1.200");

        await pmks.GetByLabel("TW III", new() { Exact = true }).FillAsync("1.250,5");
        await pmks.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(pmks.Locator(".field-error")).ToContainTextAsync("bilangan bulat");
        Assert.Empty(sent);

        await pmks.GetByLabel("TW III", new() { Exact = true }).FillAsync("1.250");
        await pmks.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(pmks.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        var stocks = (await _s.Host.QueryAsync("{ baseMeasures(year: 2026) { code quarters } }")).Ok().GetProperty("baseMeasures");
        Assert.Equal(1250, stocks.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "pmks.total").GetProperty("quarters")[2].GetDouble());

        var wrse = page.Locator("tr[data-measure='wrse.total']");
        await Expect(wrse).ToContainTextAsync("dihitung dari register");
        Assert.Equal(0, await wrse.Locator("input").CountAsync());
        await Screens.ShotAsync(page, "data-dasar");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_an_official_and_an_analysis_set_on_their_screen_Then_the_Perjanjian_Kinerja_and_the_Pengukuran_Kinerja_print_them()
    {
        var admin = await _s.SignInAsync("admin-pejabat", Roles.Admin, null);
        await Screens.OpenAsync(admin, "Pejabat dan analisis", "Pejabat dan analisis");
        var kadis = admin.Locator("tr[data-position='DINSOS']");
        await kadis.GetByLabel("Nama Kepala Dinas", new() { Exact = false }).FillAsync("Drs. Budi Santoso, M.Si.");
        await kadis.GetByLabel("Pangkat dan golongan", new() { Exact = false }).FillAsync("Pembina Utama Muda (IV/c)");
        await kadis.GetByLabel("NIP", new() { Exact = false }).FillAsync("1970");
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(kadis.Locator(".field-error")).ToContainTextAsync("18 angka");
        await kadis.GetByLabel("NIP", new() { Exact = false }).FillAsync("19700101 199003 1 005");
        await kadis.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(kadis.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        await Screens.ShotAsync(admin, "pejabat");

        // The Kepala Seksi writes its indicator's analysis on a phone.
        var seksi = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN", Screens.Phone, 812);
        await Screens.OpenAsync(seksi, "Pejabat dan analisis", "Pejabat dan analisis");
        await Expect(seksi.Locator("tr[data-position='DINSOS']")).ToContainTextAsync("Drs. Budi Santoso, M.Si.");
        var analysis = seksi.Locator("li[data-analysis='PEMULIHAN-1']");
        await analysis.Locator("summary").ClickAsync();
        await analysis.GetByLabel("Faktor pendukung").FillAsync("Pendamping hadir di setiap kecamatan");
        await analysis.GetByLabel("Faktor penghambat").FillAsync("Data penerima terlambat masuk");
        await analysis.GetByLabel("Upaya tindak lanjut").FillAsync("Rekap mingguan dengan Seksi Veri-vali");
        await analysis.GetByRole(AriaRole.Button, new() { Name = "Simpan analisis" }).ClickAsync();
        await Expect(analysis.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        await Screens.AssertWithinWidthAsync(seksi);
        await Screens.ShotAsync(seksi, "analisis");

        await Screens.OpenAsync(seksi, "Laporan", "Laporan");
        var pengukuran = await Reports.Reports.PdfTextAsync(await DownloadAsync(seksi, "Pengukuran Kinerja", "pdf"));
        Assert.Contains("Pendamping hadir di setiap kecamatan", pengukuran, StringComparison.Ordinal);
        Assert.Contains("Rekap mingguan dengan Seksi Veri-vali", pengukuran, StringComparison.Ordinal);

        await Screens.OpenAsync(admin, "Laporan", "Laporan");
        var perjanjian = await Reports.Reports.PdfTextAsync(await DownloadAsync(admin, "Perjanjian Kinerja", "pdf"));
        Assert.Contains("Drs. Budi Santoso, M.Si.", perjanjian, StringComparison.Ordinal);
        Assert.Contains("19700101 199003 1 005", Regex.Replace(perjanjian, @"(\d{8})\s?(\d{6})\s?(\d)\s?(\d{3})", "$1 $2 $3 $4"), StringComparison.Ordinal);
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_each_report_with_its_default_period_Then_Laporan_downloads_it_and_asks_only_for_the_periods_it_takes()
    {
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        await Screens.OpenAsync(page, "Laporan", "Laporan");
        foreach (var (report, key, periods) in new[]
        {
            ("Pengukuran Kinerja", "pengukuran-kinerja", true), ("Perjanjian Kinerja", "perjanjian-kinerja", false), ("Rencana Aksi", "rencana-aksi", false),
        })
        {
            await page.GetByLabel("Laporan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = report });
            Assert.Equal(periods ? 1 : 0, await page.GetByLabel("Periode").CountAsync());
            foreach (var format in new[] { "xlsx", "pdf", "html" })
            {
                var asked = page.WaitForRequestAsync(r => r.Url.Contains($"/reports/{key}.{format}?", StringComparison.Ordinal));
                var content = await DownloadAsync(page, report, format);
                var url = (await asked).Url;
                Assert.True(content.Length > 0, url);
                Assert.DoesNotContain("quarter=", url, StringComparison.Ordinal);
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("diunduh");
            }
        }
        await Screens.ShotAsync(page, "laporan-rencana-aksi");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_a_chosen_year_and_period_Then_a_reload_and_a_menu_link_opened_in_a_new_tab_keep_them_and_the_tabs_share_one_session()
    {
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        await page.GetByLabel("Tahun").SelectOptionAsync("2025");
        await page.GetByLabel("Periode").SelectOptionAsync("q2");
        await Expect(page).ToHaveURLAsync(new Regex(@"/dasbor\?tahun=2025&periode=q2$"));
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Tahun")).ToHaveValueAsync("2025");
        await Expect(page.GetByLabel("Periode")).ToHaveValueAsync("q2");
        await Expect(page.Locator("main")).ToContainTextAsync("TW II 2025");

        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Pohon kinerja" });
        Assert.Equal("/pohon-kinerja?tahun=2025&periode=q2", await link.GetAttributeAsync("href"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "GraphiQL" }).CountAsync());
        var opened = page.Context.WaitForPageAsync();
        await link.ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        var tab = await opened;
        await Expect(tab).ToHaveURLAsync(new Regex(@"/pohon-kinerja\?tahun=2025&periode=q2$"));
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Pohon kinerja", Level = 1 })).ToBeVisibleAsync();
        await Expect(tab.GetByLabel("Periode")).ToHaveValueAsync("q2");
        // The new tab borrowed the session of the open one; Keluar in one ends it in both.
        await tab.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Anda telah keluar di tab lain.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('kinerja.token')"));

        // A favicon.
        var icon = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.Equal(200, icon.Status);
        Assert.Equal("image/x-icon", icon.Headers["content-type"]);
        Assert.Equal(200, (await page.APIRequest.GetAsync("/favicon.svg")).Status);
        _s.AssertOnlyTheHost();
    }
}
