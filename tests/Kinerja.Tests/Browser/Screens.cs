using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>What every screen owes its readers, checked the same way on each: reachable, in words, within a phone's width.</summary>
public static partial class Screens
{
    public const int Phone = 375;

    /// <summary>Opens a screen from the main menu and waits for its heading and its first answer.</summary>
    public static async Task OpenAsync(IPage page, string screen, string heading)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = screen, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await SettledAsync(page);
    }

    /// <summary>Nothing is loading any more.</summary>
    public static async Task SettledAsync(IPage page)
    {
        await Expect(page.GetByText("Memuat…")).ToHaveCountAsync(0);
        await Expect(page.Locator("[aria-busy='true']")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// No control (link, button, field, menu, disclosure) has its right edge beyond the viewport, and the page does not
    /// scroll sideways: everything a person must reach is within reach on a 375-pixel phone.
    /// </summary>
    public static async Task AssertWithinWidthAsync(IPage page)
    {
        var width = page.ViewportSize!.Width;
        var outside = await page.EvaluateAsync<string[]>("""
            width => [...document.querySelectorAll('a, button, input, select, textarea, summary')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.right > width + 0.5; })
              .map(e => `${e.outerHTML.slice(0, 100)} (kanan ${Math.round(e.getBoundingClientRect().right)} px)`)
            """, width);
        Assert.True(outside.Length == 0, $"di luar {width} px: {string.Join("; ", outside)}");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"halaman bergeser ke samping pada {width} px");
    }

    /// <summary>A reader sees no field path, type name, setting key, state code, header or raw JSON.</summary>
    public static async Task AssertPlainWordsAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var found = DeveloperWords().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(found.Count == 0, $"kata pengembang di layar {page.Url}: {string.Join(", ", found)}");
    }

    [GeneratedRegex(@"\binput\.\w+|\b(COUNT|PERCENT|PER_QUARTER|UP_TO_QUARTER|RATE|ENTERED|REGISTER|DIAJUKAN|DIVERIFIKASI|DIKEMBALIKAN|UNDEFINED|NO_DATA|MODULE_DISABLED|OK)\b|\b[a-z_]+\.total\b|Authorization|Bearer|\{""|\bnull\b|\bundefined\b|\bNaN\b|\b(file|reason|field):")]
    private static partial Regex DeveloperWords();

    /// <summary>A full-page screenshot under artifacts/screenshots, named by what it shows and its width.</summary>
    public static Task ShotAsync(IPage page, string name) => BrowserSession.ScreenshotAsync(page, $"{name}-{page.ViewportSize!.Width}px");
}
