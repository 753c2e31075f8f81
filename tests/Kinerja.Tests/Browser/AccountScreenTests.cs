using System.Text.Json;
using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// Accounts on their screens, at a desk's width and a phone's: an administrator makes, changes, disables, enables and resets
/// an account in Akun; its owner changes their own password in Ganti kata sandi and keeps working; a disabled account's
/// open tab returns to Masuk saying why; every refusal is at its field, and a refused one stores nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountScreenTests
{
    private const string Given = "kebun-mangga-di-cerme-berbuah";
    private const string Changed = "sungai-bengawan-solo-mengalir";
    private const string Reset = "tambak-bandeng-di-ujung-pangkah";
    private readonly BrowserSession _s;

    public AccountScreenTests(BrowserSession session) => _s = session;

    /// <summary>The account as an administrator reads it over the API, or null when there is none of that name.</summary>
    private async Task<JsonElement?> AccountAsync(string name) =>
        (await _s.Host.QueryAsync("{ accounts { username roles unit disabled changedAt } }")).Ok().GetProperty("accounts").EnumerateArray()
        .Select(a => (JsonElement?)a).FirstOrDefault(a => a!.Value.GetProperty("username").GetString() == name);

    private async Task<string> UnitNameAsync(string code) =>
        (await _s.Host.QueryAsync("query($c: String!) { unit(code: $c) { name } }", new { c = code })).Ok().GetProperty("unit").GetProperty("name").GetString()!;

    private static async Task SignInOnScreenAsync(IPage page, string name, string password)
    {
        await page.GetByLabel("Nama pengguna").FillAsync(name);
        await page.GetByLabel("Kata sandi").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Expect(page.Locator(".who")).ToContainTextAsync(name);
    }

    /// <summary>In words, within a phone's width on a phone, and a screenshot to look at.</summary>
    private static async Task LookAsync(IPage page, string shot)
    {
        await Screens.AssertPlainWordsAsync(page);
        if (page.ViewportSize!.Width == Screens.Phone)
        {
            await Screens.AssertWithinWidthAsync(page);
        }
        await Screens.ShotAsync(page, shot);
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(Screens.Phone)]
    public async Task Given_an_admin_and_an_operator_Then_the_account_is_made_changed_by_its_owner_and_its_open_tab_ends_when_disabled(int width)
    {
        var height = width == Screens.Phone ? 812 : 768;
        var name = $"op-akun-{width}";
        var adminName = $"admin-akun-{width}";
        var admin = await _s.SignInAsync(adminName, Roles.Admin, null, width, height);
        await Screens.OpenAsync(admin, "Akun", "Akun");
        var form = admin.GetByRole(AriaRole.Form, new() { Name = "Buat akun" });
        async Task FillAsync(string user, string password)
        {
            await form.GetByLabel("Nama pengguna").FillAsync(user);
            await form.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
            await form.GetByLabel("Ulangi kata sandi").FillAsync(password);
            await form.GetByLabel("Operator").CheckAsync();
            await form.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("PEMULIHAN");
            await form.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();
        }

        // A weak password is refused at its field, and no account is made.
        await FillAsync($"op-lemah-{width}", "aaaaaaaaaaaaaa");
        await Expect(form.Locator("#akun-sandi-error")).ToHaveTextAsync("kata sandi tidak boleh satu karakter yang diulang");
        await Expect(form.GetByLabel("Kata sandi", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await AccountAsync($"op-lemah-{width}"));
        await LookAsync(admin, "akun-ditolak");

        await FillAsync(name, Given);
        var row = admin.Locator($"tr[data-account='{name}']");
        await Expect(row).ToContainTextAsync("Operator");
        await Expect(row).ToContainTextAsync(await UnitNameAsync("PEMULIHAN"));
        await Expect(row.Locator("[data-field='status']")).ToHaveTextAsync("aktif");
        await Expect(admin.Locator($"tr[data-panel='{name}']")).ToContainTextAsync($"Akun {name} dibuat");
        Assert.Equal("""["operator"]""", (await AccountAsync(name))!.Value.GetProperty("roles").GetRawText());

        // The operator signs in with the password given, and in another session over the API.
        var op = await _s.NewPageAsync(width, height);
        await op.GotoAsync("/");
        await SignInOnScreenAsync(op, name, Given);
        var other = (await _s.Host.QueryAsAsync(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = name, p = Given })).Ok().GetProperty("login").GetProperty("token").GetString();
        (await _s.Host.QueryAsAsync(other, "{ units { code } }")).Ok();

        // Ganti kata sandi, beside Keluar: a new password with the user name in it is refused at its field and nothing changes.
        await op.GetByRole(AriaRole.Link, new() { Name = "Ganti kata sandi" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Heading, new() { Name = "Ganti kata sandi", Level = 1 })).ToBeVisibleAsync();
        await op.GetByLabel("Kata sandi sekarang").FillAsync(Given);
        await op.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync($"{name}-rahasia");
        await op.GetByLabel("Ulangi kata sandi baru").FillAsync($"{name}-rahasia");
        await op.GetByRole(AriaRole.Button, new() { Name = "Ganti kata sandi" }).ClickAsync();
        await Expect(op.Locator("#sandi-baru-error")).ToHaveTextAsync("kata sandi tidak boleh memuat nama pengguna");
        Assert.Equal(JsonValueKind.Null, (await AccountAsync(name))!.Value.GetProperty("changedAt").ValueKind);
        (await _s.Host.QueryAsAsync(other, "{ units { code } }")).Ok();
        await LookAsync(op, "kata-sandi-ditolak");

        // A good one: the other session ends, this one goes on with the new token.
        var before = await op.EvaluateAsync<string>("sessionStorage.getItem('kinerja.token')");
        await op.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(Changed);
        await op.GetByLabel("Ulangi kata sandi baru").FillAsync(Changed);
        await op.GetByRole(AriaRole.Button, new() { Name = "Ganti kata sandi" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Status)).ToHaveTextAsync("Kata sandi diganti; sesi lain akun ini telah berakhir.");
        Assert.NotEqual(before, await op.EvaluateAsync<string>("sessionStorage.getItem('kinerja.token')"));
        await LookAsync(op, "kata-sandi");
        var ended = await _s.Host.QueryAsAsync(other, "{ units { code } }");
        Assert.Equal("UNAUTHENTICATED", ended.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        await Screens.OpenAsync(op, "Isian", "Isian realisasi");
        await Expect(op.Locator("tr[data-indicator]")).Not.ToHaveCountAsync(0);

        // The administrator disables the account, after a confirmation that says its tokens end at once.
        await row.GetByRole(AriaRole.Button, new() { Name = "Nonaktifkan" }).ClickAsync();
        var confirm = admin.GetByRole(AriaRole.Alertdialog);
        await Expect(confirm).ToContainTextAsync("semua tanda masuknya berakhir seketika");
        await LookAsync(admin, "akun-nonaktifkan");
        await confirm.GetByRole(AriaRole.Button, new() { Name = $"Ya, nonaktifkan {name}" }).ClickAsync();
        await Expect(row.Locator("[data-field='status']")).ToHaveTextAsync("nonaktif");
        Assert.True((await AccountAsync(name))!.Value.GetProperty("disabled").GetBoolean());

        // The operator's open tab returns to Masuk at its next request, saying why.
        await op.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Pohon kinerja" }).ClickAsync();
        await Expect(op.GetByRole(AriaRole.Status)).ToContainTextAsync("akun Anda dinonaktifkan");
        await Expect(op.GetByLabel("Nama pengguna")).ToBeVisibleAsync();
        await LookAsync(op, "masuk-akun-nonaktif");

        // An administrator cannot take the administrator's role from their own account: refused at the roles.
        var own = admin.Locator($"tr[data-account='{adminName}']");
        await own.GetByRole(AriaRole.Button, new() { Name = "Ubah peran dan unit" }).ClickAsync();
        var panel = admin.Locator($"tr[data-panel='{adminName}']");
        await panel.GetByLabel("Administrator").UncheckAsync();
        await panel.GetByLabel("Pimpinan").CheckAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(panel.Locator("fieldset .field-error")).ToContainTextAsync("tidak dapat mencabut peran administrator dari akunnya sendiri");
        Assert.Equal("""["admin"]""", (await AccountAsync(adminName))!.Value.GetProperty("roles").GetRawText());
        await LookAsync(admin, "akun-ubah-ditolak");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();

        // Enabled again, moved to another unit, its password reset after a confirmation: its owner signs in with the new one.
        await row.GetByRole(AriaRole.Button, new() { Name = "Aktifkan" }).ClickAsync();
        await Expect(row.Locator("[data-field='status']")).ToHaveTextAsync("aktif");
        panel = admin.Locator($"tr[data-panel='{name}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Ubah peran dan unit" }).ClickAsync();
        await panel.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("PELAYANAN");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        var pelayanan = await UnitNameAsync("PELAYANAN");
        await Expect(row).ToContainTextAsync(pelayanan);
        Assert.Equal("PELAYANAN", (await AccountAsync(name))!.Value.GetProperty("unit").GetString());
        await row.GetByRole(AriaRole.Button, new() { Name = "Setel ulang kata sandi" }).ClickAsync();
        await panel.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync(Reset);
        await panel.GetByLabel("Ulangi kata sandi baru").FillAsync(Reset);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Setel ulang kata sandi" }).ClickAsync();
        await Expect(confirm).ToContainTextAsync($"Semua tanda masuk {name} berakhir seketika");
        await LookAsync(admin, "akun-setel-ulang");
        await confirm.GetByRole(AriaRole.Button, new() { Name = $"Ya, setel ulang kata sandi {name}" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync("disetel ulang");
        await LookAsync(admin, "akun");

        await SignInOnScreenAsync(op, name, Reset);
        await Expect(op.Locator(".who")).ToContainTextAsync(pelayanan);
        _s.AssertOnlyTheHost();
    }
}
