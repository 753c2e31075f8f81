using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Reports;

/// <summary><c>report NAME --year ... --format ... --out FILE</c> (and <c>report lkjip --year ... --out FILE.docx</c>) from the command line, on the README's sample data.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Given_the_sample_data_Then_the_command_writes_the_same_report_as_the_endpoint()
    {
        using var data = new TempDirectory();
        byte[] served, servedLkjip;
        await using (var host = new KinerjaHost(data.Path))
        {
            await ReportSample.LoadAsync(host);
            served = (await GetAsync(host, "/reports/rencana-aksi.xlsx?year=2026&unit=REHSOS", await AdminTokenAsync(host))).Content;
            servedLkjip = (await GetAsync(host, "/reports/lkjip.docx?year=2026", await AdminTokenAsync(host))).Content;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var xlsx = Path.Combine(data.Path, "rencana-aksi.xlsx");
        var pdf = Path.Combine(data.Path, "pengukuran-kinerja.pdf");
        var docx = Path.Combine(data.Path, "lkjip.docx");

        var (code, output, error) = await HostProcess.RunAsync(TimeSpan.FromSeconds(120), "report", "rencana-aksi", "--year", "2026", "--unit", "REHSOS",
            "--format", "xlsx", "--out", xlsx, $"--Kinerja:DataDirectory={data.Path}");
        var (pdfCode, _, pdfError) = await HostProcess.RunAsync(TimeSpan.FromSeconds(120), "report", "pengukuran-kinerja", "--year", "2026", "--quarter", "1",
            "--format", "pdf", "--out", pdf, $"--Kinerja:DataDirectory={data.Path}");
        var (docxCode, docxOutput, docxError) = await HostProcess.RunAsync(TimeSpan.FromSeconds(120), "report", "lkjip", "--year", "2026", "--out", docx,
            $"--Kinerja:DataDirectory={data.Path}");

        Assert.True(code == 0, error);
        Assert.Contains("rencana-aksi-2026-rehsos.xlsx", output);
        var fromCommand = new XlsxBook(await File.ReadAllBytesAsync(xlsx)).Sheets["Rencana Aksi"];
        var fromEndpoint = new XlsxBook(served).Sheets["Rencana Aksi"];
        var figures = fromEndpoint.Cells.Values.Where(c => c.Number is not null).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, c => Assert.Equal(c.Number, fromCommand.Cells[c.Reference].Number));
        Assert.True(pdfCode == 0, pdfError);
        Assert.Contains("Persentase rehabilitasi terhadap jumlah PMKS", await PdfTextAsync(await File.ReadAllBytesAsync(pdf)));
        Assert.True(docxCode == 0, docxError);
        Assert.Contains("lkjip-2026.docx", docxOutput);
        var lkjip = new DocxBook(await File.ReadAllBytesAsync(docx));
        Assert.Empty(lkjip.ValidationErrors);
        // The same tables and charts as the endpoint's; only the time it was printed differs.
        static IEnumerable<string> Cells(DocxBook book) => book.Tables.SelectMany(t => t.Rows).Select(r => string.Join('|', r));
        Assert.Equal(Cells(new DocxBook(servedLkjip)), Cells(lkjip));
        Assert.Equal(4, lkjip.Charts.Count);
    }

    [Fact]
    public async Task Given_a_bad_year_or_no_out_Then_the_command_exits_2_naming_the_parameter()
    {
        using var data = new TempDirectory();

        var (code, _, error) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), "report", "pengukuran-kinerja", "--year", "20x6", "--format", "xlsx",
            "--out", Path.Combine(data.Path, "x.xlsx"), $"--Kinerja:DataDirectory={data.Path}");
        var (noOut, _, usage) = await HostProcess.RunAsync(TimeSpan.FromSeconds(90), "report", "pengukuran-kinerja", "--year", "2026",
            $"--Kinerja:DataDirectory={data.Path}");

        Assert.Equal(2, code);
        Assert.Contains("year: tahun harus bilangan bulat (diterima '20x6')", error);
        Assert.False(File.Exists(Path.Combine(data.Path, "x.xlsx")));
        Assert.Equal(2, noOut);
        Assert.Contains("Pemakaian: report", usage);
    }
}
