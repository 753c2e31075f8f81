using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// An administrator backs the office up from the Admin screen, reads the last backup's time and size, and downloads it:
/// the file saved is the one the host wrote. Another role never sees the section.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BackupScreenTests
{
    private readonly BrowserSession _s;

    public BackupScreenTests(BrowserSession session) => _s = session;

    [Theory]
    [InlineData(1366)]
    [InlineData(Screens.Phone)]
    public async Task Given_an_admin_When_backing_up_from_the_Admin_screen_Then_the_last_backup_shows_and_downloads_as_written(int width)
    {
        var page = await _s.SignInAsync($"admin-cadangan-{width}", Roles.Admin, null, width, width == Screens.Phone ? 812 : 768);
        await Screens.OpenAsync(page, "Admin", "Admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cadangkan sekarang" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Cadangan kinerja-" })).ToContainTextAsync("dibuat");

        var newest = (await _s.Host.QueryAsync("{ backups(limit: 1) { fileName directory bytes } }")).Ok().GetProperty("backups")[0];
        var name = newest.GetProperty("fileName").GetString()!;
        var written = Path.Combine(newest.GetProperty("directory").GetString()!, name);
        await Expect(page.Locator("[data-backup-last]")).ToContainTextAsync("Cadangan terakhir:");
        await Expect(page.Locator("[data-backup-last]")).ToContainTextAsync("KB");
        await Expect(page.Locator("[data-backup-last]")).ToContainTextAsync("dari layar Admin");

        var download = page.WaitForDownloadAsync(new() { Timeout = 60_000 });
        await page.Locator($"tr[data-backup='{name}']").GetByRole(AriaRole.Button, new() { Name = "Unduh" }).ClickAsync();
        var saved = await download;
        Assert.Equal(name, saved.SuggestedFilename);
        Assert.Equal(await File.ReadAllBytesAsync(written), await File.ReadAllBytesAsync(await saved.PathAsync()));
        await Screens.AssertPlainWordsAsync(page);
        if (width == Screens.Phone)
        {
            await Screens.AssertWithinWidthAsync(page);
        }
        await Screens.ShotAsync(page, $"admin-cadangan-{width}");
    }

    [Fact]
    public async Task Given_an_operator_Then_a_backup_is_refused_over_HTTP_and_GraphQL()
    {
        var newest = await _s.Host.QueryAsync("mutation { runBackup { fileName } }");
        var name = newest.Ok().GetProperty("runBackup").GetProperty("fileName").GetString()!;
        await _s.Host.SignInAsync("op-cadangan", Roles.Operator, "PEMULIHAN");
        var token = (await _s.Host.QueryAsAsync(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = "op-cadangan", p = Support.KinerjaHost.TestPassword })).Ok().GetProperty("login").GetProperty("token").GetString()!;
        using var client = _s.Host.CreateClient();
        using (var anonymous = await client.GetAsync($"/backups/{name}"))
        {
            Assert.Equal(401, (int)anonymous.StatusCode);
        }
        using var asOperator = new HttpRequestMessage(HttpMethod.Get, $"/backups/{name}");
        asOperator.Headers.Authorization = new("Bearer", token);
        using (var refused = await client.SendAsync(asOperator))
        {
            Assert.Equal(403, (int)refused.StatusCode);
            Assert.DoesNotContain("SQLite", await refused.Content.ReadAsStringAsync());
        }
        Assert.NotEmpty((await _s.Host.QueryAsAsync(token, "{ backups { fileName } }")).ErrorMessages);
        Assert.NotEmpty((await _s.Host.QueryAsAsync(token, "mutation { runBackup { fileName } }")).ErrorMessages);
        // A name outside the backups' pattern (a path, the database itself) is not served, even to an administrator.
        var admin = await _s.Host.SignInAsync("admin-cadangan-jalur", Roles.Admin, null);
        foreach (var path in new[] { "/backups/..%2Fkinerja.db", "/backups/kinerja.db", "/backups/signing.key" })
        {
            using var asked = new HttpRequestMessage(HttpMethod.Get, path);
            asked.Headers.Authorization = new("Bearer", admin);
            using var answer = await client.SendAsync(asked);
            Assert.Equal(404, (int)answer.StatusCode);
        }
    }
}
