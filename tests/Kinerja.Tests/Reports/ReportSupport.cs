using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Reports;

/// <summary>
/// The README's sample data for the reports: the sample registers imported, then
/// samples/reports/contoh-2026.graphql (sources, targets, 2025 figures, officials, analyses), in a real host.
/// </summary>
public sealed class ReportSample : SharedHost
{
    protected override Task SeedAsync() => LoadAsync(Host);

    public static async Task LoadAsync(KinerjaHost host)
    {
        foreach (var register in new[] { "pmks", "psks", "tmp", "layanan" })
        {
            var content = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "registers", $"{register}.csv"));
            var imported = (await host.QueryAsync(
                "mutation($r: String!, $f: String!, $c: String!) { importRegister(register: $r, fileName: $f, contentBase64: $c) { refused { line } } }",
                new { r = register, f = $"{register}.csv", c = Convert.ToBase64String(content) })).Ok();
            Assert.Equal(0, imported.GetProperty("importRegister").GetProperty("refused").GetArrayLength());
        }
        // The sample is two mutations, each within one request's complexity budget: sent one by one.
        var sample = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "reports", "contoh-2026.graphql"));
        var operations = System.Text.RegularExpressions.Regex.Split(sample, @"(?m)^(?=mutation )").Where(o => o.StartsWith("mutation ")).ToList();
        Assert.Equal(2, operations.Count);
        foreach (var operation in operations)
        {
            (await host.QueryAsync(operation)).Ok();
        }
    }
}

/// <param name="Reading">How its quarterly targets are read in 2026: PER_QUARTER, UP_TO_QUARTER or RATE.</param>
public sealed record ApiIndicator(string Code, string Name, string Unit, bool IsCount, string Reading);

public sealed record Download(int Status, string? ContentType, string? FileName, byte[] Content, string? CacheControl)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);

    public JsonElement Json => JsonDocument.Parse(Content).RootElement;
}

public static class Reports
{
    public static async Task<Download> GetAsync(KinerjaHost host, string pathAndQuery, string? token)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return new Download((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName,
            await response.Content.ReadAsByteArrayAsync(), response.Headers.CacheControl?.ToString());
    }

    public static Task<string> AdminTokenAsync(KinerjaHost host) => host.SignInAsync("admin-laporan", "admin", null);

    /// <summary>The API's figures of indicators for one period: code to { target value achievement predicate }.</summary>
    public static async Task<Dictionary<string, JsonElement>> ValuesAsync(KinerjaHost host, IEnumerable<string> codes, int year, int? quarter = null,
        bool cumulative = false)
    {
        var period = quarter is null ? "" : $", quarter: {quarter}, cumulative: {(cumulative ? "true" : "false")}";
        var values = new Dictionary<string, JsonElement>();
        // Each value costs a year's evaluation in the complexity budget: 40 to a request stay within it.
        foreach (var chunk in codes.Chunk(40))
        {
            var query = "{" + string.Concat(chunk.Select((c, i) =>
                $" v{i}: value(indicator: \"{c}\", year: {year}{period}) {{ target value achievement predicate }}")) + " }";
            var data = (await host.QueryAsync(query)).Ok();
            for (var i = 0; i < chunk.Length; i++)
            {
                values[chunk[i]] = data.GetProperty($"v{i}");
            }
        }
        return values;
    }

    /// <summary>The enabled indicators as the API lists them.</summary>
    public static async Task<IReadOnlyList<ApiIndicator>> IndicatorsAsync(KinerjaHost host) =>
        (await host.QueryAsync("{ indicators { code name kind unit { code } targetReading(year: 2026) } }")).Ok().GetProperty("indicators").EnumerateArray()
            .Select(i => new ApiIndicator(i.GetProperty("code").GetString()!, i.GetProperty("name").GetString()!,
                i.GetProperty("unit").GetProperty("code").GetString()!, i.GetProperty("kind").GetString() == "COUNT",
                i.GetProperty("targetReading").GetString()!))
            .ToList();

    public static double? Number(JsonElement value, string field) =>
        value.GetProperty(field).ValueKind == JsonValueKind.Null ? null : value.GetProperty(field).GetDouble();

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>A figure as an Indonesian reader expects it, written independently of the reports' own formatter.</summary>
    public static string Indonesia(double? x, bool whole = false, bool percent = false) => x is not { } v
        ? "-"
        : (whole && v == Math.Round(v) ? v.ToString("N0", Indonesian) : v.ToString("N2", Indonesian)) + (percent ? " %" : "");

    /// <summary>pdftotext's text of a PDF in drawing order, whitespace folded to single spaces.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kinerja-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var text = await RunAsync(Poppler("pdftotext"), "-raw", "-enc", "UTF-8", file, "-");
            return string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t', '\f'], StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The first page as a PNG in TestResults/reports, kept as the test's artefact; returns its path.</summary>
    public static async Task<string> FirstPagePngAsync(byte[] pdf, string name)
    {
        var folder = Path.Combine(Repository.Root, "TestResults", "reports");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync(Poppler("pdftoppm"), "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(folder, name));
        return Path.Combine(folder, name + ".png");
    }

    // The PDF checks need Debian's poppler-utils; .ci/run installs it. Missing, the test fails and says so.
    private static string Poppler(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (File.Exists(Path.Combine(dir, tool)))
            {
                return Path.Combine(dir, tool);
            }
        }
        Assert.Fail($"{tool} tidak ada: pasang poppler-utils (apt-get install -y poppler-utils); .ci/run memasangnya sebelum dotnet test");
        return tool;
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} gagal: {await error}");
        return await output;
    }
}

/// <summary>A cell of an XLSX sheet as a reader finds it: its text or number, and its number format.</summary>
public sealed record XlsxCell(string Reference, string? Text, double? Number, uint NumberFormat);

/// <summary>An XLSX workbook opened with the Open XML SDK, the way a spreadsheet program reads it.</summary>
public sealed class XlsxBook
{
    public XlsxBook(byte[] content)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(content), false);
        // Excel refuses a file the Open XML schema does not allow, where other readers are lenient.
        ValidationErrors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        var workbook = package.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().Select(f => f.NumberFormatId?.Value ?? 0).ToList();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var worksheet = part.Worksheet;
            var cells = worksheet.Descendants<Cell>().Select(c => new XlsxCell(
                    c.CellReference!.Value!,
                    c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : null,
                    c.DataType?.Value == CellValues.Number || c.DataType is null && c.CellValue is not null
                        ? double.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)
                        : null,
                    formats[(int)(c.StyleIndex?.Value ?? 0)]))
                .ToDictionary(c => c.Reference);
            Sheets[sheet.Name!.Value!] = new XlsxSheet(
                cells,
                worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList(),
                worksheet.Descendants<PageSetup>().Single(),
                workbook.Workbook.DefinedNames?.Elements<DefinedName>()
                    .SingleOrDefault(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId?.Value == SheetIndex(workbook, sheet))?.Text);
        }
    }

    private static uint SheetIndex(WorkbookPart workbook, Sheet sheet) =>
        (uint)workbook.Workbook.Sheets!.Elements<Sheet>().ToList().IndexOf(sheet);

    public Dictionary<string, XlsxSheet> Sheets { get; } = new();

    public IReadOnlyList<string> ValidationErrors { get; }
}

public sealed record XlsxSheet(IReadOnlyDictionary<string, XlsxCell> Cells, IReadOnlyList<string> Merges, PageSetup PageSetup, string? PrintTitles)
{
    public XlsxCell? Cell(string column, int row) => Cells.GetValueOrDefault(column + row);

    /// <summary>The rows whose first column holds a number: the numbered indicator rows.</summary>
    public IEnumerable<int> NumberedRows => Cells.Values
        .Where(c => c.Reference.StartsWith('A') && char.IsDigit(c.Reference[1]) && c.Number is not null)
        .Select(c => int.Parse(c.Reference[1..], CultureInfo.InvariantCulture))
        .Order();
}
