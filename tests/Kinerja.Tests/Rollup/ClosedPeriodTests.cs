using System.Text;
using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Reports;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Rollup;

/// <summary>
/// Closed means closed: a period that ends in a closed triwulan (the year: the fourth) is answered from the snapshot
/// that closed it by value, values, iku and the reports, whatever comes in later, until the triwulan is reopened;
/// the year's sources do not change while one of its triwulan is closed.
/// </summary>
public abstract class ClosedPeriodTests(DatabaseEngine engine) : FreshHost(engine, now: DateTimeOffset.Parse("2027-02-01T09:00:00+07:00"))
{
    public sealed class OnSqlite() : ClosedPeriodTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : ClosedPeriodTests(DatabaseEngine.PostgreSql);

    protected override Task SeedAsync() => ReportSample.LoadAsync(Host);

    private const string Figures = """
        { q1: value(indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1) { numerator achievement snapshotRevision }
          c1: value(indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, cumulative: true) { numerator achievement snapshotRevision }
          year: value(indicator: "KELEMBAGAAN-1", year: 2026) { quarter numerator achievement snapshotRevision }
          iku1: iku(year: 2026, quarter: 1) { numerator value achievement snapshotRevision
                                              contributions { indicator { code } numerator snapshotRevision } }
          ikuYear: iku(year: 2026) { numerator value achievement snapshotRevision }
          values1: values(year: 2026, quarter: 1, unit: "DAYASOS") { indicator { code } numerator value snapshotRevision } }
        """;

    private async Task<JsonElement> FiguresAsync() => (await Host.QueryAsync(Figures)).Ok();

    private async Task<double> NumeratorAsync(string period) =>
        (await Host.QueryAsync($$"""{ value(indicator: "KELEMBAGAAN-1", year: 2026{{period}}) { numerator } }""")).Ok()
            .GetProperty("value").GetProperty("numerator").GetDouble();

    /// <summary>Services of KELEMBAGAAN-1 to the sample's LKS, each a line "date,LKS,kecamatan".</summary>
    private async Task ImportServicesAsync(params string[] services)
    {
        var csv = new StringBuilder("Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan\n");
        foreach (var service in services)
        {
            var (date, lks, kecamatan) = (service.Split(',')[0], service.Split(',')[1], service.Split(',')[2]);
            csv.Append($"{date},KELEMBAGAAN-1,,{lks},{kecamatan},Pembinaan susulan\n");
        }
        var imported = (await Host.QueryAsync(
            "mutation($c: String!) { importRegister(register: \"layanan\", fileName: \"susulan.csv\", contentBase64: $c) { accepted refused { line reason } } }",
            new { c = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString())) })).Ok().GetProperty("importRegister");
        Assert.Equal(0, imported.GetProperty("refused").GetArrayLength());
        Assert.Equal(services.Length, imported.GetProperty("accepted").GetInt32());
    }

    private async Task<string> ReportAsync(string query)
    {
        var download = await Reports.Reports.GetAsync(Host, $"/reports/pengukuran-kinerja.html?{query}", await Reports.Reports.AdminTokenAsync(Host));
        Assert.Equal(200, download.Status);
        return download.Text;
    }

    [Fact]
    public async Task Given_closed_triwulan_Then_every_client_answers_their_snapshots_until_reopened_whatever_is_imported()
    {
        (await Host.QueryAsync("mutation { a: runRollup(year: 2026, quarter: 1) { revision } b: runRollup(year: 2026, quarter: 4) { revision } }")).Ok();
        var closed = await FiguresAsync();
        var q3 = await NumeratorAsync(", quarter: 3");
        Assert.Equal(1, closed.GetProperty("q1").GetProperty("snapshotRevision").GetInt32());
        Assert.Equal(1, closed.GetProperty("year").GetProperty("snapshotRevision").GetInt32());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("year").GetProperty("quarter").ValueKind);
        Assert.All(closed.GetProperty("iku1").EnumerateArray().SelectMany(v => v.GetProperty("contributions").EnumerateArray()),
            v => Assert.Equal(1, v.GetProperty("snapshotRevision").GetInt32()));

        // The sample's LKS-003 is first served in May, LKS-005 (active since May) never: a service in March and one in
        // November, recorded after their triwulan were closed, are kept; one in August is counted, its triwulan being open.
        await ImportServicesAsync("2026-03-25,LKS-003,Menganti", "2026-08-10,LKS-005,Driyorejo", "2026-11-10,LKS-005,Driyorejo");

        Assert.Equal(closed.GetRawText(), (await FiguresAsync()).GetRawText());
        Assert.Equal(q3 + 1, await NumeratorAsync(", quarter: 3"));
        var quarterReport = await ReportAsync("year=2026&quarter=1");
        Assert.Contains("Triwulan I 2026: final, dari snapshot revisi 1 yang dibekukan", quarterReport);
        var yearReport = await ReportAsync("year=2026");
        Assert.Contains("Tahun 2026: final, dari snapshot triwulan IV revisi 1 yang dibekukan", yearReport);

        (await Host.QueryAsync("mutation { reopenQuarter(year: 2026, quarter: 1) { closed } }")).Ok();
        var q1Open = await FiguresAsync();
        Assert.Equal(closed.GetProperty("q1").GetProperty("numerator").GetDouble() + 1, q1Open.GetProperty("q1").GetProperty("numerator").GetDouble());
        Assert.Equal(JsonValueKind.Null, q1Open.GetProperty("q1").GetProperty("snapshotRevision").ValueKind);
        Assert.Equal(closed.GetProperty("year").GetRawText(), q1Open.GetProperty("year").GetRawText());
        Assert.Contains("Triwulan I 2026: SEMENTARA", await ReportAsync("year=2026&quarter=1"));

        (await Host.QueryAsync("mutation { reopenQuarter(year: 2026, quarter: 4) { closed } }")).Ok();
        var yearOpen = (await FiguresAsync()).GetProperty("year");
        Assert.Equal(closed.GetProperty("year").GetProperty("numerator").GetDouble() + 1, yearOpen.GetProperty("numerator").GetDouble());
        Assert.Equal(JsonValueKind.Null, yearOpen.GetProperty("snapshotRevision").ValueKind);
        Assert.Contains("Tahun 2026: SEMENTARA, dihitung dari angka terkini (triwulan IV belum ditutup)", await ReportAsync("year=2026"));
    }

    [Fact]
    public async Task Given_a_closed_triwulan_Then_an_upload_stores_its_rows_and_its_tally_counts_those_that_fall_in_it()
    {
        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        var closed = await FiguresAsync();
        var token = await Reports.Reports.AdminTokenAsync(Host);

        // Served in March (closed) and August (open); a category active on 31 March (closed), one begun in April, one ended in February.
        var services = await UploadAsync(token, "layanan", "Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan\n"
            + "2026-03-25,KELEMBAGAAN-1,,LKS-003,Menganti,Pembinaan susulan\n2026-08-10,KELEMBAGAAN-1,,LKS-005,Driyorejo,\n");
        var persons = await UploadAsync(token, "pmks", "NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n"
            + "3525015203850001,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,\n"
            + "3525015203850002,Siti Aisyah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2026-04-02,\n"
            + "3525015203850003,Siti Maryam,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2026-01-05,2026-02-20\n");

        foreach (var (tally, accepted) in new[] { (services, 2), (persons, 3) })
        {
            Assert.Equal(accepted, tally.GetProperty("accepted").GetInt32());
            Assert.Equal(1, tally.GetProperty("inClosedQuarters").GetInt32());
            Assert.Equal("1 baris jatuh pada triwulan yang sudah ditutup (triwulan I tahun 2026): baris itu disimpan dan dihitung pada periode yang "
                + "masih terbuka, tetapi angka triwulan yang ditutup tetap dari snapshot-nya sampai triwulan itu dibuka kembali (reopenQuarter) dan di-rollup lagi",
                tally.GetProperty("closedQuarterNote").GetString());
        }
        var after = await FiguresAsync();
        foreach (var through in new[] { "q1", "c1", "iku1", "values1" })
        {
            Assert.Equal(closed.GetProperty(through).GetRawText(), after.GetProperty(through).GetRawText());
        }

        // The GraphQL import says the same, and a file with nothing in a closed triwulan says nothing.
        var again = (await Host.QueryAsync(
            "mutation($c: String!) { importRegister(register: \"layanan\", fileName: \"susulan.csv\", contentBase64: $c) { unchanged inClosedQuarters closedQuarterNote } }",
            new { c = Convert.ToBase64String(Encoding.UTF8.GetBytes("Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan\n"
                + "2026-03-25,KELEMBAGAAN-1,,LKS-003,Menganti,Pembinaan susulan\n")) })).Ok().GetProperty("importRegister");
        Assert.Equal((1, 1), (again.GetProperty("unchanged").GetInt32(), again.GetProperty("inClosedQuarters").GetInt32()));
        var open = await UploadAsync(token, "layanan", "Tanggal,Kode Indikator,NIK,Nomor Registrasi,Kecamatan,Keterangan\n2026-09-01,KELEMBAGAAN-1,,LKS-005,Driyorejo,\n");
        Assert.Equal(0, open.GetProperty("inClosedQuarters").GetInt32());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("closedQuarterNote").ValueKind);
    }

    private async Task<JsonElement> UploadAsync(string token, string register, string csv)
    {
        using var client = Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/registers/{register}")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", $"{register}.csv" } },
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Given_a_closed_triwulan_Then_the_year_sources_are_refused_naming_it_and_stay_as_they_were()
    {
        const string Sources = "{ sources(year: 2026) { code source } }";
        var before = (await Host.QueryAsync(Sources)).Ok().GetRawText();
        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 2) { revision } }")).Ok();

        var one = await Host.QueryAsync("mutation { setSource(code: \"KELEMBAGAAN-1\", year: 2026, source: ENTERED) { source } }");
        var all = await Host.QueryAsync("mutation { setAllSources(year: 2026, source: ENTERED) { source } }");

        foreach (var answer in new[] { one, all })
        {
            var message = Assert.Single(answer.ErrorMessages);
            Assert.StartsWith("year: sumber angka tahun 2026 tidak dapat diubah selama ada triwulan yang ditutup: triwulan II ", message);
        }
        Assert.Equal(before, (await Host.QueryAsync(Sources)).Ok().GetRawText());
        // Another year is not held by this one's closing.
        (await Host.QueryAsync("mutation { setSource(code: \"KELEMBAGAAN-1\", year: 2027, source: REGISTER) { source } }")).Ok();
    }
}
