using System.Text.Json;
using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// The plan around the figures on its screens, each driven as its user would: the Kepala Bidang establishes a Seksi's
/// Perjanjian Kinerja and opens a Perubahan, the Seksi's operator copies its DPA lines and their realisation and its
/// Renstra targets; each checked through GraphQL, at 1366 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanScreenTests
{
    private readonly BrowserSession _s;

    public PlanScreenTests(BrowserSession session) => _s = session;

    private async Task<JsonElement> AgreementsAsync() => (await _s.Host.QueryAsync("""
        { agreements(year: 2026, unit: "PEMULIHAN") { revision name state date revisedOn reason targets { indicator { code } target } } }
        """)).Ok().GetProperty("agreements");

    /// <summary>Looks at a screen at a phone's width: in words, nothing beyond 375 px, and a screenshot to look at.</summary>
    private async Task PhoneAsync(string userName, string role, string unit, string address, string heading, string shot)
    {
        var phone = await _s.SignInAsync(userName, role, unit, Screens.Phone, 812);
        await phone.GotoAsync(address);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Screens.SettledAsync(phone);
        await Screens.AssertPlainWordsAsync(phone);
        await Screens.AssertWithinWidthAsync(phone);
        await Screens.ShotAsync(phone, shot);
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task Given_the_Kepala_Bidang_Then_the_Seksi_PK_is_established_on_its_date_a_Perubahan_is_opened_with_its_reason_and_each_prints()
    {
        var page = await _s.SignInAsync("kabid-rehsos-pk", Roles.Verifikator, "REHSOS");
        await Screens.OpenAsync(page, "Perjanjian Kinerja", "Perjanjian Kinerja");
        await page.GetByLabel("Tahun", new() { Exact = true }).SelectOptionAsync("2026");
        await Screens.SettledAsync(page);
        // Its own unit's PK is signed with the Kepala Dinas: no form for it here; the Seksi below wait for it.
        await Expect(page.Locator("[data-field='pk-state']").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan" }).CountAsync());
        var seksi = page.Locator("tr[data-unit='PEMULIHAN']");
        await Expect(seksi.Locator("[data-field='pk-state']")).ToHaveTextAsync("belum ditetapkan (DRAF)");
        await Screens.ShotAsync(page, "perjanjian-kinerja-bidang");
        await seksi.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"unit=PEMULIHAN"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Seksi Pemulihan · 2026" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("PK 2026 belum ditetapkan (DRAF).");
        await Expect(page.Locator("[data-revision='draf'] tr[data-indicator='PEMULIHAN-1'] td")).ToHaveTextAsync("80");

        // A date outside the PK's year: asked first, then refused by the server at the field.
        await page.GetByLabel("Tanggal penandatanganan").FillAsync("2025-06-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("dibekukan");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, tetapkan PK awal" }).ClickAsync();
        await Expect(page.Locator("#pk-tanggal-error")).ToContainTextAsync("di luar masa Perjanjian Kinerja tahun 2026");
        await Screens.ShotAsync(page, "perjanjian-kinerja-ditolak");
        Assert.Equal(0, (await AgreementsAsync()).GetArrayLength());

        await page.GetByLabel("Tanggal penandatanganan").FillAsync("2026-01-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tetapkan", Exact = true }).ClickAsync();
        await Expect(confirm).ToContainTextAsync("5 Januari 2026");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, tetapkan PK awal" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ditetapkan tanggal" })).ToContainTextAsync("5 Januari 2026");
        var first = page.Locator("[data-revision='0']");
        await Expect(first.Locator("[data-field='state']")).ToHaveTextAsync("Ditetapkan");
        await Expect(first.Locator("[data-field='date']")).ToHaveTextAsync("5 Januari 2026");
        var established = (await AgreementsAsync()).EnumerateArray().Single();
        Assert.Equal("DITETAPKAN", established.GetProperty("state").GetString());
        Assert.Equal("2026-01-05", established.GetProperty("date").GetString());
        Assert.Equal(80, established.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("indicator").GetProperty("code").GetString() == "PEMULIHAN-1").GetProperty("target").GetDouble());

        // A Perubahan needs its reason; then it is asked, opened, and listed first as a draft.
        await page.GetByLabel("Tanggal perubahan").FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka PK Perubahan", Exact = true }).ClickAsync();
        await Expect(page.Locator("#pk-alasan-error")).ToContainTextAsync("wajib diisi");
        await page.GetByLabel("Alasan perubahan").FillAsync("Refocusing anggaran triwulan II");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buka PK Perubahan", Exact = true }).ClickAsync();
        await Expect(confirm).ToContainTextAsync("Refocusing anggaran triwulan II");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, buka PK Perubahan" }).ClickAsync();
        var revised = page.Locator("[data-revision='1']");
        await Expect(revised.Locator("h3")).ToContainTextAsync("Perubahan ke-1");
        await Expect(revised.Locator("[data-field='state']")).ToHaveTextAsync("Draf (belum ditetapkan)");
        await Expect(revised.Locator("[data-field='reason']")).ToHaveTextAsync("Refocusing anggaran triwulan II");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tetapkan Perubahan ke-1" })).ToBeVisibleAsync();
        var agreements = await AgreementsAsync();
        Assert.Equal(2, agreements.GetArrayLength());
        Assert.Equal("DRAF", agreements[1].GetProperty("state").GetString());
        Assert.Equal("2026-04-01", agreements[1].GetProperty("revisedOn").GetString());
        Assert.Equal("Refocusing anggaran triwulan II", agreements[1].GetProperty("reason").GetString());

        // Each revision prints as itself.
        var asked = page.WaitForRequestAsync(r => r.Url.Contains("/reports/perjanjian-kinerja.pdf?", StringComparison.Ordinal));
        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await revised.GetByRole(AriaRole.Button, new() { Name = "Cetak Perubahan ke-1 (PDF)" }).ClickAsync();
        Assert.Contains("revision=1", (await asked).Url, StringComparison.Ordinal);
        var pdf = await Reports.Reports.PdfTextAsync(await File.ReadAllBytesAsync(await (await download).PathAsync()));
        Assert.Contains("PERUBAHAN KE-1", pdf, StringComparison.Ordinal);
        await Expect(revised.GetByRole(AriaRole.Status)).ToContainTextAsync("diunduh");
        asked = page.WaitForRequestAsync(r => r.Url.Contains("/reports/perjanjian-kinerja.xlsx?", StringComparison.Ordinal));
        download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await first.GetByRole(AriaRole.Button, new() { Name = "Unduh PK awal (XLSX)" }).ClickAsync();
        Assert.Contains("revision=0", (await asked).Url, StringComparison.Ordinal);
        Assert.True(new FileInfo(await (await download).PathAsync()).Length > 0);
        await Screens.AssertPlainWordsAsync(page);
        await Screens.ShotAsync(page, "perjanjian-kinerja");

        await PhoneAsync("kabid-rehsos-pk", Roles.Verifikator, "REHSOS", "/perjanjian-kinerja?tahun=2026&unit=PEMULIHAN", "Perjanjian Kinerja", "perjanjian-kinerja");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_Seksi_operator_Then_a_DPA_line_is_added_its_realisation_typed_the_Indonesian_way_gives_serapan_and_one_over_pagu_is_flagged()
    {
        var page = await _s.SignInAsync("op-pemulihan-dpa", Roles.Operator, "PEMULIHAN");
        await Screens.OpenAsync(page, "Anggaran", "Anggaran dan Renstra");
        await page.GetByLabel("Tahun", new() { Exact = true }).SelectOptionAsync("2026");
        await Screens.SettledAsync(page);
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Tambah baris anggaran" });

        // A code the DPA does not write: refused by the server, at the field.
        await form.GetByLabel("Kode (seperti di DPA)").FillAsync("1.06,02");
        await form.GetByLabel("Nama program, kegiatan atau sub-kegiatan").FillAsync("Rehabilitasi sosial eks penyakit sosial");
        await form.GetByLabel("Pagu (Rp)").FillAsync("800.000.000");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "PEMULIHAN-1", Exact = false }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah baris" }).ClickAsync();
        await Expect(form.Locator("#baris-baru-kode-error")).ToContainTextAsync("kode anggaran ditulis seperti di DPA");

        await form.GetByLabel("Kode (seperti di DPA)").FillAsync("1.06.02.2.07");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah baris" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Baris 1.06.02.2.07 ditambahkan.");
        var line = page.Locator("tr[data-line='1.06.02.2.07']");
        await Expect(line.Locator("[data-field='pagu']")).ToHaveTextAsync("Rp 800.000.000");
        await Expect(line.Locator("[data-field='indicators']")).ToContainTextAsync("PEMULIHAN-1");

        await line.GetByLabel("TW I", new() { Exact = true }).FillAsync("150.000.000");
        await line.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(line.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        await Expect(line.Locator("[data-field='serapan']")).ToHaveTextAsync("18,75 %");
        await Expect(line.Locator("[data-field='realized']")).ToHaveTextAsync("Rp 150.000.000");
        await Expect(line.Locator("[data-field='budget-warning']")).ToHaveCountAsync(0);

        // More than the pagu by the end of TW II: stored, and flagged beside it.
        await line.GetByLabel("TW II", new() { Exact = true }).FillAsync("700.000.000");
        await line.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(line.Locator("[data-field='budget-warning']")).ToContainTextAsync("melebihi pagu");
        await Expect(line.Locator("[data-field='serapan']")).ToHaveTextAsync("106,25 %");
        var stored = (await _s.Host.QueryAsync("""
            { budgetLines(year: 2026, unit: "PEMULIHAN") { code name pagu indicators { code } realizations s1: serapan(quarter: 1) warning } }
            """)).Ok().GetProperty("budgetLines").EnumerateArray().Single(l => l.GetProperty("code").GetString() == "1.06.02.2.07");
        Assert.Equal(800_000_000, stored.GetProperty("pagu").GetDouble());
        Assert.Equal(["PEMULIHAN-1"], stored.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(150_000_000, stored.GetProperty("realizations")[0].GetDouble());
        Assert.Equal(700_000_000, stored.GetProperty("realizations")[1].GetDouble());
        Assert.Equal(18.75, stored.GetProperty("s1").GetDouble(), 9);
        Assert.Contains("melebihi pagu", stored.GetProperty("warning").GetString(), StringComparison.Ordinal);
        await Screens.AssertPlainWordsAsync(page);
        await Screens.ShotAsync(page, "anggaran");

        // A line typed in error goes, after a confirmation that says what goes with it.
        await form.GetByLabel("Kode (seperti di DPA)").FillAsync("1.06.02.2.08");
        await form.GetByLabel("Nama program, kegiatan atau sub-kegiatan").FillAsync("Baris salah ketik");
        await form.GetByLabel("Pagu (Rp)").FillAsync("1.000.000");
        await form.GetByRole(AriaRole.Button, new() { Name = "Tambah baris" }).ClickAsync();
        var wrong = page.Locator("tr[data-line='1.06.02.2.08']");
        await wrong.GetByRole(AriaRole.Button, new() { Name = "Hapus baris 1.06.02.2.08" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("Rp 1.000.000");
        await Screens.ShotAsync(page, "anggaran-hapus");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Ya, hapus baris 1.06.02.2.08" }).ClickAsync();
        await Expect(wrong).ToHaveCountAsync(0);
        var codes = (await _s.Host.QueryAsync("""{ budgetLines(year: 2026, unit: "PEMULIHAN") { code } }""")).Ok().GetProperty("budgetLines")
            .EnumerateArray().Select(l => l.GetProperty("code").GetString()).ToList();
        Assert.Contains("1.06.02.2.07", codes);
        Assert.DoesNotContain("1.06.02.2.08", codes);

        await PhoneAsync("op-pemulihan-dpa", Roles.Operator, "PEMULIHAN", "/anggaran?tahun=2026", "Anggaran dan Renstra", "anggaran");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_Seksi_operator_Then_a_Renstra_end_target_is_set_for_its_plan_period_and_a_period_too_long_is_refused_at_its_field()
    {
        var page = await _s.SignInAsync("op-pemulihan-renstra", Roles.Operator, "PEMULIHAN");
        await Screens.OpenAsync(page, "Anggaran", "Anggaran dan Renstra");
        await page.GetByLabel("Tahun", new() { Exact = true }).SelectOptionAsync("2026");
        await Screens.SettledAsync(page);
        var row = page.Locator("tr[data-renstra='PEMULIHAN-1']");
        await Expect(row.Locator("[data-field='renstra']")).ToHaveTextAsync("belum ada target Renstra yang berlaku tahun 2026");

        await row.GetByLabel("Tahun awal").FillAsync("2025");
        await row.GetByLabel("Tahun akhir").FillAsync("2032");
        await row.GetByLabel("Target akhir").FillAsync("1.200");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(row.Locator("#renstra-PEMULIHAN-1-sampai-error")).ToContainTextAsync("paling lama 6 tahun");

        await row.GetByLabel("Tahun akhir").FillAsync("2029");
        await row.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tersimpan.");
        await Expect(row.Locator("[data-field='renstra']")).ToHaveTextAsync("Renstra 2025–2029: target akhir 1.200");
        var renstra = (await _s.Host.QueryAsync("""{ renstraTargets(year: 2026, unit: "PEMULIHAN") { indicator { code } fromYear toYear target } }"""))
            .Ok().GetProperty("renstraTargets").EnumerateArray().Single(r => r.GetProperty("indicator").GetProperty("code").GetString() == "PEMULIHAN-1");
        Assert.Equal(2025, renstra.GetProperty("fromYear").GetInt32());
        Assert.Equal(2029, renstra.GetProperty("toYear").GetInt32());
        Assert.Equal(1200, renstra.GetProperty("target").GetDouble());
        await Screens.AssertPlainWordsAsync(page);
        await Screens.ShotAsync(page, "renstra");

        await PhoneAsync("op-pemulihan-renstra", Roles.Operator, "PEMULIHAN", "/anggaran?tahun=2026", "Anggaran dan Renstra", "renstra");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_Seksi_operator_Then_its_DPA_workbook_downloads_and_an_import_with_a_refused_row_stores_nothing_until_it_is_mended()
    {
        var page = await _s.SignInAsync("op-pengembangan-dpa", Roles.Operator, "PENGEMBANGAN");
        await page.GotoAsync("/anggaran?tahun=2026");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anggaran dan Renstra", Level = 1 })).ToBeVisibleAsync();
        await Screens.SettledAsync(page);
        var form = page.Locator("[data-form='anggaran-berkas']");

        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Unduh lembar kerja" }).ClickAsync();
        Assert.Equal("anggaran-2026-pengembangan.xlsx", (await download).SuggestedFilename);
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("anggaran-2026-pengembangan.xlsx diunduh.");

        var folder = Directory.CreateTempSubdirectory("kinerja-dpa-").FullName;
        var bad = Path.Combine(folder, "dpa-salah.csv");
        await File.WriteAllTextAsync(bad, "Kode,Nama,Pagu,Indikator,Realisasi TW I\n"
            + "1.06.02.2.11,Pengembangan kapasitas,750.000.000,PENGEMBANGAN-1,100.000.000\n"
            + "1.06.02.2.12,Baris salah,1.2345,PELAYANAN-1,\n");
        await form.GetByLabel("Berkas XLSX").SetInputFilesAsync(bad);
        await form.GetByRole(AriaRole.Button, new() { Name = "Impor" }).ClickAsync();
        var refused = form.GetByRole(AriaRole.Alert);
        await Expect(refused).ToContainTextAsync("tidak ada yang disimpan");
        await Expect(refused).ToContainTextAsync("baris 3, kolom Pagu: '1.2345' bukan jumlah rupiah");
        await Expect(refused).ToContainTextAsync("baris 3, kolom Indikator: PELAYANAN-1 milik unit PELAYANAN");
        await Screens.AssertPlainWordsAsync(page);
        await Screens.ShotAsync(page, "anggaran-impor-ditolak");
        Assert.Equal(0, (await _s.Host.QueryAsync("""{ budgetLines(year: 2026, unit: "PENGEMBANGAN") { code } }""")).Ok()
            .GetProperty("budgetLines").GetArrayLength());

        var good = Path.Combine(folder, "dpa.csv");
        await File.WriteAllTextAsync(good, "Kode,Nama,Pagu,Indikator,Realisasi TW I\n"
            + "1.06.02.2.11,Pengembangan kapasitas,750.000.000,PENGEMBANGAN-1,100.000.000\n"
            + "1.06.02.2.12,Pendampingan,Rp 50.000.000,,\n");
        await form.GetByLabel("Berkas XLSX").SetInputFilesAsync(good);
        await form.GetByRole(AriaRole.Button, new() { Name = "Impor" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Berkas diimpor: 2 baris baru, 0 diubah, 0 tetap.");
        await Expect(page.Locator("tr[data-line='1.06.02.2.11'] [data-field='pagu']")).ToHaveTextAsync("Rp 750.000.000");
        var lines = (await _s.Host.QueryAsync("""{ budgetLines(year: 2026, unit: "PENGEMBANGAN") { code pagu realizations } }""")).Ok()
            .GetProperty("budgetLines");
        Assert.Equal(750_000_000, lines[0].GetProperty("pagu").GetDouble());
        Assert.Equal(100_000_000, lines[0].GetProperty("realizations")[0].GetDouble());
        Assert.Equal(50_000_000, lines[1].GetProperty("pagu").GetDouble());
        await Screens.ShotAsync(page, "anggaran-impor");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_the_Kepala_Dinas_Then_Laporan_downloads_the_LKjIP_draft_as_Word_without_asking_a_format_or_unit()
    {
        var page = await _s.SignInAsync("kadis-lkjip", Roles.Pimpinan, null);
        await Screens.OpenAsync(page, "Laporan", "Laporan");
        await page.GetByLabel("Laporan", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "LKjIP (draf Word)" });
        Assert.Equal(0, await page.GetByLabel("Format").CountAsync());
        Assert.Equal(0, await page.GetByLabel("Unit").CountAsync());
        var asked = page.WaitForRequestAsync(r => r.Url.Contains("/reports/lkjip.docx?year=", StringComparison.Ordinal));
        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unduh" }).ClickAsync();
        Assert.DoesNotContain("unit=", (await asked).Url, StringComparison.Ordinal);
        var file = await (await download).PathAsync();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false))
        {
            Assert.Contains("LAPORAN KINERJA", word.MainDocumentPart!.Document.Body!.InnerText.ToUpperInvariant(), StringComparison.Ordinal);
        }
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(".docx diunduh");
        _s.AssertOnlyTheHost();
    }
}
