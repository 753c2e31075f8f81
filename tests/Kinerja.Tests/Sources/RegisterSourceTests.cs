using Kinerja.Shared.Data;
using System.Text;
using System.Text.Json;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Sources;

/// <summary>
/// The sample registers of the repository imported through GraphQL, every countable code switched to
/// REGISTER, and the figures checked against counts made by hand from the sample files.
/// </summary>
public abstract class RegisterSourceTests(DatabaseEngine engine) : FreshHost(engine)
{
    protected override async Task SeedAsync()
    {
        foreach (var register in new[] { "pmks", "psks", "tmp", "layanan" })
        {
            var result = await ImportAsync(register, $"{register}.csv", await File.ReadAllBytesAsync(Sample($"{register}.csv")));
            Assert.Equal(0, result.GetProperty("refused").GetArrayLength());
        }
    }

    private static string Sample(string file) => Path.Combine(Repository.Root, "samples", "registers", file);

    private async Task<JsonElement> ImportAsync(string register, string fileName, byte[] content) =>
        (await Host.QueryAsync(
            "mutation($r: String!, $f: String!, $c: String!) { importRegister(register: $r, fileName: $f, contentBase64: $c) { rows accepted inserted updated unchanged refused { line field reason } } }",
            new { r = register, f = fileName, c = Convert.ToBase64String(content) })).Ok().GetProperty("importRegister");

    // One code at a time for REGISTER (setSource), all at once for ENTERED (setAllSources): both ways are used.
    private async Task SwitchAllAsync(string source)
    {
        if (source == "ENTERED")
        {
            var all = (await Host.QueryAsync("mutation { setAllSources(year: 2026, source: ENTERED) { code source } }")).Ok();
            Assert.All(all.GetProperty("setAllSources").EnumerateArray(), s => Assert.Equal("ENTERED", s.GetProperty("source").GetString()));
            return;
        }
        var codes = (await Host.QueryAsync("{ sources(year: 2026) { code } }")).Ok().GetProperty("sources")
            .EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToList();
        Assert.Equal(29, codes.Count); // 21 kegiatan COUNT indicators with a services register, 8 stocks
        var mutation = new StringBuilder("mutation {");
        for (var i = 0; i < codes.Count; i++)
        {
            mutation.Append($" s{i}: setSource(code: \"{codes[i]}\", year: 2026, source: {source}) {{ source }}");
        }
        (await Host.QueryAsync(mutation.Append(" }").ToString())).Ok();
    }

    private async Task<JsonElement> ValueAsync(string indicator, string period, string? kecamatan = null)
    {
        var place = kecamatan is null ? "" : $", kecamatan: \"{kecamatan}\"";
        return (await Host.QueryAsync($$"""{ value(indicator: "{{indicator}}", year: 2026{{period}}{{place}}) { numerator denominator value status source denominatorSource } }"""))
            .Ok().GetProperty("value");
    }

    [Fact]
    public async Task Given_the_samples_counted_from_registers_Then_the_IKU_are_the_hand_counted_figures()
    {
        await SwitchAllAsync("REGISTER");

        var iku = (await Host.QueryAsync("{ iku(year: 2026, quarter: 1) { indicator { code } numerator denominator status denominatorSource } }"))
            .Ok().GetProperty("iku");

        // IKU-1: REHSOS-1 (PEMULIHAN-1: Slamet, Joko = 2) + REHSOS-2 (PELAYANAN-1: Budi = 1) + REHSOS-3 (PENGEMBANGAN-2:
        // Sulastri, Nur = 2) = 5 over Jumlah PMKS at 31 March: Siti (two categories, once), Ahmad, Sulastri, Slamet, Nur,
        // Joko = 6 (Budi's category ended 20 March; Dewi, Karto and Sarmin begin later).
        Assert.Equal("""{"indicator":{"code":"IKU-1"},"numerator":5,"denominator":6,"status":"OK","denominatorSource":"REGISTER"}""", iku[0].GetRawText());
        // IKU-2: PEMULIHAN-1 2 + PELAYANAN-1 1 + PELAYANAN-2 0 + PELAYANAN-3 0 = 3 over 6
        Assert.Equal(3, iku[1].GetProperty("numerator").GetDouble());
        // IKU-3: PERLINDUNGAN-1 (Ahmad, Siti) = 2 over Fakir Miskin at 31 March (Siti, Ahmad) = 2
        Assert.Equal("""{"indicator":{"code":"IKU-3"},"numerator":2,"denominator":2,"status":"OK","denominatorSource":"REGISTER"}""", iku[2].GetRawText());
        // IKU-4: KELEMBAGAAN-1 (LKS-001 twice, LKS-002) = 2 over LKS at 31 March (LKS-001..003; LKS-004 closed in February) = 3
        Assert.Equal("""{"indicator":{"code":"IKU-4"},"numerator":2,"denominator":3,"status":"OK","denominatorSource":"REGISTER"}""", iku[3].GetRawText());
    }

    [Theory]
    // period                           PMKS  FM  WRSE  LKS  panti  TMP   KELEMBAGAAN-1  PMI-1
    [InlineData(", quarter: 1", 6, 2, 1, 3, 2, 2, 2, 1)]
    [InlineData(", quarter: 2", 8, 3, 2, 4, 2, 2, 1, 2)]
    [InlineData(", quarter: 2, cumulative: true", 8, 3, 2, 4, 2, 2, 3, 2)]
    [InlineData(", quarter: 3", 9, 4, 2, 4, 2, 3, 0, 0)]
    [InlineData("", 9, 4, 2, 4, 2, 3, 3, 2)]
    public async Task Given_registers_Then_stocks_are_taken_at_the_period_end_and_services_are_distinct_in_the_period(
        string period, int pmks, int fakirMiskin, int wrse, int lks, int pantiAsuhan, int tmp, int kelembagaan, int pmi)
    {
        await SwitchAllAsync("REGISTER");

        Assert.Equal(pmks, (await ValueAsync("IKU-1", period)).GetProperty("denominator").GetDouble());
        Assert.Equal(fakirMiskin, (await ValueAsync("IKU-3", period)).GetProperty("denominator").GetDouble());
        Assert.Equal(wrse, (await ValueAsync("DAYASOS-1", period)).GetProperty("denominator").GetDouble());
        Assert.Equal(lks, (await ValueAsync("IKU-4", period)).GetProperty("denominator").GetDouble());
        Assert.Equal(pantiAsuhan, (await ValueAsync("LINJAMSOS-2", period)).GetProperty("denominator").GetDouble());
        Assert.Equal(tmp, (await ValueAsync("LINJAMSOS-3", period)).GetProperty("denominator").GetDouble());
        var counted = await ValueAsync("KELEMBAGAAN-1", period);
        Assert.Equal(kelembagaan, counted.GetProperty("numerator").GetDouble());
        Assert.Equal("REGISTER", counted.GetProperty("source").GetString());
        Assert.Equal(pmi, (await ValueAsync("PMI-1", period)).GetProperty("numerator").GetDouble());
    }

    [Theory]
    [InlineData("IKU-1", ", quarter: 2")]
    [InlineData("IKU-4", ", quarter: 2, cumulative: true")]
    [InlineData("PMI-1", "")]
    [InlineData("IKU-3", ", quarter: 3")]
    public async Task Given_a_register_count_Then_its_kecamatan_rows_add_up_to_the_whole(string indicator, string period)
    {
        await SwitchAllAsync("REGISTER");
        var whole = await ValueAsync(indicator, period);

        double numerators = 0, denominators = 0;
        foreach (var kecamatan in Kecamatan18)
        {
            var row = await ValueAsync(indicator, period, kecamatan);
            numerators += row.GetProperty("numerator").GetDouble();
            denominators += row.GetProperty("denominator") is { ValueKind: JsonValueKind.Number } d ? d.GetDouble() : 0;
        }

        Assert.Equal(whole.GetProperty("numerator").GetDouble(), numerators);
        if (whole.GetProperty("denominator").ValueKind == JsonValueKind.Number)
        {
            Assert.Equal(whole.GetProperty("denominator").GetDouble(), denominators);
        }
    }

    [Fact]
    public async Task Given_a_kecamatan_Then_the_figure_is_that_kecamatan_s()
    {
        await SwitchAllAsync("REGISTER");

        var cerme = await ValueAsync("IKU-4", ", quarter: 1", "cerme");

        // KELEMBAGAAN-1 in Cerme: LKS-001; LKS in Cerme at 31 March: LKS-001
        Assert.Equal(1, cerme.GetProperty("numerator").GetDouble());
        Assert.Equal(1, cerme.GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task Given_an_entered_part_Then_a_kecamatan_breakdown_is_refused_with_the_reason()
    {
        var answer = await Host.QueryAsync("""{ value(indicator: "IKU-4", year: 2026, quarter: 1, kecamatan: "Cerme") { value } }""");

        var message = Assert.Single(answer.ErrorMessages);
        Assert.StartsWith("kecamatan:", message);
        Assert.Contains("KELEMBAGAAN-1", message);
        Assert.Contains("lks.total", message);
        Assert.StartsWith("kecamatan:", Assert.Single((await Host.QueryAsync("""{ iku(year: 2026, kecamatan: "Surabaya") { value } }""")).ErrorMessages));
    }

    [Fact]
    public async Task Given_a_register_source_Then_typing_is_refused_and_switching_back_brings_the_typed_figures_back()
    {
        (await Host.QueryAsync("""
            mutation { a: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 7 }) { value }
                       b: recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 70 }) { value } }
            """)).Ok();
        Assert.Equal(10, (await ValueAsync("IKU-4", ", quarter: 1")).GetProperty("value").GetDouble()); // 7 / 70

        await SwitchAllAsync("REGISTER");
        var typed = await Host.QueryAsync("""mutation { recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: 1, value: 9 }) { value } }""");
        var stock = await Host.QueryAsync("""mutation { recordBaseMeasure(input: { measure: "lks.total", year: 2026, quarter: 1, value: 90 }) { value } }""");
        Assert.Contains("dihitung dari register", Assert.Single(typed.ErrorMessages));
        Assert.StartsWith("input.measure:", Assert.Single(stock.ErrorMessages));
        Assert.Equal(200d / 3, (await ValueAsync("IKU-4", ", quarter: 1")).GetProperty("value").GetDouble(), 9); // 2 / 3

        await SwitchAllAsync("ENTERED");
        var back = await ValueAsync("IKU-4", ", quarter: 1");
        Assert.Equal(10, back.GetProperty("value").GetDouble());
        Assert.Equal("ENTERED", back.GetProperty("denominatorSource").GetString());
    }

    [Theory]
    [InlineData("""setSource(code: "KEU-2", year: 2026, source: REGISTER)""", "code", "bukan indikator kegiatan jumlah")]
    [InlineData("""setSource(code: "SEK-1", year: 2026, source: REGISTER)""", "code", "bukan indikator kegiatan jumlah")]
    [InlineData("""setSource(code: "NOPE", year: 2026, source: REGISTER)""", "code", "dikenal")]
    [InlineData("""setSource(code: "pmks.total", year: 1990, source: REGISTER)""", "year", "tahun")]
    public async Task Given_a_bad_source_setting_Then_it_is_refused(string mutation, string field, string reason)
    {
        var message = Assert.Single((await Host.QueryAsync($"mutation {{ {mutation} {{ source }} }}")).ErrorMessages);
        Assert.StartsWith(field + ":", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task Given_the_same_file_twice_Then_nothing_changes_and_persons_are_merged_by_NIK()
    {
        await SwitchAllAsync("REGISTER");
        var before = await ValueAsync("IKU-1", ", quarter: 2");

        var again = await ImportAsync("pmks", "pmks.csv", await File.ReadAllBytesAsync(Sample("pmks.csv")));
        var xlsx = await ImportAsync("pmks", "pmks.xlsx", await File.ReadAllBytesAsync(Sample("pmks.xlsx")));
        var services = await ImportAsync("layanan", "layanan.csv", await File.ReadAllBytesAsync(Sample("layanan.csv")));

        Assert.Equal("""{"rows":11,"accepted":11,"inserted":0,"updated":0,"unchanged":11,"refused":[]}""", again.GetRawText());
        Assert.Equal(again.GetRawText(), xlsx.GetRawText());
        Assert.Equal(16, services.GetProperty("unchanged").GetInt32());
        Assert.Equal(before.GetRawText(), (await ValueAsync("IKU-1", ", quarter: 2")).GetRawText());
    }

    [Fact]
    public async Task Given_a_changed_row_Then_the_person_is_updated_not_doubled()
    {
        await SwitchAllAsync("REGISTER");
        var csv = """
            NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai
            3525060107900002,Ahmad Fauzi,L,1990-07-01,Kepatihan,Menganti,Fakir Miskin,2024-05-01,2026-01-31
            """;

        var result = await ImportAsync("pmks", "perubahan.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        // Ahmad's Fakir Miskin ended in January: at 31 March only Siti is Fakir Miskin, and Jumlah PMKS loses him.
        Assert.Equal(1, (await ValueAsync("IKU-3", ", quarter: 1")).GetProperty("denominator").GetDouble());
        Assert.Equal(5, (await ValueAsync("IKU-1", ", quarter: 1")).GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task Given_bad_rows_Then_each_is_refused_with_line_field_and_reason_and_the_good_rows_are_stored()
    {
        var csv = """
            NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai
            352501520385001,Pendek,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            9925015203850001,Provinsi,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525011203850001,Tanpa Empat Puluh,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525015203850001,Lain Tanggal,P,1985-03-13,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525015203850000,Nol,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525013102850001,Tiga Puluh Satu Februari,L,1985-02-28,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
            3525010101800011,Kecamatan Lain,L,1980-01-01,Keputih,Sukolilo,Fakir Miskin,2025-01-10,
            3525010101800012,Kategori Lain,L,1980-01-01,Cerme Kidul,Cerme,Orang Kaya,2025-01-10,
            3525010101800013,Terbalik,L,1980-01-01,Cerme Kidul,Cerme,Fakir Miskin,2025-06-10,2025-01-10,
            3525010101800014,Lahir Sesudah,L,1980-01-01,Cerme Kidul,Cerme,Fakir Miskin,1979-06-10,
            3578010101800015,Dari Surabaya,L,1980-01-01,Kroman,Gresik,Fakir Miskin,2025-01-10,
            3525010101800016,Tanggal Salah,L,1980-01-01,Cerme Kidul,Cerme,Fakir Miskin,2025-13-10,
            """;

        var result = await ImportAsync("pmks", "salah.csv", Encoding.UTF8.GetBytes(csv));

        var refused = result.GetProperty("refused").EnumerateArray()
            .Select(r => (Line: r.GetProperty("line").GetInt32(), Field: r.GetProperty("field").GetString()!, Reason: r.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal(12, result.GetProperty("rows").GetInt32());
        Assert.Equal(1, result.GetProperty("accepted").GetInt32()); // the NIK issued in Surabaya, living in Gresik
        Assert.Contains(refused, r => r is { Line: 2, Field: "NIK" } && r.Reason.Contains("16 angka"));
        Assert.Contains(refused, r => r is { Line: 3, Field: "NIK" } && r.Reason.Contains("provinsi 99"));
        Assert.Contains(refused, r => r is { Line: 4, Field: "NIK" } && r.Reason.Contains("40"));
        Assert.Contains(refused, r => r is { Line: 5, Field: "NIK" } && r.Reason.Contains("tidak sesuai"));
        Assert.Contains(refused, r => r is { Line: 6, Field: "NIK" } && r.Reason.Contains("0000"));
        Assert.Contains(refused, r => r is { Line: 7, Field: "NIK" } && r.Reason.Contains("bukan tanggal yang ada"));
        Assert.Contains(refused, r => r is { Line: 8, Field: "Kecamatan" } && r.Reason.Contains("Sukolilo"));
        Assert.Contains(refused, r => r is { Line: 9, Field: "Kategori PMKS" } && r.Reason.Contains("Orang Kaya"));
        Assert.Contains(refused, r => r is { Line: 10, Field: "Tanggal Selesai" });
        Assert.Contains(refused, r => r is { Line: 11, Field: "Tanggal Mulai" });
        Assert.Contains(refused, r => r is { Line: 13, Field: "Tanggal Mulai" });
        Assert.DoesNotContain(refused, r => r.Line == 12);
        Assert.All(refused, r => Assert.DoesNotContain("3525015203850001", r.Reason));
    }

    [Fact]
    public async Task Given_a_file_without_a_required_column_Then_the_import_is_refused_naming_it_and_nothing_is_stored()
    {
        var csv = "NIK,Nama\n3525015203850001,Siti\n";

        var answer = await Host.QueryAsync(
            "mutation($c: String!) { importRegister(register: \"pmks\", fileName: \"x.csv\", contentBase64: $c) { rows } }",
            new { c = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)) });

        Assert.Contains("Jenis Kelamin", Assert.Single(answer.ErrorMessages));
        Assert.Single((await Host.QueryAsync("""mutation { importRegister(register: "warga", fileName: "x.csv", contentBase64: "") { rows } }""")).ErrorMessages);
        Assert.Contains("base64", Assert.Single((await Host.QueryAsync("""mutation { importRegister(register: "pmks", fileName: "x.csv", contentBase64: "%%") { rows } }""")).ErrorMessages));
        // Only the four imports of the fixture are in the trail: none of these refused ones wrote anything.
        Assert.Equal(4, (await Host.QueryAsync("""{ auditTrail(limit: 5000) { action } }""")).Ok().GetProperty("auditTrail").EnumerateArray()
            .Count(a => a.GetProperty("action").GetString() == "register diimpor"));
    }

    [Fact]
    public async Task Given_served_subjects_Then_persons_are_shown_with_a_masked_NIK()
    {
        var kadis = await Host.SignInAsync("kadis", Kinerja.Shared.Security.Roles.Pimpinan, "DINSOS");
        var served = (await Host.QueryAsAsync(kadis, """{ served(indicator: "PMI-1", year: 2026, quarter: 2) { subject isInstitution kecamatan lastServedOn services } }"""))
            .Ok().GetProperty("served");

        Assert.Equal("""[{"subject":"3525**********01","isInstitution":false,"kecamatan":"Cerme","lastServedOn":"2026-04-20","services":1},{"subject":"3578**********06","isInstitution":false,"kecamatan":"Gresik","lastServedOn":"2026-04-15","services":1}]""",
            served.GetRawText());
        Assert.DoesNotContain("3525015203850001", (await Host.QueryAsAsync(kadis, """{ served(indicator: "PMI-1", year: 2026) { subject } }""")).Body);
    }

    private static readonly string[] Kecamatan18 =
    [
        "Balongpanggang", "Benjeng", "Bungah", "Cerme", "Driyorejo", "Duduksampeyan", "Dukun", "Gresik", "Kebomas",
        "Kedamean", "Manyar", "Menganti", "Panceng", "Sangkapura", "Sidayu", "Tambak", "Ujungpangkah", "Wringinanom",
    ];
}

public sealed class RegisterSourceTestsOnSqlite() : RegisterSourceTests(DatabaseEngine.Sqlite);

/// <summary>The same imports and figures with the host on PostgreSQL (COPY into a stage, merged by key).</summary>
public sealed class RegisterSourceTestsOnPostgreSql() : RegisterSourceTests(DatabaseEngine.PostgreSql);
