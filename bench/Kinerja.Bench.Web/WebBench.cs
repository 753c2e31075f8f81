using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

// Loads the dashboard in a fresh browser context (empty cache) again and again and reports, per load: when the
// first contentful paint came, when the four IKU figures were on screen (both from navigation start), and the
// bytes that came over the wire (bodies as sent, compressed, plus headers), once with brotli allowed and once
// with gzip only.
var options = Options.Parse(args);
if (!File.Exists(options.Chromium))
{
    Console.Error.WriteLine($"Chromium not found at {options.Chromium}: apt-get install -y chromium");
    return 2;
}
using var http = new HttpClient { BaseAddress = new Uri(options.Url) };
var login = await http.PostAsJsonAsync("/graphql", new
{
    query = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
    variables = new { u = options.User, p = options.Password },
});
var answer = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
if (!answer.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
{
    Console.Error.WriteLine($"login failed: {answer}");
    return 1;
}
var token = data.GetProperty("login").GetProperty("token").GetString()!;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = options.Chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
});

Console.WriteLine($"Dashboard of {options.Url}, {options.Runs} cold loads per encoding, Chromium {browser.Version}, {Environment.ProcessorCount} cores, load {LoadAverage()}");
Console.WriteLine($"{"encoding",-10} {"first paint ms (median / max)",30} {"IKU shown ms (median / max)",30} {"transfer kB",12} {"requests",9}");
foreach (var encoding in new[] { "br", "gzip" })
{
    var loads = new List<Load>();
    for (var run = 0; run < options.Runs + 1; run++)
    {
        var load = await LoadAsync(browser, options.Url, token, encoding);
        if (run > 0)
        {
            loads.Add(load);   // the first load of each encoding warms the host, not the browser: not counted
        }
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{encoding,-10} {$"{Median(loads, l => l.FirstPaint):0} / {loads.Max(l => l.FirstPaint):0}",30} {$"{Median(loads, l => l.Shown):0} / {loads.Max(l => l.Shown):0}",30} {loads.Max(l => l.Bytes) / 1000.0,12:0.0} {loads[0].Requests,9}"));
}
return 0;

static async Task<Load> LoadAsync(IBrowser browser, string url, string token, string encoding)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        ExtraHTTPHeaders = new Dictionary<string, string> { ["accept-encoding"] = encoding },
    });
    // The tab is signed in already, as after Masuk; the figures are "shown" when all four IKU cards have their value.
    await context.AddInitScriptAsync($$"""
        sessionStorage.setItem('kinerja.token', {{JsonSerializer.Serialize(token)}});
        sessionStorage.setItem('kinerja.account', JSON.stringify({ username: 'bench', roles: ['pimpinan'], unit: null }));
        new MutationObserver((_, observer) => {
          if (document.querySelectorAll('[data-iku] [data-field="value"] > *').length === 4) {
            observer.disconnect();
            requestAnimationFrame(() => { window.__shown = performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true });
        """);
    var page = await context.NewPageAsync();
    var responses = new List<IResponse>();
    page.Response += (_, response) => responses.Add(response);
    await page.GotoAsync($"{url.TrimEnd('/')}/dasbor");
    await page.WaitForFunctionAsync("() => window.__shown !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
    var shown = await page.EvaluateAsync<double>("window.__shown");
    var paint = await page.EvaluateAsync<double>(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
    // The charts' request may still be on its way when the figures show: the transfer counts it too.
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    long bytes = 0;
    foreach (var response in responses.ToList())
    {
        var sizes = await response.Request.SizesAsync();
        bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    }
    return new Load(paint, shown, bytes, responses.Count);
}

static double Median(List<Load> loads, Func<Load, double> of)
{
    var sorted = loads.Select(of).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

internal sealed record Load(double FirstPaint, double Shown, long Bytes, int Requests);

internal sealed record Options(string Url, string User, string Password, int Runs, string Chromium)
{
    public static Options Parse(string[] args)
    {
        string Arg(string name, string fallback)
        {
            var i = Array.IndexOf(args, $"--{name}");
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        return new Options(Arg("url", "http://localhost:5080"), Arg("user", "admin"),
            Arg("password", Environment.GetEnvironmentVariable("KINERJA_PASSWORD") ?? ""),
            int.Parse(Arg("runs", "10"), CultureInfo.InvariantCulture), Arg("chromium", "/usr/bin/chromium"));
    }
}
