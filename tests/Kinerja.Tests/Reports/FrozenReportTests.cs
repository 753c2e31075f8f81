using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Reports;

/// <summary>
/// A closed triwulan is reported, and answered by the API, from the snapshot revision that closed it, and the
/// report says which; an open one from the live figures, marked SEMENTARA.
/// </summary>
public sealed class FrozenReportTests : FreshHost
{
    protected override Task SeedAsync() => ReportSample.LoadAsync(Host);

    private async Task<(double? Achievement, string Lines)> ReportAsync()
    {
        var download = await GetAsync(Host, "/reports/pengukuran-kinerja.xlsx?year=2026&quarter=1", await AdminTokenAsync(Host));
        Assert.Equal(200, download.Status);
        var sheet = new XlsxBook(download.Content).Sheets["Pengukuran Kinerja"];
        var row = sheet.NumberedRows.First(r => sheet.Cell("B", r)!.Text == "Persentase rehabilitasi terhadap jumlah PMKS");
        return (sheet.Cell("F", row)!.Number, string.Join('\n', sheet.Cells.Values.Select(c => c.Text)));
    }

    private async Task<double?> ApiAchievementAsync() =>
        Number((await ValuesAsync(Host, ["IKU-1"], 2026, 1))["IKU-1"], "achievement");

    [Fact]
    public async Task Given_a_closed_triwulan_Then_the_report_and_the_API_read_its_snapshot_revision_until_it_is_reopened()
    {
        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        var frozen = await ApiAchievementAsync();
        // Polarity is not per period: it would move the capaian of a closed triwulan, were that not read from its snapshot.
        (await Host.QueryAsync("mutation { setPolarity(indicator: \"IKU-1\", lessIsBetter: true) { code } }")).Ok();
        var closedApi = await ApiAchievementAsync();
        var closed = await ReportAsync();

        (await Host.QueryAsync("mutation { reopenQuarter(year: 2026, quarter: 1) { closed } }")).Ok();
        var live = await ApiAchievementAsync();
        var reopened = await ReportAsync();

        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        var second = await ReportAsync();

        Assert.Equal(frozen, closedApi);
        Assert.Equal(frozen, closed.Achievement);
        Assert.Contains("Triwulan I 2026: final, dari snapshot revisi 1 yang dibekukan", closed.Lines);
        Assert.NotEqual(frozen, live);
        Assert.Equal(live, reopened.Achievement);
        Assert.Contains("Triwulan I 2026: SEMENTARA, dihitung dari angka terkini (triwulan I belum ditutup)", reopened.Lines);
        Assert.Equal(live, second.Achievement);
        Assert.Equal(live, await ApiAchievementAsync());
        Assert.Contains("Triwulan I 2026: final, dari snapshot revisi 2 yang dibekukan", second.Lines);
    }
}
