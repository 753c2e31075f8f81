using Kinerja.Tests.Support;

namespace Kinerja.Tests.Reports;

/// <summary>
/// The data the reports need besides figures: the Analisis per indicator and year (the unit's operators),
/// and who holds each position (admins), both audited.
/// </summary>
public sealed class ReportNotesTests : FreshHost
{
    private const string SetAnalysis =
        "mutation($i: AnalysisInput!) { setAnalysis(input: $i) { indicator year faktorPendukung faktorPenghambat upayaTindakLanjut changedBy } }";

    private const string SetOfficial = "mutation($i: OfficialInput!) { setOfficial(input: $i) { position year nama jabatan pangkat nip } }";

    [Fact]
    public async Task Given_the_units_operator_Then_the_analysis_is_stored_replaced_listed_and_audited()
    {
        var token = await Host.SignInAsync("op-pemulihan", "operator", "PEMULIHAN");

        (await Host.QueryAsAsync(token, SetAnalysis, new { i = new { indicator = "PEMULIHAN-1", year = 2026, faktorPendukung = "Pendamping aktif" } })).Ok();
        var replaced = (await Host.QueryAsAsync(token, SetAnalysis, new
        {
            i = new { indicator = "PEMULIHAN-1", year = 2026, faktorPendukung = "  Pendamping aktif di 18 kecamatan ", faktorPenghambat = "Anggaran terlambat" },
        })).Ok().GetProperty("setAnalysis");
        var listed = (await Host.QueryAsAsync(token, "{ analyses(year: 2026, unit: \"PEMULIHAN\") { indicator faktorPendukung faktorPenghambat upayaTindakLanjut } }"))
            .Ok().GetProperty("analyses");
        var audit = (await Host.QueryAsync("{ auditTrail(code: \"PEMULIHAN-1\") { action user before after } }")).Ok().GetProperty("auditTrail");

        Assert.Equal("Pendamping aktif di 18 kecamatan", replaced.GetProperty("faktorPendukung").GetString());
        Assert.Equal("op-pemulihan", replaced.GetProperty("changedBy").GetString());
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal("""{"indicator":"PEMULIHAN-1","faktorPendukung":"Pendamping aktif di 18 kecamatan","faktorPenghambat":"Anggaran terlambat","upayaTindakLanjut":null}""",
            listed[0].GetRawText());
        Assert.Equal(2, audit.GetArrayLength());
        Assert.Equal("analisis diisi", audit[0].GetProperty("action").GetString());
        Assert.Contains("Pendamping aktif", audit[0].GetProperty("before").GetString());
        Assert.Contains("Anggaran terlambat", audit[0].GetProperty("after").GetString());
    }

    [Fact]
    public async Task Given_another_units_operator_or_bad_input_Then_the_analysis_is_refused_and_nothing_is_stored()
    {
        var other = await Host.SignInAsync("op-jaminan", "operator", "JAMINAN");

        var forbidden = await Host.QueryAsAsync(other, SetAnalysis, new { i = new { indicator = "PEMULIHAN-1", year = 2026, faktorPendukung = "x" } });
        var invalid = await Host.QueryAsync(SetAnalysis, new { i = new { indicator = "TIDAK-ADA", year = 1990, faktorPenghambat = new string('x', 4001) } });
        var listed = (await Host.QueryAsync("{ analyses(year: 2026) { indicator } }")).Ok().GetProperty("analyses");

        Assert.Contains("FORBIDDEN", forbidden.Body);
        Assert.Contains("akses ditolak untuk op-jaminan", forbidden.ErrorMessages.Single());
        var message = invalid.ErrorMessages.Single();
        Assert.Contains("input.indicator: indikator 'TIDAK-ADA' tidak dikenal", message);
        Assert.Contains("input.year: tahun harus antara 2000 dan 2100", message);
        Assert.Contains("input.faktorPenghambat: paling banyak 4000 karakter", message);
        Assert.Equal(0, listed.GetArrayLength());
    }

    [Fact]
    public async Task Given_an_admin_Then_officials_are_set_per_year_with_their_NIP_and_audited()
    {
        var set = (await Host.QueryAsync(SetOfficial, new
        {
            i = new { position = "REHSOS", year = 2026, nama = "Bambang Sutrisno, S.Sos.", pangkat = "Pembina (IV/a)", nip = "19750320 200012 1 001" },
        })).Ok().GetProperty("setOfficial");
        var officials = (await Host.QueryAsync("{ officials(year: 2026) { position nama jabatan } }")).Ok().GetProperty("officials");
        var lastYear = (await Host.QueryAsync("{ officials(year: 2025) { position nama } }")).Ok().GetProperty("officials");
        var audit = (await Host.QueryAsync("{ auditTrail(code: \"REHSOS\") { action } }")).Ok().GetProperty("auditTrail");

        Assert.Equal("""{"position":"REHSOS","year":2026,"nama":"Bambang Sutrisno, S.Sos.","jabatan":"Kepala Bidang Rehabilitasi Sosial","pangkat":"Pembina (IV/a)","nip":"197503202000121001"}""",
            set.GetRawText());
        Assert.Equal("BUPATI", officials[0].GetProperty("position").GetString());
        Assert.Equal("Bupati Gresik", officials[0].GetProperty("jabatan").GetString());
        Assert.Equal(18, officials.GetArrayLength()); // the Bupati and the heads of the 17 units
        Assert.Contains(officials.EnumerateArray(), o => o.GetProperty("nama").GetString() == "Bambang Sutrisno, S.Sos.");
        Assert.All(lastYear.EnumerateArray(), o => Assert.Null(o.GetProperty("nama").GetString()));
        Assert.Equal("pejabat ditetapkan", audit.EnumerateArray().Single().GetProperty("action").GetString());
    }

    [Fact]
    public async Task Given_an_operator_or_a_bad_NIP_Then_setting_an_official_is_refused()
    {
        var operatorToken = await Host.SignInAsync("op-dinsos", "operator", "DINSOS");

        var forbidden = await Host.QueryAsAsync(operatorToken, SetOfficial, new { i = new { position = "DINSOS", year = 2026, nama = "Siapa Saja" } });
        var invalid = await Host.QueryAsync(SetOfficial, new { i = new { position = "CAMAT", year = 2026, nama = " ", nip = "1975-03" } });

        Assert.Contains("hanya dapat dilakukan oleh admin", forbidden.ErrorMessages.Single());
        var message = invalid.ErrorMessages.Single();
        Assert.Contains("input.position: jabatan 'CAMAT' tidak dikenal", message);
        Assert.Contains("input.nama: nama pejabat wajib diisi", message);
        Assert.Contains("input.nip: NIP terdiri atas 18 angka", message);
    }
}

/// <summary>An Analisis as long as it may be is printed whole: a row taller than a page continues on the next.</summary>
public sealed class LongAnalysisTests
{
    [Fact]
    public async Task Given_an_analysis_of_4000_characters_Then_the_pdf_and_xlsx_hold_all_of_it()
    {
        await using var host = new KinerjaHost();
        var words = string.Join(' ', Enumerable.Range(1, 450).Select(i => $"kata{i:D4}"));
        var text = words[..4000].TrimEnd();
        (await host.QueryAsync("mutation($i: AnalysisInput!) { setAnalysis(input: $i) { indicator } }",
            new { i = new { indicator = "IKU-1", year = 2026, faktorPenghambat = text } })).Ok();

        var pdf = await Reports.GetAsync(host, "/reports/pengukuran-kinerja.pdf?year=2026", await Reports.AdminTokenAsync(host));
        var xlsx = await Reports.GetAsync(host, "/reports/pengukuran-kinerja.xlsx?year=2026", await Reports.AdminTokenAsync(host));

        // Across pages the row is interrupted by the footer and the repeated header: every word, in order, is there.
        var printed = System.Text.RegularExpressions.Regex.Matches(await Reports.PdfTextAsync(pdf.Content), @"kata\d*").Select(m => m.Value);
        Assert.Equal(text.Split(' '), printed);
        Assert.Contains(new XlsxBook(xlsx.Content).Sheets["Analisis"].Cells.Values, c => c.Text == text);
    }
}
