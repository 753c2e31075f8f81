using Kinerja.Shared.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kinerja.Tests.Browser;

/// <summary>
/// Numbers as the Dinas types them and reads them: Isian refuses what cannot be right at its field and stores nothing,
/// says what a stored 0 / 0 or an over-full percentage means, and the dashboard's s.d. TW IV agrees with its year.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EntryCheckTests
{
    private readonly BrowserSession _s;

    public EntryCheckTests(BrowserSession session) => _s = session;

    private static List<string> SentRealizations(IPage page)
    {
        var sent = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Method == "POST" && (r.PostData ?? "").Contains("recordRealization", StringComparison.Ordinal))
            {
                sent.Add(r.PostData!);
            }
        };
        return sent;
    }

    private async Task<string> StoredAsync(string indicator, int quarter) => (await _s.Host.QueryAsync(
        "query($i: String!, $q: Int!) { value(indicator: $i, year: 2026, quarter: $q) { numerator denominator status } }", new { i = indicator, q = quarter }))
        .Ok().GetProperty("value").GetRawText();

    private static async Task<ILocator> RowAsync(IPage page, string quarter, string indicator)
    {
        await Screens.OpenAsync(page, "Isian", "Isian realisasi");
        await page.GetByLabel("Tahun").SelectOptionAsync("2026");
        await page.GetByText(quarter, new() { Exact = true }).ClickAsync();
        await Screens.SettledAsync(page);
        return page.Locator($"tr[data-indicator='{indicator}']");
    }

    [Fact]
    public async Task Given_an_ambiguous_dot_or_a_fraction_of_persons_Then_Isian_refuses_it_at_the_field_and_sends_nothing()
    {
        var page = await _s.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var sent = SentRealizations(page);
        var row = await RowAsync(page, "TW III", "PEMULIHAN-1");
        var field = row.GetByLabel("Jumlah");
        var ajukan = row.GetByRole(AriaRole.Button, new() { Name = "Ajukan" });

        await field.FillAsync("1.5");
        await ajukan.ClickAsync();
        await Expect(row.Locator(".field-error")).ToContainTextAsync("meragukan: tulis 1,5 bila maksudnya 1 koma 5; titik hanya pemisah ribuan, seperti 1.234");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Screens.ShotAsync(page, "isian-titik-meragukan");

        await field.FillAsync("2,5");
        await ajukan.ClickAsync();
        await Expect(row.Locator(".field-error")).ToContainTextAsync("bilangan bulat");

        foreach (var garbage in new[] { "1e5", "Infinity", "dua" })
        {
            await field.FillAsync(garbage);
            await ajukan.ClickAsync();
            await Expect(row.Locator(".field-error")).ToContainTextAsync("bukan angka");
        }
        await field.FillAsync("");
        await ajukan.ClickAsync();
        await Expect(row.Locator(".field-error")).ToHaveTextAsync("wajib diisi");

        Assert.Empty(sent);
        Assert.Equal("""{"numerator":null,"denominator":null,"status":"NO_DATA"}""", await StoredAsync("PEMULIHAN-1", 3));

        // A dot that groups thousands is read as such.
        await field.FillAsync("1.234");
        await ajukan.ClickAsync();
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Diajukan");
        Assert.Single(sent);
        Assert.Equal("""{"numerator":1234,"denominator":null,"status":"OK"}""", await StoredAsync("PEMULIHAN-1", 3));
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_percentages_that_cannot_be_right_Then_5_over_0_is_refused_at_its_field_12_over_10_is_flagged_and_0_over_0_explained()
    {
        var page = await _s.SignInAsync("op-verval", Roles.Operator, "VERVAL");
        var row = await RowAsync(page, "TW I", "VERVAL-1");
        async Task SubmitAsync(string numerator, string denominator)
        {
            await row.GetByLabel("Pembilang").FillAsync(numerator);
            await row.GetByLabel("Penyebut").FillAsync(denominator);
            await row.GetByRole(AriaRole.Button, new() { Name = "Ajukan" }).ClickAsync();
        }

        await SubmitAsync("5", "0");
        // The server refuses it and names the field; the screen puts the reason there.
        await Expect(row.Locator(".field-error").First).Not.ToBeEmptyAsync();
        await Expect(row.Locator("input[aria-invalid='true']").First).ToBeVisibleAsync();
        await Screens.AssertPlainWordsAsync(page);
        await Screens.ShotAsync(page, "isian-penyebut-nol");
        Assert.Equal("""{"numerator":null,"denominator":null,"status":"NO_DATA"}""", await StoredAsync("VERVAL-1", 1));

        await SubmitAsync("12", "10");
        await Expect(row.Locator("[data-field='state']")).ToHaveTextAsync("Diajukan");
        await Expect(row.Locator("[data-field='warnings']")).ToContainTextAsync("melebihi");
        Assert.Equal("""{"numerator":12,"denominator":10,"status":"OK"}""", await StoredAsync("VERVAL-1", 1));
        await Screens.ShotAsync(page, "isian-peringatan");

        await page.GetByText("TW II", new() { Exact = true }).ClickAsync();
        await Screens.SettledAsync(page);
        await SubmitAsync("0", "0");
        await Expect(row.Locator("[data-field='undefined']")).ToHaveTextAsync("penyebut 0: nilai dan capaian tidak terdefinisi");
        Assert.Equal("""{"numerator":0,"denominator":0,"status":"UNDEFINED"}""", await StoredAsync("VERVAL-1", 2));

        // The Kepala Bidang sees the warning and the 0 / 0 before verifying.
        var kabid = await _s.SignInAsync("kabid-dayasos", Roles.Verifikator, "DAYASOS");
        await Screens.OpenAsync(kabid, "Verifikasi", "Verifikasi realisasi");
        await Expect(kabid.Locator("tr[data-entry='VERVAL-1-1'] [data-field='warnings']")).ToContainTextAsync("melebihi");
        await Expect(kabid.Locator("tr[data-entry='VERVAL-1-2'] [data-field='undefined']")).ToContainTextAsync("penyebut 0");
        await Screens.ShotAsync(kabid, "verifikasi-peringatan");
        _s.AssertOnlyTheHost();
    }

    [Fact]
    public async Task Given_IKU_targets_of_80_a_year_and_60_70_75_80_by_triwulan_Then_the_dashboard_gives_s_d_TW_IV_and_the_year_the_same_target_and_predicate()
    {
        (await _s.Host.QueryAsync("""
            mutation {
              a: setTarget(input: { indicator: "IKU-1", year: 2026, value: 80 }) { status }
              q1: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 1, value: 60 }) { status }
              q2: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 2, value: 70 }) { status }
              q3: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 3, value: 75 }) { status }
              q4: setTarget(input: { indicator: "IKU-1", year: 2026, quarter: 4, value: 80 }) { status }
              s: recordBaseMeasure(input: { measure: "pmks.total", year: 2026, quarter: 4, value: 30 }) { value }
            }
            """)).Ok();
        var page = await _s.SignInAsync("kadis", Roles.Pimpinan, null);
        var card = page.Locator("[data-iku='IKU-1']");
        async Task<(string Target, string Predicate)> ReadAsync(string period)
        {
            await page.GetByLabel("Tahun").SelectOptionAsync("2026");
            await page.GetByLabel("Periode").SelectOptionAsync(period);
            await Screens.SettledAsync(page);
            return (await card.Locator("[data-field='target']").InnerTextAsync(), await card.Locator("[data-field='predicate']").InnerTextAsync());
        }

        var throughFourth = await ReadAsync("c4");
        await Screens.ShotAsync(page, "dasbor-sd-tw-iv");
        var year = await ReadAsync("y");
        Assert.Equal("80 %", throughFourth.Target);
        Assert.Equal(throughFourth, year);
        var api = (await _s.Host.QueryAsync("""
            { iku(year: 2026, quarter: 4, cumulative: true) { indicator { code } target predicate } }
            """)).Ok().GetProperty("iku")[0];
        Assert.Equal(80, api.GetProperty("target").GetDouble());
        Assert.Equal(api.GetProperty("predicate").GetString(), year.Predicate);
        Assert.NotEqual("", year.Predicate);

        // The chart of a target s.d. triwulan shows each triwulan's figure s.d. that triwulan.
        await Expect(card.Locator("[data-field='reading']")).ToContainTextAsync("s.d. tiap triwulan: target s.d. triwulan");
        _s.AssertOnlyTheHost();
    }
}
