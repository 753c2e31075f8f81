using System.Text.Json;
using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Reports;

/// <summary>
/// The three reports downloaded over HTTP from the real host with the README's sample data: every figure of
/// the XLSX files against the API's value for the same indicator and period, the PDF text (pdftotext) and the
/// HTML holding every indicator's row, and the first page of each PDF rendered to PNG (TestResults/reports).
/// </summary>
public sealed class ReportFileTests : IClassFixture<ReportSample>
{
    private const uint Whole = 164, Decimal = 165, Percent = 166;

    private readonly KinerjaHost _host;

    public ReportFileTests(ReportSample sample) => _host = sample.Host;

    private async Task<List<ApiIndicator>> IndicatorsOfAsync(params string[] units) =>
        (await IndicatorsAsync(_host)).Where(i => units.Contains(i.Unit)).ToList();

    private async Task<Download> DownloadAsync(string pathAndQuery)
    {
        var download = await GetAsync(_host, pathAndQuery, await AdminTokenAsync(_host));
        Assert.True(download.Status == 200, $"{pathAndQuery}: {download.Status} {download.Text}");
        return download;
    }

    // The API's figures of a unit's indicators for the period and the same period a year before.
    private async Task<(List<ApiIndicator>, Dictionary<string, JsonElement>, Dictionary<string, JsonElement>)> FiguresAsync(
        string unit, int year, int? quarter, bool cumulative)
    {
        var indicators = await IndicatorsOfAsync(unit);
        return (indicators, await ValuesAsync(_host, indicators.Select(i => i.Code), year, quarter, cumulative),
            await ValuesAsync(_host, indicators.Select(i => i.Code), year - 1, quarter, cumulative));
    }

    // The API's figures as the Rencana Aksi shows them: for each triwulan of 2026 the period its target speaks of (the triwulan
    // alone for a target per triwulan, 1 January through it for a level or a rate), then the year.
    private async Task<List<Dictionary<string, JsonElement>>> QuartersAndYearAsync(IReadOnlyList<ApiIndicator> indicators)
    {
        var codes = indicators.Select(i => i.Code).ToList();
        var periods = new List<Dictionary<string, JsonElement>>();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var alone = await ValuesAsync(_host, codes, 2026, quarter);
            var through = await ValuesAsync(_host, codes, 2026, quarter, cumulative: true);
            periods.Add(indicators.ToDictionary(i => i.Code, i => i.Reading == "PER_QUARTER" ? alone[i.Code] : through[i.Code]));
        }
        periods.Add(await ValuesAsync(_host, codes, 2026));
        return periods;
    }

    private static string Query(int year, int? quarter, bool cumulative, string unit) =>
        $"?year={year}" + (quarter is null ? "" : $"&quarter={quarter}&cumulative={(cumulative ? "true" : "false")}") + $"&unit={unit}";

    // A figure cell holds the API's number, stored as a number with the format of its kind; no figure is "-".
    private static void AssertFigure(XlsxCell? cell, JsonElement value, string field, uint format, string where)
    {
        Assert.NotNull(cell);
        var expected = Number(value, field);
        if (expected is null)
        {
            Assert.True(cell.Text == "-", $"{where} {field}: API null, sel berisi {cell}");
            return;
        }
        Assert.True(cell.Number is { } n && Math.Abs(n - expected.Value) < 1e-9, $"{where} {field}: API {expected}, sel berisi {cell}");
        Assert.Equal(format, cell.NumberFormat);
    }

    private static string PredicateText(JsonElement value) => value.GetProperty("predicate").GetString() ?? "-";

    [Theory]
    [InlineData(2026, null, false, "DINSOS")]
    [InlineData(2026, 1, false, "DINSOS")]
    [InlineData(2026, 2, true, "DINSOS")]
    [InlineData(2026, 4, true, "DINSOS")]
    [InlineData(2026, null, false, "REHSOS")]
    [InlineData(2026, 1, false, "PEMULIHAN")]
    public async Task Given_the_sample_Then_every_figure_of_the_Pengukuran_Kinerja_xlsx_is_the_API_value(int year, int? quarter, bool cumulative, string unit)
    {
        var download = await DownloadAsync($"/reports/pengukuran-kinerja.xlsx{Query(year, quarter, cumulative, unit)}");
        var (indicators, now, past) = await FiguresAsync(unit, year, quarter, cumulative);

        Assert.StartsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.ContentType);
        Assert.StartsWith("pengukuran-kinerja-2026", download.FileName);
        Assert.Equal("no-store", download.CacheControl);
        var book = new XlsxBook(download.Content);
        Assert.Empty(book.ValidationErrors);
        var sheet = book.Sheets["Pengukuran Kinerja"];
        var rows = sheet.NumberedRows.ToList();
        Assert.Equal(indicators.Count, rows.Count);
        var figures = 0;
        foreach (var row in rows)
        {
            var indicator = indicators.Single(i => i.Name == sheet.Cell("B", row)!.Text);
            var format = indicator.IsCount ? Whole : Decimal;
            var where = $"{indicator.Code} baris {row}";
            AssertFigure(sheet.Cell("D", row), now[indicator.Code], "target", format, where);
            AssertFigure(sheet.Cell("E", row), now[indicator.Code], "value", format, where);
            AssertFigure(sheet.Cell("F", row), now[indicator.Code], "achievement", Percent, where);
            Assert.Equal(PredicateText(now[indicator.Code]), sheet.Cell("G", row)!.Text);
            AssertFigure(sheet.Cell("H", row), past[indicator.Code], "target", format, where + " (tahun lalu)");
            AssertFigure(sheet.Cell("I", row), past[indicator.Code], "value", format, where + " (tahun lalu)");
            AssertFigure(sheet.Cell("J", row), past[indicator.Code], "achievement", Percent, where + " (tahun lalu)");
            figures += new[] { "D", "E", "F", "H", "I", "J" }.Count(c => sheet.Cell(c, row)!.Number is not null);
        }
        Assert.True(figures >= indicators.Count, $"sampel seharusnya memberi angka: hanya {figures} sel berangka");
        // A4 landscape, header rows printed on every page, the period's band merged over its four columns.
        Assert.Equal(9u, sheet.PageSetup.PaperSize!.Value);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.OrientationValues.Landscape, sheet.PageSetup.Orientation!.Value);
        var header = rows[0] - 3; // the band row, the headings row, the first sasaran's heading
        Assert.Equal($"'Pengukuran Kinerja'!${header}:${header + 1}", sheet.PrintTitles);
        Assert.Contains($"D{header}:G{header}", sheet.Merges);
        Assert.Contains($"H{header}:J{header}", sheet.Merges);
    }

    [Fact]
    public async Task Given_the_sample_Then_the_Pengukuran_Kinerja_through_TW_IV_prints_the_year_s_targets_figures_and_predicates()
    {
        var year = new XlsxBook((await DownloadAsync("/reports/pengukuran-kinerja.xlsx?year=2026")).Content).Sheets["Pengukuran Kinerja"];
        var through = new XlsxBook((await DownloadAsync("/reports/pengukuran-kinerja.xlsx?year=2026&quarter=4&cumulative=true")).Content)
            .Sheets["Pengukuran Kinerja"];

        var rows = year.NumberedRows.ToList();
        Assert.Equal(rows, through.NumberedRows.ToList());
        foreach (var row in rows)
        {
            foreach (var column in new[] { "B", "D", "E", "F", "G" })
            {
                Assert.Equal(year.Cell(column, row)!.ToString(), through.Cell(column, row)!.ToString());
            }
        }
        Assert.Contains(rows, row => year.Cell("G", row)!.Text != "-");
    }

    [Fact]
    public async Task Given_the_sample_analyses_Then_the_Analisis_sheet_holds_them_for_every_IKU()
    {
        var download = await DownloadAsync("/reports/pengukuran-kinerja.xlsx?year=2026");
        var analyses = (await _host.QueryAsync("{ analyses(year: 2026, unit: \"DINSOS\") { indicator faktorPendukung faktorPenghambat upayaTindakLanjut } }"))
            .Ok().GetProperty("analyses").EnumerateArray().ToList();
        var indicators = await IndicatorsOfAsync("DINSOS");

        var sheet = new XlsxBook(download.Content).Sheets["Analisis"];
        Assert.Equal(4, analyses.Count);
        foreach (var row in sheet.NumberedRows)
        {
            var code = indicators.Single(i => i.Name == sheet.Cell("B", row)!.Text).Code;
            var analysis = analyses.Single(a => a.GetProperty("indicator").GetString() == code);
            Assert.Equal(analysis.GetProperty("faktorPendukung").GetString(), sheet.Cell("C", row)!.Text);
            Assert.Equal(analysis.GetProperty("faktorPenghambat").GetString(), sheet.Cell("D", row)!.Text);
            Assert.Equal(analysis.GetProperty("upayaTindakLanjut").GetString(), sheet.Cell("E", row)!.Text);
        }
    }

    [Theory]
    [InlineData("DINSOS", new[] { "DINSOS", "SEKRETARIAT", "UMPEG", "KEU", "PROLAP", "REHSOS", "PEMULIHAN", "PENGEMBANGAN", "PELAYANAN", "LINJAMSOS",
        "PERLINDUNGAN", "JAMINAN", "DAYASOS", "KELEMBAGAAN", "PMI", "VERVAL", "UPTLBK" })]
    [InlineData("REHSOS", new[] { "REHSOS", "PEMULIHAN", "PENGEMBANGAN", "PELAYANAN" })]
    public async Task Given_the_sample_Then_every_figure_of_the_Rencana_Aksi_xlsx_is_the_API_value(string unit, string[] units)
    {
        var download = await DownloadAsync($"/reports/rencana-aksi.xlsx?year=2026&unit={unit}");
        var indicators = await IndicatorsOfAsync(units);
        var periods = await QuartersAndYearAsync(indicators);

        var book = new XlsxBook(download.Content);
        Assert.Empty(book.ValidationErrors);
        var sheet = book.Sheets["Rencana Aksi"];
        var rows = sheet.NumberedRows.ToList();
        Assert.Equal(indicators.Count, rows.Count);
        var columns = "EFGHIJKLMNOPQRS";
        var figures = 0;
        foreach (var row in rows)
        {
            var indicator = indicators.Single(i => i.Name == sheet.Cell("B", row)!.Text);
            var format = indicator.IsCount ? Whole : Decimal;
            Assert.Equal(indicator.Reading switch { "PER_QUARTER" => "target per triwulan", "UP_TO_QUARTER" => "target s.d. triwulan", _ => "target tetap per periode" },
                sheet.Cell("D", row)!.Text);
            for (var p = 0; p < periods.Count; p++)
            {
                var where = $"{indicator.Code} baris {row} periode {p + 1}";
                AssertFigure(sheet.Cell(columns[3 * p].ToString(), row), periods[p][indicator.Code], "target", format, where);
                AssertFigure(sheet.Cell(columns[3 * p + 1].ToString(), row), periods[p][indicator.Code], "value", format, where);
                AssertFigure(sheet.Cell(columns[3 * p + 2].ToString(), row), periods[p][indicator.Code], "achievement", Percent, where);
                figures += Enumerable.Range(3 * p, 3).Count(c => sheet.Cell(columns[c].ToString(), row)!.Number is not null);
            }
            Assert.False(string.IsNullOrEmpty(sheet.Cell("T", row)!.Text));
        }
        Assert.True(figures > indicators.Count, $"sampel seharusnya memberi angka: hanya {figures} sel berangka");
    }

    [Theory]
    [InlineData("DINSOS", "Dra. Siti Aminah, M.Si.", "NIP. 19700512 199503 2 003", "Fandi Akhmad Yani, S.E.")]
    [InlineData("PEMULIHAN", "Rina Kartikasari, S.Psi.", "NIP. 19820814 200604 2 012", "Bambang Sutrisno, S.Sos., M.M.")]
    public async Task Given_the_sample_officials_Then_the_Perjanjian_Kinerja_xlsx_has_the_targets_and_both_signatures(
        string unit, string first, string nip, string second)
    {
        var download = await DownloadAsync($"/reports/perjanjian-kinerja.xlsx?year=2026&unit={unit}");
        var indicators = await IndicatorsOfAsync(unit);
        var year = await ValuesAsync(_host, indicators.Select(i => i.Code), 2026);

        var book = new XlsxBook(download.Content);
        Assert.Empty(book.ValidationErrors);
        var sheet = book.Sheets["Perjanjian Kinerja"];
        var rows = sheet.NumberedRows.ToList();
        Assert.Equal(indicators.Count, rows.Count);
        foreach (var row in rows)
        {
            var indicator = indicators.Single(i => i.Name == sheet.Cell("C", row)!.Text);
            AssertFigure(sheet.Cell("E", row), year[indicator.Code], "target", indicator.IsCount ? Whole : Decimal, indicator.Code);
        }
        Assert.True(rows.Count(r => sheet.Cell("E", r)!.Number is not null) > 0);
        var texts = sheet.Cells.Values.Select(c => c.Text).ToList();
        Assert.Contains(first, texts);
        Assert.Contains(nip, texts);
        Assert.Contains(second, texts);
        Assert.Contains("PIHAK PERTAMA", texts);
        Assert.Contains("PIHAK KEDUA", texts);
        Assert.Contains(texts, t => t is not null && t.StartsWith("Gresik, ", StringComparison.Ordinal));
    }

    // The text of a row as printed: every cell in order, the Indonesian way.
    private static string PengukuranRow(int number, ApiIndicator i, string satuan, JsonElement now, JsonElement past) => string.Join(' ',
        number, i.Name, satuan,
        Indonesia(Number(now, "target"), i.IsCount), Indonesia(Number(now, "value"), i.IsCount), Indonesia(Number(now, "achievement"), percent: true),
        PredicateText(now),
        Indonesia(Number(past, "target"), i.IsCount), Indonesia(Number(past, "value"), i.IsCount), Indonesia(Number(past, "achievement"), percent: true));

    [Theory]
    [InlineData(2026, null, false, "DINSOS")]
    [InlineData(2026, 1, false, "DINSOS")]
    [InlineData(2026, null, false, "REHSOS")]
    public async Task Given_the_sample_Then_the_Pengukuran_Kinerja_pdf_and_html_hold_every_indicator_with_its_figures(
        int year, int? quarter, bool cumulative, string unit)
    {
        var pdf = await DownloadAsync($"/reports/pengukuran-kinerja.pdf{Query(year, quarter, cumulative, unit)}");
        var html = await DownloadAsync($"/reports/pengukuran-kinerja.html{Query(year, quarter, cumulative, unit)}");
        var xlsx = new XlsxBook((await DownloadAsync($"/reports/pengukuran-kinerja.xlsx{Query(year, quarter, cumulative, unit)}")).Content)
            .Sheets["Pengukuran Kinerja"];
        var (indicators, now, past) = await FiguresAsync(unit, year, quarter, cumulative);

        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.StartsWith("text/html", html.ContentType);
        var text = await PdfTextAsync(pdf.Content);
        var page = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html.Text, "<[^>]+>", " "));
        page = string.Join(' ', page.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var row in xlsx.NumberedRows)
        {
            var indicator = indicators.Single(i => i.Name == xlsx.Cell("B", row)!.Text);
            var expected = PengukuranRow((int)xlsx.Cell("A", row)!.Number!.Value, indicator, xlsx.Cell("C", row)!.Text!, now[indicator.Code], past[indicator.Code]);
            Assert.Contains(expected, text);
            Assert.Contains(expected, page);
        }
        Assert.Contains("PENGUKURAN KINERJA", text);
        Assert.Contains(quarter is null ? "SEMENTARA" : "Triwulan I 2026: SEMENTARA", text);
        Assert.Contains("ANALISIS CAPAIAN KINERJA", text);
        if (quarter is null && unit == "DINSOS")
        {
            AssertLandscape(await FirstPagePngAsync(pdf.Content, "pengukuran-kinerja"));
        }
    }

    [Fact]
    public async Task Given_the_sample_Then_the_Rencana_Aksi_and_Perjanjian_Kinerja_pdfs_hold_every_indicator_and_render()
    {
        var indicators = await IndicatorsOfAsync("DINSOS", "SEKRETARIAT", "UMPEG", "KEU", "PROLAP", "REHSOS", "PEMULIHAN", "PENGEMBANGAN",
            "PELAYANAN", "LINJAMSOS", "PERLINDUNGAN", "JAMINAN", "DAYASOS", "KELEMBAGAAN", "PMI", "VERVAL", "UPTLBK");
        var quarters = await QuartersAndYearAsync(indicators);

        var rencana = await PdfTextAsync((await DownloadAsync("/reports/rencana-aksi.pdf?year=2026")).Content);
        foreach (var i in indicators)
        {
            var figures = quarters.SelectMany(q => new[]
            {
                Indonesia(Number(q[i.Code], "target"), i.IsCount), Indonesia(Number(q[i.Code], "value"), i.IsCount),
                Indonesia(Number(q[i.Code], "achievement"), percent: true),
            });
            Assert.Contains($"{i.Name} ", rencana);
            Assert.Contains(string.Join(' ', figures), rencana);
        }

        var perjanjianPdf = await DownloadAsync("/reports/perjanjian-kinerja.pdf?year=2026");
        var perjanjian = await PdfTextAsync(perjanjianPdf.Content);
        foreach (var i in indicators.Where(i => i.Unit == "DINSOS"))
        {
            Assert.Contains($"{i.Name} % {Indonesia(Number(quarters[4][i.Code], "target"))}", perjanjian);
        }
        Assert.Contains("PIHAK PERTAMA", perjanjian);
        Assert.Contains("Dra. Siti Aminah, M.Si.", perjanjian);
        Assert.Contains("NIP. 19700512 199503 2 003", perjanjian);

        AssertLandscape(await FirstPagePngAsync((await DownloadAsync("/reports/rencana-aksi.pdf?year=2026")).Content, "rencana-aksi"));
        AssertLandscape(await FirstPagePngAsync(perjanjianPdf.Content, "perjanjian-kinerja"));
    }

    // A PNG's size is in its IHDR chunk: width at byte 16, height at byte 20, big-endian.
    private static void AssertLandscape(string png)
    {
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.True(width > height * 1.3, $"{png}: {width}x{height} bukan A4 mendatar");
        if (Environment.GetEnvironmentVariable("KINERJA_UPDATE_REPORT_IMAGES") == "1")
        {
            File.Copy(png, Path.Combine(Repository.Root, "docs", "img", Path.GetFileName(png)), overwrite: true);
        }
    }
}
