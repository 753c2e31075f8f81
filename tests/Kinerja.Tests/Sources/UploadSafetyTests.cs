using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kinerja.Tests.Sources;

/// <summary>
/// Uploads that cannot hurt others (issue 23), where the database matters: who may upload is known before a byte of the
/// body is read, a file being received or checked holds no writer back, and text that breaks reads is refused per cell.
/// </summary>
public abstract class UploadSafetyTests(DatabaseEngine engine) : FreshHost(engine)
{
    private const string PmksHeader = "NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n";

    /// <summary>A valid PMKS row: Siti Aminah of Cerme, her NIK's serial <paramref name="serial"/> (1-9999) telling the rows apart.</summary>
    private static string PmksRow(int serial, string name = "Siti Aminah", string desa = "Cerme Kidul") =>
        $"352501520385{serial:D4},{name},P,1985-03-12,{desa},Cerme,Fakir Miskin,2025-01-10,\n";

    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Given_a_pimpinan_a_verifikator_or_another_units_operator_Then_refused_before_a_byte_of_the_body_is_read()
    {
        var pimpinan = await Host.SignInAsync("kadis", Roles.Pimpinan, null);
        var verifikator = await Host.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        var outsider = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);

        foreach (var (token, register, status) in new[]
        {
            (pimpinan, "pmks", HttpStatusCode.Forbidden),
            (pimpinan, "layanan", HttpStatusCode.Forbidden),
            (verifikator, "layanan", HttpStatusCode.Forbidden),
            (outsider, "pmks", HttpStatusCode.Forbidden),
            (admin, "warga", HttpStatusCode.BadRequest),
            (null, "pmks", HttpStatusCode.Unauthorized),
        })
        {
            // Not a byte of the body is sent before the answer: an endpoint that read any first would never answer.
            var body = GatedUpload.Stalled("pmks.csv", Encoding.UTF8.GetBytes(PmksHeader + PmksRow(1)));
            using var answer = new CancellationTokenSource(Promptly);
            using var response = await SendAsync(token, register, body, answer.Token);
            Assert.Equal(status, response.StatusCode);
            body.Open();
        }
        Assert.Contains("tidak mengisi data unit mana pun", (await UploadAsync(pimpinan, "layanan", "layanan.csv", "Tanggal\n")).Body.GetProperty("error").GetString());
        var audit = (await Host.QueryAsync("{ auditTrail { action } }")).Ok().GetProperty("auditTrail");
        Assert.DoesNotContain(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "register diimpor");
    }

    [Fact]
    public async Task Given_an_upload_still_arriving_Then_an_operators_entry_is_stored_meanwhile_and_the_upload_is_imported_after()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);
        var operatorToken = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        // A megabyte of rows first: the host reads them before the writer can go on (the request body pushes back),
        // then the rest waits until the entries below are stored.
        var first = new StringBuilder(PmksHeader);
        for (var serial = 1; serial <= 9_000; serial++)
        {
            first.Append(PmksRow(serial));
        }
        var body = GatedUpload.StalledAfter("pmks.csv", Encoding.UTF8.GetBytes(first.ToString()), Encoding.UTF8.GetBytes(PmksRow(9_001)));
        var upload = SendAsync(admin, "pmks", body, CancellationToken.None);
        await body.FirstSent.WaitAsync(Promptly);

        for (var value = 1; value <= 3; value++)
        {
            var entry = Host.QueryAsAsync(operatorToken,
                $$"""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: {{value}} }) { value } }""");
            Assert.True(await Task.WhenAny(entry, Task.Delay(Promptly)) == entry, "the entry waited for the upload still arriving");
            Assert.Equal(value, (await entry).Ok().GetProperty("recordRealization").GetProperty("value").GetDouble());
        }
        Assert.False(upload.IsCompleted);

        body.Open();
        using var response = await upload;
        var tally = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(9_001, tally.GetProperty("inserted").GetInt32());
        Assert.Equal(0, tally.GetProperty("refusedCount").GetInt32());
    }

    [Fact]
    public async Task Given_control_characters_in_a_cell_Then_the_row_is_refused_naming_its_column_and_tabs_and_line_breaks_are_kept()
    {
        var admin = await Host.SignInAsync("admin-unggah", Roles.Admin, null);
        var pmks = PmksHeader
            + PmksRow(1, name: "Siti\0Aminah")
            + PmksRow(2, desa: "Cerme\u001bKidul")
            + PmksRow(3, name: "\"Siti\tAminah\nbinti Ahmad\"")
            + PmksRow(4, name: "Siti\u0085Aminah");

        var (status, body) = await UploadAsync(admin, "pmks", "pmks.csv", pmks);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("inserted").GetInt32());
        var refused = body.GetProperty("refused").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString(),
            r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([(2, "Nama"), (3, "Desa"), (5, "Nama")], refused.Select(r => (r.Item1, r.Item2)));
        Assert.Contains("karakter kendali U+0000", refused[0].Item3);
        Assert.Contains("karakter kendali U+001B", refused[1].Item3);

        var layanan = "Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan\n"
            + "2026-02-10,KELEMBAGAAN-1,,LKS-001,Cerme,Pembinaan\u0007 pengurus\n"
            + "2026-02-11,KELEMBAGAAN-1,,LKS-001\0,Cerme,\n";
        var (_, services) = await UploadAsync(admin, "layanan", "layanan.csv", layanan);
        Assert.Equal(0, services.GetProperty("accepted").GetInt32());
        Assert.Equal(["Keterangan", "Nomor Registrasi"], services.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("field").GetString()));

        // One person stored: the one whose name keeps its tab and line break.
        (await Host.QueryAsync("""mutation { setSource(code: "pmks.total", year: 2026, source: REGISTER) { code } }""")).Ok();
        var total = (await Host.QueryAsync("""{ value(indicator: "IKU-1", year: 2026, quarter: 1) { denominator } }""")).Ok();
        Assert.Equal(1, total.GetProperty("value").GetProperty("denominator").GetDouble());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string? token, string register, string fileName, string content)
    {
        using var response = await SendAsync(token, register, GatedUpload.Whole(fileName, Encoding.UTF8.GetBytes(content)), CancellationToken.None);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<HttpResponseMessage> SendAsync(string? token, string register, HttpContent content, CancellationToken cancellationToken)
    {
        // Without redirects: the factory's redirect handler copies a request's whole body before sending it, so the host
        // would see nothing of a stalled upload, and the test would wait for a body that comes only after the answer.
        using var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/registers/{register}") { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request, cancellationToken);
    }
}

public sealed class UploadSafetyTestsOnSqlite() : UploadSafetyTests(DatabaseEngine.Sqlite);

public sealed class UploadSafetyTestsOnPostgreSql() : UploadSafetyTests(DatabaseEngine.PostgreSql);

/// <summary>
/// A file sent as <c>multipart/form-data</c> without a length, in two parts: the first at once, the rest only once the
/// test opens the gate; what a slow or stalled client sends.
/// </summary>
internal sealed class GatedUpload : HttpContent
{
    private const string Boundary = "kinerja-uji-batas";
    private readonly byte[] _first;
    private readonly byte[] _rest;
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatedUpload(byte[] first, byte[] rest)
    {
        (_first, _rest) = (first, rest);
        Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>Nothing is sent until the gate opens, not even the part's headers.</summary>
    public static GatedUpload Stalled(string fileName, byte[] content) => new([], [.. Head(fileName), .. content, .. Tail]);

    /// <summary>The part's headers and <paramref name="first"/> at once, <paramref name="rest"/> when the gate opens.</summary>
    public static GatedUpload StalledAfter(string fileName, byte[] first, byte[] rest) => new([.. Head(fileName), .. first], [.. rest, .. Tail]);

    public static GatedUpload Whole(string fileName, byte[] content)
    {
        var upload = new GatedUpload([.. Head(fileName), .. content, .. Tail], []);
        upload.Open();
        return upload;
    }

    private static byte[] Head(string fileName) => Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
        + $"filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");

    private static readonly byte[] Tail = Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n");

    /// <summary>Done once the host has taken the first part (the request body pushes back while the host does not read).</summary>
    public Task FirstSent => _firstSent.Task;

    public void Open() => _gate.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        await stream.WriteAsync(_first);
        await stream.FlushAsync();
        _firstSent.TrySetResult();
        await _gate.Task;
        await stream.WriteAsync(_rest);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
