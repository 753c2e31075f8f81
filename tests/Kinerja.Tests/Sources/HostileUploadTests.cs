using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kinerja.Tests.Sources;

/// <summary>
/// Files made to hurt (issue 23): refused as a whole past a documented limit, naming it, and a file of refused rows
/// answered with its first refusals and their count, or every one as CSV. What is read does not depend on the engine.
/// </summary>
public sealed class HostileUploadTests() : FreshHost(settings: new Dictionary<string, string?>
{
    ["Kinerja:Registers:MaxSharedStrings"] = "100",
    ["Kinerja:Registers:MaxSharedStringChars"] = "10000",
})
{
    private const string PmksHeader = "NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n";

    [Fact]
    public async Task Given_a_csv_row_of_200_000_columns_Then_the_file_is_refused_naming_the_column_limit()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);
        var wide = PmksHeader + "3525015203850001,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10," + new string(',', 200_000) + "\n";

        var (status, body) = await UploadAsync(admin, "pmks.csv", Encoding.UTF8.GetBytes(wide));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("file", body.GetProperty("field").GetString());
        Assert.Contains("baris 2: lebih dari 1.024 kolom (batas Kinerja:Registers:MaxColumns)", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(101, 10, "teks bersama (shared strings), batas Kinerja:Registers:MaxSharedStrings")]
    [InlineData(20, 1_000, "lebih dari 10.000 karakter, batas Kinerja:Registers:MaxSharedStringChars")]
    public async Task Given_an_xlsx_whose_shared_strings_pass_a_limit_Then_the_file_is_refused_naming_it(int strings, int length, string said)
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);

        var (status, body) = await UploadAsync(admin, "pmks.xlsx", Workbook(strings, length));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("file", body.GetProperty("field").GetString());
        Assert.Contains(said, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Given_1500_refused_rows_Then_the_answer_lists_the_first_1000_and_counts_all_and_csv_carries_every_one()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);
        var file = new StringBuilder(PmksHeader);
        for (var i = 0; i < 1_500; i++)
        {
            file.Append("12345,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,\n");
        }
        var content = Encoding.UTF8.GetBytes(file.ToString());

        var (_, tally) = await UploadAsync(admin, "pmks.csv", content);
        Assert.Equal(1_500, tally.GetProperty("rows").GetInt32());
        Assert.Equal(1_500, tally.GetProperty("refusedCount").GetInt32());
        var listed = tally.GetProperty("refused").EnumerateArray().ToList();
        Assert.Equal(1_000, listed.Count);
        Assert.Equal((2, "NIK"), (listed[0].GetProperty("line").GetInt32(), listed[0].GetProperty("field").GetString()));
        Assert.Equal(1_001, listed[^1].GetProperty("line").GetInt32());

        using var csv = await SendAsync(admin, "pmks.csv", content, "text/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1500", Assert.Single(csv.Headers.GetValues("Kinerja-Import-Refused")));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("baris;kolom;alasan", lines[0]);
        Assert.Equal(1_501, lines.Length);
        Assert.StartsWith("1501;NIK;", lines[^1]);
    }

    /// <summary>A PMKS workbook whose shared-string table holds <paramref name="strings"/> texts of <paramref name="length"/> characters.</summary>
    private static byte[] Workbook(int strings, int length)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(
                Enumerable.Range(0, strings).Select(i => new SharedStringItem(new Text(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture).PadRight(length, 'x')))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(PmksHeader.TrimEnd().Split(',').Select(h => new Cell
            {
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(h)),
            })) { RowIndex = 1U }));
            workbook.Workbook.Sheets!.Append(new Sheet { Name = "Data", SheetId = 1U, Id = workbook.GetIdOfPart(sheet) });
        }
        return stream.ToArray();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string token, string fileName, byte[] content)
    {
        using var response = await SendAsync(token, fileName, content, "application/json");
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string fileName, byte[] content, string accept)
    {
        using var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/registers/pmks") { Content = GatedUpload.Whole(fileName, content) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
