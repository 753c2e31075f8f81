using System.Globalization;
using System.Text.Json;
using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>Every screen of the web app in a real browser, against the real host, as its four kinds of users use it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebAppTests
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private readonly BrowserSession _s;

    public WebAppTests(BrowserSession session) => _s = session;

    private async Task<JsonElement> IkuAsync(int quarter, string token) => (await _s.Host.QueryAsAsync(token,
        "query($q: Int) { iku(year: 2026, quarter: $q) { indicator { code } value target achievement predicate status } }", new { q = quarter }))
        .Ok().GetProperty("iku");

    private static async Task ChoosePeriodAsync(IPage page, string period, string label)
    {
        await page.GetByLabel("Tahun").SelectOptionAsync("2026");
        await page.GetByLabel("Periode").SelectOptionAsync(period);
        await Expect(page.Locator("main")).ToContainTextAsync(label);
    }

    /// <summary>Opens Isian for a triwulan of 2026 and returns the row of PEMULIHAN-1.</summary>
    private static async Task<ILocator> PemulihanRowAsync(IPage page, string quarter)
    {
        await Screens.OpenAsync(page, "Isian", "Isian realisasi");
        await page.GetByLabel("Tahun").SelectOptionAsync("2026");
        await page.GetByText(quarter, new() { Exact = true }).ClickAsync();
        return page.Locator("tr[data-indicator='PEMULIHAN-1']");
    }

    private static async Task SubmitAsync(ILocator row, string figure)
    {
        await row.GetByLabel("Jumlah").FillAsync(figure);
        await row.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
    }

    private static string Percent(double value) => value.ToString("#,##0.##", Indonesian) + " %";

    /// <summary>Each IKU card shows the API's figure, or its status in words where the API has none.</summary>
    private static async Task AssertDashboardShowsAsync(IPage page, JsonElement iku)
    {
        foreach (var value in iku.EnumerateArray())
        {
            var card = page.Locator($"[data-iku='{value.GetProperty("indicator").GetProperty("code").GetString()}']");
            foreach (var field in new[] { "value", "achievement" })
            {
                var cell = card.Locator($"[data-field='{field}']");
                if (value.GetProperty(field).ValueKind == JsonValueKind.Number)
                {
                    var expected = value.GetProperty(field).GetDouble();
                    await Expect(cell).ToHaveTextAsync(Percent(expected));
                    Assert.Equal(expected, double.Parse((await cell.Locator("[data-value]").GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 9);
                }
                else
                {
                    var words = value.GetProperty("status").GetString() switch
                    {
                        "NO_DATA" => "belum ada data", "UNDEFINED" => "tidak terdefinisi", "MODULE_DISABLED" => "modul tidak aktif", _ => "tanpa target",
                    };
                    await Expect(cell).ToHaveTextAsync(words);
                }
            }
            var predicate = value.GetProperty("predicate");
            if (predicate.ValueKind == JsonValueKind.String)
            {
                await Expect(card.Locator("[data-field='predicate']")).ToHaveTextAsync(predicate.GetString()!);
            }
        }
    }

    [Fact]
    public async Task Given_a_pimpinan_Then_the_dashboard_shows_the_APIs_iku_and_no_entry_screen_is_offered()
    {
        var token = await _s.Host.SignInAsync("kadis", Roles.Pimpinan, null);
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Pohon kinerja" })).ToBeVisibleAsync();
        foreach (var screen in new[] { "Isian", "Verifikasi", "Register", "Admin" })
        {
            Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new() { Name = screen, Exact = true }).CountAsync());
        }

        await ChoosePeriodAsync(page, "q1", "TW I 2026");
        await AssertDashboardShowsAsync(page, await IkuAsync(1, token));
        await BrowserSession.ScreenshotAsync(page, "dasbor");

        await ChoosePeriodAsync(page, "q3", "TW III 2026");
        await AssertDashboardShowsAsync(page, await IkuAsync(3, token));
        await Expect(page.Locator("[data-iku='IKU-3'] [data-field='value']")).ToHaveTextAsync("belum ada data");

        await page.GotoAsync("/isian");
        await Expect(page.Locator("main")).ToContainTextAsync("Peran Anda tidak dapat membuka Isian");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_a_phone_Then_the_dashboard_fits_375_pixels()
    {
        var page = await _s.SignInAsync("sekdin", Roles.Pimpinan, null, width: 375, height: 812);
        await ChoosePeriodAsync(page, "q1", "TW I 2026");
        await Expect(page.Locator("[data-iku='IKU-4'] [data-field='value']")).Not.ToBeEmptyAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 375, "the page scrolls sideways at 375 px");
        await BrowserSession.ScreenshotAsync(page, "dasbor-375px");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_an_operator_Then_an_entry_through_Isian_changes_the_dashboard_and_only_its_units_indicators_are_offered()
    {
        var admin = await _s.Host.SignInAsync("admin-uji", Roles.Admin, null);
        var before = (await IkuAsync(1, admin))[1].GetProperty("value").GetDouble();
        var page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var row = await PemulihanRowAsync(page, "TW I");
        var rows = page.Locator("tr[data-indicator]");
        await Expect(rows).Not.ToHaveCountAsync(0);
        Assert.All(await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.indicator)"),
            code => Assert.StartsWith("PEMULIHAN-", code));
        await Expect(row).ToContainTextAsync("20");                          // the triwulan's target
        await Expect(row).ToContainTextAsync("80");                          // the annual target
        await SubmitAsync(row, "24");
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Diajukan");
        await BrowserSession.ScreenshotAsync(page, "isian");

        var after = (await IkuAsync(1, admin))[1];
        Assert.NotEqual(before, after.GetProperty("value").GetDouble());
        await Screens.OpenAsync(page, "Dasbor", "Dasbor IKU");
        await ChoosePeriodAsync(page, "q1", "TW I 2026");
        await Expect(page.Locator("[data-iku='IKU-2'] [data-field='value']")).ToHaveTextAsync(Percent(after.GetProperty("value").GetDouble()));
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_a_negative_figure_Then_Isian_refuses_it_at_the_field_and_nothing_is_stored()
    {
        var page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var row = await PemulihanRowAsync(page, "TW IV");
        await SubmitAsync(row, "-3");

        var error = row.Locator(".field-error");
        await Expect(error).ToContainTextAsync("tidak boleh negatif");
        await Expect(row.GetByLabel("Jumlah")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserSession.ScreenshotAsync(page, "isian-ditolak");
        var stored = (await _s.Host.QueryAsync("""{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 4) { numerator status } }""")).Ok();
        Assert.Equal("""{"numerator":null,"status":"NO_DATA"}""", stored.GetProperty("value").GetRawText());
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_an_operator_and_a_kepala_bidang_Then_an_entry_is_submitted_returned_with_a_reason_corrected_and_verified()
    {
        var operatorPage = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var row = await PemulihanRowAsync(operatorPage, "TW II");
        await SubmitAsync(row, "9");
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Diajukan");

        var kabid = await _s.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        var nav = kabid.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
        Assert.Equal(0, await nav.GetByRole(AriaRole.Link, new() { Name = "Isian", Exact = true }).CountAsync());
        await Screens.OpenAsync(kabid, "Verifikasi", "Verifikasi realisasi");
        await kabid.GetByLabel("Tahun").SelectOptionAsync("2026");
        var entry = kabid.Locator("tr[data-entry='PEMULIHAN-1-2']");
        await Expect(entry).ToContainTextAsync("op-pemulihan");
        await BrowserSession.ScreenshotAsync(kabid, "verifikasi");
        // Returning without a reason is refused at the reason's field, before anything is sent.
        await entry.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();
        await Expect(entry.Locator(".field-error")).ToContainTextAsync("alasan");
        await entry.GetByLabel("Alasan pengembalian").FillAsync("Daftar hadir belum dilampirkan");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Kembalikan" }).ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);

        // Signing in lands on the dashboard, which points the operator to the returned entry and its triwulan.
        await operatorPage.GotoAsync("/dasbor?tahun=2026");
        var returned = operatorPage.Locator("[data-waiting='returned']");
        await Expect(returned).ToContainTextAsync("dikembalikan verifikator");
        await Screens.ShotAsync(operatorPage, "dasbor-dikembalikan");
        await returned.GetByRole(AriaRole.Link, new() { Name = "TW II (1)" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Isian realisasi" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Radio, new() { Name = "TW II", Exact = true })).ToBeCheckedAsync();
        row = operatorPage.Locator("tr[data-indicator='PEMULIHAN-1']");
        await Expect(row.Locator("[data-field='state']")).ToContainTextAsync("Dikembalikan");
        // Isian without a triwulan in the address opens where the return waits.
        await operatorPage.GotoAsync("/isian?tahun=2026");
        await Expect(operatorPage.GetByRole(AriaRole.Radio, new() { Name = "TW II", Exact = true })).ToBeCheckedAsync();
        await Expect(operatorPage.Locator("[data-waiting='returned']")).ToContainTextAsync("TW II (1)");
        await Expect(row.Locator("[data-field='state']")).ToContainTextAsync("Daftar hadir belum dilampirkan");
        await Expect(row.GetByLabel("Jumlah")).ToHaveValueAsync("9");       // the returned figure, to correct
        await BrowserSession.ScreenshotAsync(operatorPage, "isian-dikembalikan");
        await SubmitAsync(row, "10");
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Diajukan");
        await Expect(operatorPage.Locator("[data-waiting='returned']")).ToHaveCountAsync(0);

        // The verifikator's dashboard says what waits, and links to it.
        await kabid.GotoAsync("/dasbor?tahun=2026");
        await Expect(kabid.Locator("[data-waiting='submitted']")).ToContainTextAsync("menunggu verifikasi Anda");
        await kabid.Locator("[data-waiting='submitted']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(kabid.GetByRole(AriaRole.Heading, new() { Name = "Verifikasi realisasi" })).ToBeVisibleAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Verifikasi" }).ClickAsync();
        await Expect(entry).ToHaveCountAsync(0);
        var stored = (await _s.Host.QueryAsync("""{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 2) { numerator verification } }""")).Ok();
        Assert.Equal("""{"numerator":10,"verification":"DIVERIFIKASI"}""", stored.GetProperty("value").GetRawText());

        // A verified entry may still be changed, and says what that does.
        await operatorPage.ReloadAsync();
        await Expect(row.Locator("[data-field='state']")).ToContainTextAsync("kembali berstatus Diajukan");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_pohon_kinerja_Then_each_node_shows_its_working_and_a_register_node_opens_by_kecamatan()
    {
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        await Screens.OpenAsync(page, "Pohon kinerja", "Pohon kinerja");
        await ChoosePeriodAsync(page, "q1", "TW I 2026");
        var iku4 = page.Locator("[data-node='IKU-4']").First;
        await Expect(iku4.Locator("dl").First).ToContainTextAsync("Penyebut50");
        // IKU-4's numerator comes from a register but its denominator is typed: it has no figure per kecamatan to offer.
        Assert.Equal(0, await page.Locator("[data-node='IKU-4'] > details > p > button").CountAsync());
        var kegiatan = iku4.Locator("[data-node='KELEMBAGAAN-1']");
        await kegiatan.Locator("summary").First.ClickAsync();
        await Expect(kegiatan.Locator("[data-field='source']").First).ToHaveTextAsync("dihitung dari register");
        await kegiatan.GetByRole(AriaRole.Button, new() { Name = "Rincian per kecamatan dan penerima" }).ClickAsync();
        var cerme = kegiatan.Locator("tr", new() { HasText = "Cerme" }).First;
        await Expect(cerme).ToContainTextAsync("1");
        await Expect(kegiatan.GetByText("LKS-001")).ToBeVisibleAsync();
        await page.Locator("[data-node='IKU-1'] > details > summary").ClickAsync();
        await page.Locator("[data-node='IKU-1'] > details > summary").ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "pohon-kinerja");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_a_register_file_with_a_bad_row_Then_Register_uploads_it_and_lists_that_row()
    {
        var page = await _s.SignInAsync("admin-register", Roles.Admin, null);
        await Screens.OpenAsync(page, "Register", "Impor register");
        await page.GetByLabel("Register", new() { Exact = true }).SelectOptionAsync("pmks");
        var csv = """
            NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai
            3525015203850001,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            352501520385,Budi,L,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            """;
        await page.GetByLabel("Berkas CSV atau XLSX").SetInputFilesAsync(new FilePayload
        {
            Name = "pmks-uji.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();

        await Expect(page.Locator("[data-field='rows']")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-field='accepted']")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-field='refused']")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-field='inClosedQuarters']")).ToHaveTextAsync("0");
        var refused = page.Locator("tr[data-line='3']");
        await Expect(refused).ToContainTextAsync("NIK");
        await BrowserSession.ScreenshotAsync(page, "register");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_an_admin_Then_a_triwulan_is_rolled_up_and_reopened_and_the_audit_trail_shows_it()
    {
        var page = await _s.SignInAsync("admin-web", Roles.Admin, null);
        await Screens.OpenAsync(page, "Admin", "Admin");
        await page.GetByLabel("Tahun").First.SelectOptionAsync("2025");
        var first = page.Locator("tr[data-quarter='1']");
        // Closing asks first and says what it freezes; Batal leaves the triwulan open.
        await first.GetByRole(AriaRole.Button, new() { Name = "Jalankan rollup" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("tidak dapat diisi atau diubah lagi");
        await Screens.ShotAsync(page, "admin-konfirmasi-rollup");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        var quarters = (await _s.Host.QueryAsync("{ quarters(year: 2025) { closed } }")).Ok().GetProperty("quarters");
        Assert.False(quarters[0].GetProperty("closed").GetBoolean());
        await first.GetByRole(AriaRole.Button, new() { Name = "Jalankan rollup" }).ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, jalankan rollup dan tutup TW I 2025" }).ClickAsync();
        await Expect(first).ToContainTextAsync("ditutup");

        // Isian: the closed triwulan is read-only and says since when; a register-counted figure is read-only too.
        await Screens.OpenAsync(page, "Isian", "Isian realisasi");
        await page.GetByLabel("Tahun").SelectOptionAsync("2025");
        await page.GetByText("TW I", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Triwulan I 2025 sudah ditutup pada");
        var closed = page.Locator("tr[data-indicator='PEMULIHAN-1']");
        await Expect(closed.GetByLabel("Jumlah")).ToHaveAttributeAsync("readonly", "");
        Assert.Equal(0, await closed.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).CountAsync());
        await page.GetByLabel("Tahun").SelectOptionAsync("2026");
        await Expect(page.Locator("tr[data-indicator='KELEMBAGAAN-1']")).ToContainTextAsync("dihitung dari register layanan");
        await BrowserSession.ScreenshotAsync(page, "isian-admin");

        await Screens.OpenAsync(page, "Admin", "Admin");
        await page.GetByLabel("Tahun").First.SelectOptionAsync("2025");
        await first.GetByRole(AriaRole.Button, new() { Name = "Buka kembali" }).ClickAsync();
        await Expect(confirm).ToContainTextAsync("tetap tersimpan");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, buka kembali TW I 2025" }).ClickAsync();
        await Expect(first).ToContainTextAsync("terbuka");
        await page.GetByLabel("Pengguna").FillAsync("admin-web");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        // Its sign-ins are in the trail too, as many as the session made.
        var audit = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Jejak audit \(\d+\)$") });
        await Expect(audit).ToBeVisibleAsync();
        await Expect(audit).ToContainTextAsync("rollup dijalankan");
        await Expect(audit).ToContainTextAsync("masuk");
        // Before and after are labelled values, not JSON.
        var reopened = audit.Locator("tr", new() { HasText = "triwulan dibuka kembali" });
        await Expect(reopened.Locator("td[data-label='Sebelum'] .change div", new() { HasText = "Ditutup" })).ToHaveTextAsync("Ditutupya");
        await Expect(reopened.Locator("td[data-label='Sesudah'] .change div", new() { HasText = "Ditutup" })).ToHaveTextAsync("Ditutuptidak");
        await Expect(audit).Not.ToContainTextAsync("{");
        await BrowserSession.ScreenshotAsync(page, "admin");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_a_bad_password_or_a_spoiled_token_Then_Masuk_shows_why_and_Keluar_signs_out()
    {
        await _s.Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var page = await _s.NewPageAsync();
        await page.GotoAsync("/dasbor");
        await page.GetByLabel("Nama pengguna").FillAsync("op-pemulihan");
        await page.GetByLabel("Kata sandi").FillAsync("salah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await BrowserSession.ScreenshotAsync(page, "masuk-ditolak");

        page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        await page.EvaluateAsync("sessionStorage.setItem('kinerja.token', 'eyJhbGciOiJIUzI1NiJ9.e30.rusak')");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pohon kinerja" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sesi berakhir");
        await Expect(page.GetByLabel("Nama pengguna")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "masuk-sesi-berakhir");

        page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Anda telah keluar.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('kinerja.token')"));
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_only_a_keyboard_Then_one_signs_in_and_moves_between_screens()
    {
        await _s.Host.SignInAsync("kadis", Roles.Pimpinan, null);
        var page = await _s.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("Nama pengguna")).ToBeVisibleAsync();  // once no other tab has offered its session
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("kadis");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(BrowserSession.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dasbor IKU" })).ToBeVisibleAsync();

        // The skip link first, then the menu.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Lompat ke isi", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Pohon kinerja", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pohon kinerja", Level = 1 })).ToBeVisibleAsync();
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_GraphiQL_and_Laporan_Then_both_load_from_the_host_with_the_signed_in_token()
    {
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        await Screens.OpenAsync(page, "Laporan", "Laporan");
        await page.GetByLabel("Tahun").SelectOptionAsync("2026");
        var asked = page.WaitForRequestAsync(r => r.Url.Contains("/reports/pengukuran-kinerja.xlsx?year=2026", StringComparison.Ordinal));
        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 }); // a whole year of the Dinas: slow on a busy CI machine
        await page.GetByRole(AriaRole.Button, new() { Name = "Unduh" }).ClickAsync();
        Assert.StartsWith("Bearer ", (await (await asked).AllHeadersAsync())["authorization"]);
        Assert.EndsWith(".xlsx", (await download).SuggestedFilename);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("diunduh");
        await BrowserSession.ScreenshotAsync(page, "laporan");

        // An operator may not have the Dinas's report: the server's refusal is shown.
        var operatorPage = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        await Screens.OpenAsync(operatorPage, "Laporan", "Laporan");
        await Expect(operatorPage.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "GraphiQL" }))
            .ToHaveCountAsync(0);
        await Expect(operatorPage.GetByLabel("Unit")).ToHaveValueAsync("PEMULIHAN");
        await operatorPage.GetByLabel("Unit").SelectOptionAsync(new SelectOptionValue { Label = "Dinas (semua unit)" });
        await operatorPage.GetByRole(AriaRole.Button, new() { Name = "Unduh" }).ClickAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Alert)).ToContainTextAsync("op-pemulihan");
        await BrowserSession.ScreenshotAsync(operatorPage, "laporan-ditolak");

        // GraphiQL's first request is graphql-js 16's full introspection query: answered without errors.
        var introspection = page.WaitForResponseAsync(r => r.Url.EndsWith("/graphql", StringComparison.Ordinal));
        await page.GotoAsync("/graphiql");
        var schema = await introspection;
        Assert.StartsWith("Bearer ", (await schema.Request.AllHeadersAsync())["authorization"]);
        var answer = (await schema.JsonAsync())!.Value;
        Assert.False(answer.TryGetProperty("errors", out _), answer.ToString());
        Assert.Equal("Query", answer.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        await Expect(page.Locator(".graphiql-container")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "graphiql");
        _s.AssertOnlyTheHost();
    }
}
