using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Sources;

/// <summary>POST /registers/{register}: a whole register file as multipart/form-data, over HTTP.</summary>
public abstract class RegisterUploadTests(DatabaseEngine engine)
    : FreshHost(engine, settings: new Dictionary<string, string?> { ["Kinerja:Registers:MaxUploadBytes"] = "100000" })
{

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string? token, string register, byte[] content, string fileName,
        string field = "file")
    {
        using var client = Host.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/registers/{register}") { Content = form };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Repository.Root, "samples", "registers", name));

    private async Task<int> AuditedPmksImportsAsync() =>
        (await Host.QueryAsync("""{ auditTrail(code: "pmks") { action } }""")).Ok().GetProperty("auditTrail").GetArrayLength();

    [Fact]
    public async Task Given_the_sample_pmks_csv_and_xlsx_Then_the_upload_answers_the_same_tally_as_the_GraphQL_import()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);

        var (status, csv) = await UploadAsync(admin, "pmks", Sample("pmks.csv"), "pmks.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pmks", csv.GetProperty("register").GetString());
        Assert.Equal(11, csv.GetProperty("rows").GetInt32());
        Assert.Equal(csv.GetProperty("rows").GetInt32(), csv.GetProperty("accepted").GetInt32() + csv.GetProperty("refused").GetArrayLength());
        Assert.True(csv.GetProperty("inserted").GetInt32() > 0);

        // The XLSX form of the same file changes nothing.
        var (xlsxStatus, xlsx) = await UploadAsync(admin, "pmks", Sample("pmks.xlsx"), "pmks.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxStatus);
        Assert.Equal(0, xlsx.GetProperty("inserted").GetInt32());
        Assert.Equal(csv.GetProperty("accepted").GetInt32(), xlsx.GetProperty("unchanged").GetInt32());

        var audit = (await Host.QueryAsync("""{ auditTrail(code: "pmks") { action user after } }""")).Ok().GetProperty("auditTrail");
        Assert.Equal(2, audit.GetArrayLength());
        Assert.All(audit.EnumerateArray(), a => Assert.Equal("admin-unggah", a.GetProperty("user").GetString()));
    }

    [Fact]
    public async Task Given_a_bad_row_Then_the_upload_lists_its_line_field_and_reason_and_stores_the_good_rows()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);
        var file = """
            NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai
            3525015203850001,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525060107900002,Ahmad Fauzi,L,1990-07-01,Boboh,Kota Lama,Fakir Miskin,2024-05-01,
            """;

        var (status, body) = await UploadAsync(admin, "pmks", Encoding.UTF8.GetBytes(file), "pmks.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("inserted").GetInt32());
        var refused = Assert.Single(body.GetProperty("refused").EnumerateArray());
        Assert.Equal(3, refused.GetProperty("line").GetInt32());
        Assert.Equal("Kecamatan", refused.GetProperty("field").GetString());
        Assert.Contains("Kota Lama", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_no_token_another_units_operator_or_bad_requests_Then_refused_with_a_reason_and_nothing_stored()
    {
        var outsider = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);

        var (anonymous, anonymousBody) = await UploadAsync(null, "pmks", Sample("pmks.csv"), "pmks.csv");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Contains("memerlukan akun", anonymousBody.GetProperty("error").GetString());

        var (forbidden, _) = await UploadAsync(outsider, "pmks", Sample("pmks.csv"), "pmks.csv");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);

        var (unknown, unknownBody) = await UploadAsync(admin, "warga", Sample("pmks.csv"), "pmks.csv");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("register", unknownBody.GetProperty("field").GetString());

        var (kind, kindBody) = await UploadAsync(admin, "pmks", Sample("pmks.csv"), "pmks.txt");
        Assert.Equal(HttpStatusCode.BadRequest, kind);
        Assert.Contains(".csv atau .xlsx", kindBody.GetProperty("error").GetString());

        var (noFile, noFileBody) = await UploadAsync(admin, "pmks", Sample("pmks.csv"), "pmks.csv", field: "berkas");
        Assert.Equal(HttpStatusCode.BadRequest, noFile);
        Assert.Equal("file", noFileBody.GetProperty("field").GetString());

        var (tooLarge, tooLargeBody) = await UploadAsync(admin, "pmks", new byte[200_000], "pmks.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains("Kinerja:Registers:MaxUploadBytes", tooLargeBody.GetProperty("error").GetString());

        using var client = Host.CreateClient();
        using var json = new HttpRequestMessage(HttpMethod.Post, "/registers/pmks") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        json.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var notMultipart = await client.SendAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("multipart/form-data", await notMultipart.Content.ReadAsStringAsync());

        // Nothing imported: no audit row, and the register counts no person.
        Assert.Equal(0, await AuditedPmksImportsAsync());
        (await Host.QueryAsync("""mutation { setSource(code: "pmks.total", year: 2026, source: REGISTER) { code } }""")).Ok();
        var total = (await Host.QueryAsync("""{ value(indicator: "IKU-1", year: 2026, quarter: 1) { denominator denominatorSource } }""")).Ok();
        Assert.Equal(0, total.GetProperty("value").GetProperty("denominator").GetDouble());
    }
}

public sealed class RegisterUploadTestsOnSqlite() : RegisterUploadTests(DatabaseEngine.Sqlite);

public sealed class RegisterUploadTestsOnPostgreSql() : RegisterUploadTests(DatabaseEngine.PostgreSql);
