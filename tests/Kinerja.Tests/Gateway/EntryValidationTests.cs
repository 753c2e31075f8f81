using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>Bad input is refused with an error naming the field and the reason, and changes nothing stored.</summary>
public sealed class EntryValidationTests : IClassFixture<EntryValidationTests.SeededHost>
{
    public sealed class SeededHost : SharedHost
    {
        protected override async Task SeedAsync() =>
            (await Host.QueryAsync("""
                mutation {
                  a: recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 15 }) { status }
                  b: recordRealization(input: { indicator: "KEU-2", year: 2026, quarter: 1, numerator: 8, denominator: 10 }) { status }
                  c: recordBaseMeasure(input: { measure: "pmks.total", year: 2026, quarter: 1, value: 100 }) { value }
                  d: setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, value: 60 }) { status }
                }
                """)).Ok();
    }

    private const string Stored = """
        { p: value(indicator: "PEMULIHAN-1", year: 2026, quarter: 1) { numerator target }
          k: value(indicator: "KEU-2", year: 2026, quarter: 1) { numerator denominator }
          i: value(indicator: "IKU-1", year: 2026, quarter: 1) { denominator }
          py: value(indicator: "PEMULIHAN-1", year: 2026) { target } }
        """;

    private const string StoredAnswer =
        """{"p":{"numerator":15,"target":null},"k":{"numerator":8,"denominator":10},"i":{"denominator":100},"py":{"target":60}}""";

    private readonly KinerjaHost _host;

    public EntryValidationTests(SeededHost fixture) => _host = fixture.Host;

    [Theory]
    [InlineData("recordRealization", """{ indicator: "XYZ-9", year: 2026, quarter: 1, value: 1 }""", "input.indicator", "tidak dikenal")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 0, value: 99 }""", "input.quarter", "triwulan")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 5, value: 99 }""", "input.quarter", "triwulan")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 1999, quarter: 1, value: 99 }""", "input.year", "tahun")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2101, quarter: 1, value: 99 }""", "input.year", "tahun")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: -1 }""", "input.value", "negatif")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1, numerator: 99 }""", "input.numerator", "indikator jumlah: isi jumlahnya saja")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 99, denominator: 5 }""", "input.denominator", "tidak mempunyai penyebut")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1 }""", "input.value", "wajib")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, value: 50 }""", "input.value", "persentase")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, numerator: 1 }""", "input.denominator", "wajib")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, denominator: 1 }""", "input.numerator", "wajib")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, numerator: 1, denominator: -4 }""", "input.denominator", "negatif")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 2.5 }""", "input.value", "jumlah adalah banyaknya dan harus bilangan bulat")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, numerator: 1.5, denominator: 4 }""", "input.numerator", "pembilang adalah banyaknya dan harus bilangan bulat")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, numerator: 1, denominator: 4.25 }""", "input.denominator", "penyebut adalah banyaknya dan harus bilangan bulat, tanpa pecahan (diterima 4,25)")]
    [InlineData("recordRealization", """{ indicator: "KEU-2", year: 2026, quarter: 1, numerator: 5, denominator: 0 }""", "input.denominator", "penyebut tidak boleh 0 bila pembilang lebih dari 0 (pembilang 5)")]
    [InlineData("recordRealization", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 1e13 }""", "input.value", "jumlah paling besar 1.000.000.000.000")]
    [InlineData("recordBaseMeasure", """{ measure: "pmks.total", year: 2026, quarter: 1, value: 100.5 }""", "input.value", "data dasar adalah banyaknya dan harus bilangan bulat")]
    [InlineData("setTarget", """{ indicator: "PEMULIHAN-1", year: 2026, value: 1e15 }""", "input.value", "target paling besar")]
    [InlineData("recordRealization", """{ indicator: "IKU-1", year: 2026, quarter: 1, numerator: 1, denominator: 4 }""", "input.indicator", "REHSOS-1")]
    [InlineData("recordRealization", """{ indicator: "SEK-1", year: 2026, quarter: 1, numerator: 1, denominator: 4 }""", "input.indicator", "target")]
    [InlineData("recordBaseMeasure", """{ measure: "pmks.semua", year: 2026, quarter: 1, value: 5 }""", "input.measure", "tidak dikenal")]
    [InlineData("recordBaseMeasure", """{ measure: "pmks.total", year: 2026, quarter: 5, value: 5 }""", "input.quarter", "triwulan")]
    [InlineData("recordBaseMeasure", """{ measure: "pmks.total", year: 1850, quarter: 1, value: 5 }""", "input.year", "tahun")]
    [InlineData("recordBaseMeasure", """{ measure: "pmks.total", year: 2026, quarter: 1, value: -5 }""", "input.value", "negatif")]
    [InlineData("setTarget", """{ indicator: "NOPE", year: 2026, value: 5 }""", "input.indicator", "tidak dikenal")]
    [InlineData("setTarget", """{ indicator: "PEMULIHAN-1", year: 2026, quarter: 7, value: 5 }""", "input.quarter", "triwulan")]
    [InlineData("setTarget", """{ indicator: "PEMULIHAN-1", year: 2200, value: 5 }""", "input.year", "tahun")]
    [InlineData("setTarget", """{ indicator: "PEMULIHAN-1", year: 2026, value: -60 }""", "input.value", "negatif")]
    public async Task Given_bad_input_Then_the_error_names_the_field_and_nothing_changes(string mutation, string input, string field, string reason)
    {
        var answer = await _host.QueryAsync($"mutation {{ {mutation}(input: {input}) {{ __typename }} }}");

        var message = Assert.Single(answer.ErrorMessages);
        Assert.Contains(field, message);
        Assert.Contains(reason, message);
        Assert.Equal(StoredAnswer, (await _host.QueryAsync(Stored)).Ok().GetRawText());
    }

    [Fact]
    public async Task Given_a_non_finite_number_Then_it_is_refused_and_nothing_changes()
    {
        var answer = await _host.QueryAsync(
            "mutation($v: Float) { recordRealization(input: { indicator: \"PEMULIHAN-1\", year: 2026, quarter: 1, value: $v }) { status } }",
            new Dictionary<string, object> { ["v"] = double.MaxValue });
        // Finite, but a sum of a few such is not: figures stop at 10^12, far above any count of a kabupaten.
        Assert.Contains("paling besar 1.000.000.000.000", Assert.Single(answer.ErrorMessages));
        (await _host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 2, value: 1e12 }) { status } }""")).Ok();

        var infinite = await _host.QueryAsync(
            "mutation { recordRealization(input: { indicator: \"PEMULIHAN-1\", year: 2026, quarter: 1, value: 1e999 }) { status } }");
        Assert.True(infinite.HasErrors, infinite.Body);

        (await _host.QueryAsync("""mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 15 }) { status } }""")).Ok();
        Assert.Equal(StoredAnswer, (await _host.QueryAsync(Stored)).Ok().GetRawText());
    }

    [Theory]
    [InlineData("\u0000", "0000")]
    [InlineData("baik\u001b[31m", "001B")]
    [InlineData("akhir\u007f", "007F")]
    [InlineData("\u0085baris", "0085")]
    public async Task Given_a_control_character_in_text_Then_the_error_names_where_it_is_and_nothing_is_stored(string text, string code)
    {
        const string Analyses = """{ analyses(year: 2026) { indicator faktorPendukung } }""";
        var before = (await _host.QueryAsync(Analyses)).Ok().GetRawText();

        var variable = await _host.QueryAsync(
            "mutation($i: AnalysisInput!) { setAnalysis(input: $i) { indicator } }",
            new Dictionary<string, object> { ["i"] = new Dictionary<string, object> { ["indicator"] = "PEMULIHAN-1", ["year"] = 2026, ["faktorPendukung"] = "ok", ["upayaTindakLanjut"] = text } });
        var message = Assert.Single(variable.ErrorMessages);
        Assert.StartsWith("i.upayaTindakLanjut: ", message);
        Assert.Contains($"U+{code}", message);

        var literal = await _host.QueryAsync(
            $$"""mutation { setOfficial(input: { position: "DINSOS", year: 2026, nama: {{System.Text.Json.JsonSerializer.Serialize(text)}} }) { nama } }""");
        Assert.StartsWith("input.nama: ", Assert.Single(literal.ErrorMessages));

        Assert.Equal(before, (await _host.QueryAsync(Analyses)).Ok().GetRawText());
    }

    [Fact]
    public async Task Given_tabs_and_line_breaks_in_text_Then_they_are_kept()
    {
        var answer = await _host.QueryAsync(
            "mutation($t: String) { setAnalysis(input: { indicator: \"KEU-2\", year: 2026, faktorPendukung: $t }) { faktorPendukung } }",
            new Dictionary<string, object> { ["t"] = "Baris satu\r\n\tbaris dua" });
        Assert.Equal("Baris satu\r\n\tbaris dua", answer.Ok().GetProperty("setAnalysis").GetProperty("faktorPendukung").GetString());
    }

    [Theory]
    [InlineData("""{ value(indicator: "PEMULIHAN-1", year: 2026, quarter: 9) { value } }""", "quarter")]
    [InlineData("""{ value(indicator: "PEMULIHAN-1", year: 1900) { value } }""", "year")]
    [InlineData("""{ value(indicator: "ZZZ", year: 2026) { value } }""", "indicator")]
    [InlineData("""{ iku(year: 2026, quarter: 0) { value } }""", "quarter")]
    public async Task Given_a_bad_period_or_code_in_a_query_Then_the_error_names_the_argument(string query, string argument)
    {
        var message = Assert.Single((await _host.QueryAsync(query)).ErrorMessages);
        Assert.StartsWith(argument + ":", message);
    }
}
