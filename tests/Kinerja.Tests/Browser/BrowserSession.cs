using System.Collections.Concurrent;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Kinerja.Tests.Browser;

/// <summary>
/// The real host on a loopback port with a temporary data directory, and Debian's Chromium driven headless by
/// Playwright. Every request any page makes is recorded, to show that none leaves the host.
/// </summary>
public sealed class BrowserSession : SharedHost
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string Password = "kata-sandi-uji-yang-panjang";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = null!;
    public ConcurrentQueue<string> Requests { get; } = new();

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    protected override async Task SeedAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium tidak ada di {ChromiumPath}: pasang dengan `apt-get update && apt-get install -y chromium` (.ci/run melakukannya). "
                + "Uji peramban tidak dilewati dan tidak mengunduh peramban sendiri.");
        }
        Host.UseKestrel(0);
        Host.StartServer();
        BaseUrl = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        await SeedFiguresAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own sessionStorage) whose requests are recorded.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(15_000);
        context.Request += (_, request) => Requests.Enqueue(request.Url);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the Masuk screen with an account made for the test.</summary>
    public async Task<IPage> SignInAsync(string userName, string role, string? unit, int width = 1366, int height = 768)
    {
        await Host.SignInAsync(userName, role, unit);
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/");
        await page.GetByLabel("Nama pengguna").FillAsync(userName);
        await page.GetByLabel("Kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dasbor IKU" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Nothing but the host: every request of every page went to its address (or stayed in the page).</summary>
    public void AssertOnlyTheHost() =>
        Assert.All(Requests, url => Assert.True(url.StartsWith(BaseUrl + "/", StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal), url));

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    // A year of figures for three of the four IKU, so that the dashboard shows numbers, predicates and statuses.
    private async Task SeedFiguresAsync()
    {
        await Host.SignInAsync("admin-uji", Roles.Admin, null);
        (await Host.QueryAsync("""
            mutation {
              s1: recordBaseMeasure(input: { measure: "pmks.total", year: 2026, quarter: 1, value: 1200 }) { value }
              s2: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 50 }) { value }
              s3: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 2, value: 60 }) { value }
              s4: recordBaseMeasure(input: { measure: "eks_penyakit_sosial.total", year: 2026, quarter: 1, value: 80 }) { value }
              s5: recordBaseMeasure(input: { measure: "disabilitas.total", year: 2026, quarter: 1, value: 150 }) { value }
              r1: recordRealization(input: { indicator: "PELAYANAN-1", year: 2026, quarter: 1, value: 20 }) { status }
              r2: recordRealization(input: { indicator: "PELAYANAN-1", year: 2026, quarter: 2, value: 25 }) { status }
              r3: recordRealization(input: { indicator: "PENGEMBANGAN-2", year: 2026, quarter: 1, value: 12 }) { status }
              r4: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 15 }) { status }
              r5: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 2, value: 15 }) { status }
              r6: recordRealization(input: { indicator: "PENGEMBANGAN-1", year: 2026, quarter: 1, value: 6 }) { status }
              t1: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 1, value: 2 }) { status }
              t2: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 2, value: 2 }) { status }
              t3: setTarget(input: { indicator: "IKU-2", year: 2026, quarter: 1, value: 3 }) { status }
              t4: setTarget(input: { indicator: "IKU-2", year: 2026, quarter: 2, value: 3 }) { status }
              t5: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 1, value: 40 }) { status }
              t6: setTarget(input: { indicator: "IKU-4", year: 2026, quarter: 2, value: 40 }) { status }
              t7: setTarget(input: { indicator: "IKU-4", year: 2026, value: 60 }) { status }
              t8: setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 20 }) { status }
              t9: setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, value: 80 }) { status }
              k: setSource(code: "KELEMBAGAAN-1", year: 2026, source: REGISTER) { source }
            }
            """)).Ok();
        // KELEMBAGAAN-1 is counted from the sample services register: the pohon kinerja opens it by kecamatan.
        var layanan = Convert.ToBase64String(await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", "layanan.csv")));
        (await Host.QueryAsync("""
            mutation($c: String!) { importRegister(register: "layanan", fileName: "layanan.csv", contentBase64: $c) { accepted } }
            """, new { c = layanan })).Ok();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
