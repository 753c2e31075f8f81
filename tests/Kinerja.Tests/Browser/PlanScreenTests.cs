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
}
