using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Reports;
using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Planning;

/// <summary>
/// The plan in the reports. The Perjanjian Kinerja as printed: for the head of every unit with the head of the unit above as pihak kedua (the
/// Bupati for the Kepala Dinas), the opening statement, the targets of the revision asked (its own date, "Perubahan ke-N",
/// DRAF until established), the budget lines with their pagu as entered, and nothing about hosts or modules. The
/// Pengukuran Kinerja with each budget line's pagu, realisation, serapan and efisiensi, and the Renstra target and capaian.
/// </summary>
public abstract class PlanningReportTests(DatabaseEngine engine) : FreshHost(engine, now: DateTimeOffset.Parse("2026-06-15T09:00:00+07:00"))
{
    public sealed class OnSqlite() : PlanningReportTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : PlanningReportTests(DatabaseEngine.PostgreSql);

    protected override Task SeedAsync() => ReportSample.LoadAsync(Host);

    private async Task<Download> PkAsync(string unit, string format, string? revision = null) =>
        await GetAsync(Host, $"/reports/perjanjian-kinerja.{format}?year=2026&unit={unit}{(revision is null ? "" : "&revision=" + revision)}",
            await AdminTokenAsync(Host));

    private static string Folded(string html) =>
        string.Join(' ', System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " "))
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task Given_every_unit_Then_its_PK_names_its_head_as_pihak_pertama_and_the_head_above_as_pihak_kedua()
    {
        var answer = (await Host.QueryAsync("{ units { code parent { code } } officials(year: 2026) { position jabatan } }")).Ok();
        var jabatan = answer.GetProperty("officials").EnumerateArray()
            .ToDictionary(o => o.GetProperty("position").GetString()!, o => o.GetProperty("jabatan").GetString()!);
        var units = answer.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(17, units.Count);
        foreach (var unit in units)
        {
            var code = unit.GetProperty("code").GetString()!;
            var text = Folded((await PkAsync(code, "html")).Text);
            var head = jabatan[code];
            var above = unit.GetProperty("parent") is { ValueKind: JsonValueKind.Object } parent ? jabatan[parent.GetProperty("code").GetString()!] : "Bupati Gresik";
            Assert.Contains("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel", text);
            Assert.Contains($"jabatan: {head}, selanjutnya disebut pihak pertama", text);
            Assert.Contains($"jabatan: {above}, selaku atasan pihak pertama, selanjutnya disebut pihak kedua", text);
            Assert.Contains("DRAF", text);
            Assert.DoesNotContain("modul", text);
            Assert.DoesNotContain("host", text);
            Assert.DoesNotContain("SEMENTARA", text);
            // Each unit's first page, to be looked at: TestResults/reports/perjanjian-kinerja-UNIT-ENGINE.png.
            await FirstPagePngAsync((await PkAsync(code, "pdf")).Content, $"perjanjian-kinerja-{code.ToLowerInvariant()}-{GetType().Name}");
        }
    }

    [Fact]
    public async Task Given_a_PK_established_then_revised_Then_each_revision_prints_its_own_targets_date_and_budget()
    {
        (await Host.QueryAsync("""
            mutation {
              t: setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, value: 1250 }) { target }
              b1: setBudgetLine(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.02.2.01", name: "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar",
                                         pagu: 1250000000, indicators: ["PEMULIHAN-1"] }) { code }
              b2: setBudgetLine(input: { unit: "REHSOS", year: 2026, code: "1.06.02", name: "Program Rehabilitasi Sosial", pagu: 310500000.5,
                                         indicators: ["PEMULIHAN-1", "REHSOS-1"] }) { code }
              e: establishAgreement(unit: "PEMULIHAN", year: 2026, date: "2026-01-05") { revision }
            }
            """)).Ok();
        (await Host.QueryAsync("mutation { reviseAgreement(unit: \"PEMULIHAN\", year: 2026, date: \"2026-04-01\", reason: \"refocusing anggaran\") { revision } }")).Ok();
        (await Host.QueryAsync("mutation { setTarget(input: { indicator: \"PEMULIHAN-1\", year: 2026, value: 1400 }) { target } }")).Ok();

        var draft = Folded((await PkAsync("PEMULIHAN", "html")).Text);
        Assert.Contains("PERJANJIAN KINERJA TAHUN 2026 PERUBAHAN KE-1", draft);
        Assert.Contains("DRAF", draft);
        Assert.Matches(@"Jumlah PMKS yang diberikan pelatihan dan bantuan \S+ 1\.400 ", draft);

        (await Host.QueryAsync("mutation { establishAgreement(unit: \"PEMULIHAN\", year: 2026, date: \"2026-04-08\") { revision } }")).Ok();
        var first = Folded((await PkAsync("PEMULIHAN", "html", "0")).Text);
        var second = Folded((await PkAsync("PEMULIHAN", "html")).Text);
        Assert.Contains("Gresik, 5 Januari 2026", first);
        Assert.DoesNotContain("PERUBAHAN", first);
        Assert.Matches(@"Meningkatnya pembinaan eks penyandang penyakit sosial Jumlah PMKS yang diberikan pelatihan dan bantuan \S+ 1\.250 ", first);
        Assert.DoesNotContain("DRAF", first);
        Assert.Contains("Gresik, 8 April 2026", second);
        Assert.Contains("PERJANJIAN KINERJA TAHUN 2026 PERUBAHAN KE-1", second);
        Assert.Contains("dibuka tanggal 1 April 2026 karena refocusing anggaran", second);
        Assert.Matches(@"Jumlah PMKS yang diberikan pelatihan dan bantuan \S+ 1\.400 ", second);
        Assert.DoesNotContain("DRAF", second);
        foreach (var text in new[] { first, second })
        {
            Assert.Contains("1.06.02.2.01 Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar", text);
            Assert.Contains("Rp 1.250.000.000", text);
            Assert.Contains("Rp 310.500.001", text);         // whole rupiah, rounded as printed
            Assert.Contains("Jumlah Rp 1.560.500.001", text);
        }

        var pdf = await PdfTextAsync((await PkAsync("PEMULIHAN", "pdf", "1")).Content);
        Assert.Contains("PERJANJIAN KINERJA TAHUN 2026 PERUBAHAN KE-1", pdf);
        Assert.Contains("Rp 1.250.000.000", pdf);
        Assert.Contains("Gresik, 8 April 2026", pdf);
        await FirstPagePngAsync((await PkAsync("PEMULIHAN", "pdf", "1")).Content, $"perjanjian-kinerja-perubahan-{GetType().Name}");

        var book = new XlsxBook((await PkAsync("PEMULIHAN", "xlsx", "0")).Content);
        Assert.Empty(book.ValidationErrors);
        var cells = book.Sheets["Perjanjian Kinerja"].Cells.Values.ToList();
        Assert.Contains(cells, c => c.Number == 1250);
        Assert.Contains(cells, c => c.Number == 1_250_000_000);
        Assert.Contains(cells, c => c.Number == 310_500_000.5);
        Assert.Contains(cells, c => c.Text == "Gresik, 5 Januari 2026");

        var missing = await PkAsync("PEMULIHAN", "html", "2");
        Assert.Equal(400, missing.Status);
        Assert.Contains("revision", missing.Text);
        Assert.Equal(400, (await GetAsync(Host, "/reports/rencana-aksi.html?year=2026&revision=1", await AdminTokenAsync(Host))).Status);
    }

    [Fact]
    public async Task Given_budget_and_Renstra_Then_the_Pengukuran_Kinerja_sets_serapan_and_efisiensi_beside_capaian_in_pdf_and_xlsx()
    {
        (await Host.QueryAsync("""
            mutation {
              b: setBudgetLine(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.02.2.01", name: "Rehabilitasi Sosial Dasar", pagu: 800000000,
                                        indicators: ["PEMULIHAN-1"] }) { code }
              r1: recordBudgetRealization(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.02.2.01", quarter: 1, amount: 150000000 }) { code }
              r2: recordBudgetRealization(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.02.2.01", quarter: 2, amount: 250000000 }) { code }
              s: setRenstraTarget(indicator: "PEMULIHAN-1", fromYear: 2025, toYear: 2029, target: 400) { target }
            }
            """)).Ok();
        var value = (await ValuesAsync(Host, ["PEMULIHAN-1"], 2026, 2, cumulative: true))["PEMULIHAN-1"];
        var realized = Number(value, "value")!.Value;
        var capaian = Number(value, "achievement")!.Value;
        var serapan = 400_000_000 / 800_000_000.0 * 100;

        var xlsx = new XlsxBook((await GetAsync(Host, "/reports/pengukuran-kinerja.xlsx?year=2026&quarter=2&cumulative=true&unit=PEMULIHAN",
            await AdminTokenAsync(Host))).Content);
        Assert.Empty(xlsx.ValidationErrors);
        var cells = xlsx.Sheets["Pengukuran Kinerja"].Cells.Values.ToList();
        var line = cells.Single(c => c.Text == "1.06.02.2.01");
        var row = int.Parse(line.Reference[1..]);
        double? At(string column) => xlsx.Sheets["Pengukuran Kinerja"].Cell(column, row)?.Number;
        Assert.Equal(800_000_000, At("E"));
        Assert.Equal(400_000_000, At("F"));
        Assert.Equal(serapan, At("G")!.Value, 9);
        Assert.Equal(capaian, At("H")!.Value, 9);
        Assert.Equal(capaian - serapan, At("I")!.Value, 9);
        Assert.Contains(cells, c => c.Number == 400);                                // the Renstra's end target
        Assert.Contains(cells, c => c.Number is { } n && Math.Abs(n - realized / 400 * 100) < 1e-9);

        var pdf = await PdfTextAsync((await GetAsync(Host, "/reports/pengukuran-kinerja.pdf?year=2026&quarter=2&cumulative=true&unit=PEMULIHAN",
            await AdminTokenAsync(Host))).Content);
        Assert.Contains($"Rp 800.000.000 Rp 400.000.000 {Indonesia(serapan, percent: true)} {Indonesia(capaian, percent: true)} {Indonesia(capaian - serapan)}", pdf);
        Assert.Contains($"{Indonesia(400, whole: true)} {Indonesia(realized / 400 * 100, percent: true)}", pdf);
    }
}
