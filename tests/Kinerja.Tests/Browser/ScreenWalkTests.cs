using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// Every screen of each role's menu, and Ganti kata sandi beside Keluar, at 1366 and 375 px: it loads, shows no developer words, keeps every control within
/// a phone's width, and leaves a screenshot of each width to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenWalkTests
{
    private readonly BrowserSession _s;

    public ScreenWalkTests(BrowserSession session) => _s = session;

    public static TheoryData<string, string, string?, string[]> Walks => new()
    {
        { "kadis", Roles.Pimpinan, null, ["Dasbor", "Pohon kinerja", "Laporan"] },
        { "op-verval", Roles.Operator, "VERVAL",
            ["Dasbor", "Pohon kinerja", "Isian", "Target", "Data dasar", "Register", "Pejabat dan analisis", "Laporan"] },
        { "kabid-rehsos", Roles.Verifikator, "REHSOS", ["Dasbor", "Pohon kinerja", "Verifikasi", "Laporan"] },
        { "admin-jalan", Roles.Admin, null,
            ["Dasbor", "Pohon kinerja", "Isian", "Target", "Data dasar", "Verifikasi", "Register", "Pejabat dan analisis", "Laporan", "Admin", "Akun", "GraphiQL"] },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Given_a_role_Then_each_screen_of_its_menu_reads_in_words_and_fits_1366_and_375_pixels(
        string userName, string role, string? unit, string[] menu)
    {
        foreach (var width in new[] { 1366, Screens.Phone })
        {
            var page = await _s.SignInAsync(userName, role, unit, width, width == Screens.Phone ? 812 : 768);
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
            Assert.Equal(menu, await nav.GetByRole(AriaRole.Link).AllInnerTextsAsync());
            foreach (var screen in menu.Where(m => m != "GraphiQL"))
            {
                var link = nav.GetByRole(AriaRole.Link, new() { Name = screen, Exact = true });
                var path = (await link.GetAttributeAsync("href"))!.Split('?')[0];
                await link.ClickAsync();
                await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{path}(\\?|$)"));
                await Expect(page.Locator("h1")).ToBeVisibleAsync();
                await Expect(link).ToHaveAttributeAsync("aria-current", "page");
                await Screens.SettledAsync(page);
                await Screens.AssertPlainWordsAsync(page);
                if (width == Screens.Phone)
                {
                    await Screens.AssertWithinWidthAsync(page);
                }
                await Screens.ShotAsync(page, $"{role}-{path.Trim('/')}");
            }
            // Ganti kata sandi is beside Keluar, for every account.
            await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Ganti kata sandi" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ganti kata sandi", Level = 1 })).ToBeVisibleAsync();
            await Screens.AssertPlainWordsAsync(page);
            if (width == Screens.Phone)
            {
                await Screens.AssertWithinWidthAsync(page);
            }
            await Screens.ShotAsync(page, $"{role}-kata-sandi");
            await page.Context.CloseAsync();
        }
    }
}
