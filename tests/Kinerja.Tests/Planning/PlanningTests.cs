using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Planning;

/// <summary>
/// The plan around the figures over HTTP: a Perjanjian Kinerja established freezes its unit's annual targets until a
/// Perubahan is opened and established in turn, achievement reading the latest established ones; the DPA's lines with
/// their realisation checked like every entry; the Renstra's end targets one plan period at a time.
/// </summary>
public abstract class PlanningTests(DatabaseEngine engine) : FreshHost(engine, now: DateTimeOffset.Parse("2026-06-15T09:00:00+07:00"))
{
    public sealed class OnSqlite() : PlanningTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : PlanningTests(DatabaseEngine.PostgreSql);

    private string _operator = null!, _otherOperator = null!, _sameUnit = null!, _kabid = null!, _otherKabid = null!, _pimpinan = null!;

    protected override async Task SeedAsync()
    {
        _operator = await Host.SignInAsync("op-pemulihan", Roles.Operator, "PEMULIHAN");
        _otherOperator = await Host.SignInAsync("op-pelayanan", Roles.Operator, "PELAYANAN");
        _sameUnit = await Host.SignInAsync("kasi-pemulihan", Roles.Verifikator, "PEMULIHAN");
        _kabid = await Host.SignInAsync("kabid-rehsos", Roles.Verifikator, "REHSOS");
        _otherKabid = await Host.SignInAsync("kabid-linjamsos", Roles.Verifikator, "LINJAMSOS");
        _pimpinan = await Host.SignInAsync("kadis", Roles.Pimpinan, null);
    }

    private Task<GraphQLAnswer> SetAnnualTargetAsync(string token, double value) => Host.QueryAsAsync(token,
        $$"""mutation { setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, value: {{value}} }) { target } }""");

    private Task<GraphQLAnswer> EstablishAsync(string token, string date) => Host.QueryAsAsync(token,
        "mutation($d: String!) { establishAgreement(unit: \"PEMULIHAN\", year: 2026, date: $d) { revision name state date targets { indicator { code } target } } }",
        new { d = date });

    private Task<GraphQLAnswer> ReviseAsync(string token, string date, string reason) => Host.QueryAsAsync(token,
        "mutation($d: String!, $reason: String!) { reviseAgreement(unit: \"PEMULIHAN\", year: 2026, date: $d, reason: $reason) { revision name state revisedOn reason } }",
        new { d = date, reason });

    private async Task<JsonElement> YearAsync() =>
        (await Host.QueryAsync("""{ value(indicator: "PEMULIHAN-1", year: 2026) { target achievement } }""")).Ok().GetProperty("value");

    private static string Code(GraphQLAnswer answer) =>
        answer.Root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Fact]
    public async Task Given_an_established_PK_Then_its_annual_targets_change_only_through_an_established_Perubahan()
    {
        (await SetAnnualTargetAsync(_operator, 100)).Ok();
        (await Host.QueryAsAsync(_operator, """mutation { recordRealization(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 60 }) { numerator } }""")).Ok();

        Assert.Equal("FORBIDDEN", Code(await EstablishAsync(_operator, "2026-01-05")));     // a Seksi does not sign its own PK as pihak kedua
        Assert.Equal("FORBIDDEN", Code(await EstablishAsync(_sameUnit, "2026-01-05")));
        Assert.Equal("FORBIDDEN", Code(await EstablishAsync(_otherKabid, "2026-01-05")));
        Assert.StartsWith("date:", Assert.Single((await EstablishAsync(_kabid, "05-01-2026")).ErrorMessages));
        Assert.StartsWith("date:", Assert.Single((await EstablishAsync(_kabid, "2026-07-01")).ErrorMessages)); // not yet come
        Assert.StartsWith("date:", Assert.Single((await EstablishAsync(_kabid, "2025-06-30")).ErrorMessages)); // before the PK season

        var established = (await EstablishAsync(_kabid, "2026-01-05")).Ok().GetProperty("establishAgreement");
        Assert.Equal("DITETAPKAN", established.GetProperty("state").GetString());
        Assert.Equal("PK awal", established.GetProperty("name").GetString());
        Assert.Equal("2026-01-05", established.GetProperty("date").GetString());
        Assert.Equal(100, established.GetProperty("targets")[0].GetProperty("target").GetDouble());
        Assert.StartsWith("unit:", Assert.Single((await EstablishAsync(_kabid, "2026-01-06")).ErrorMessages));

        var refused = await SetAnnualTargetAsync(_operator, 120);
        Assert.Equal("INVALID_INPUT", Code(refused));
        Assert.Contains("input.year: target tahunan PEMULIHAN-1 tahun 2026 terikat Perjanjian Kinerja PEMULIHAN PK awal", Assert.Single(refused.ErrorMessages));
        (await Host.QueryAsAsync(_operator, """mutation { setTarget(input: { indicator: "PEMULIHAN-1", year: 2026, quarter: 1, value: 30 }) { target } }""")).Ok();
        Assert.Equal(100, (await YearAsync()).GetProperty("target").GetDouble());

        Assert.StartsWith("reason:", Assert.Single((await ReviseAsync(_kabid, "2026-04-01", " ")).ErrorMessages));
        Assert.StartsWith("reason:", Assert.Single((await ReviseAsync(_kabid, "2026-04-01", "alasan\u0000")).ErrorMessages));
        Assert.StartsWith("date:", Assert.Single((await ReviseAsync(_kabid, "2026-01-01", "refocusing anggaran")).ErrorMessages));
        var revision = (await ReviseAsync(_kabid, "2026-04-01", "refocusing anggaran")).Ok().GetProperty("reviseAgreement");
        Assert.Equal(1, revision.GetProperty("revision").GetInt32());
        Assert.Equal("DRAF", revision.GetProperty("state").GetString());
        Assert.Equal("Perubahan ke-1", revision.GetProperty("name").GetString());

        // While the Perubahan is a DRAF its target may change, and achievement keeps the signed one.
        (await SetAnnualTargetAsync(_operator, 120)).Ok();
        var whileDraft = await YearAsync();
        Assert.Equal(100, whileDraft.GetProperty("target").GetDouble());
        Assert.Equal(60, whileDraft.GetProperty("achievement").GetDouble(), 6);

        var second = (await EstablishAsync(_kabid, "2026-04-10")).Ok().GetProperty("establishAgreement");
        Assert.Equal(1, second.GetProperty("revision").GetInt32());
        Assert.Equal(120, second.GetProperty("targets")[0].GetProperty("target").GetDouble());
        var afterRevision = await YearAsync();
        Assert.Equal(120, afterRevision.GetProperty("target").GetDouble());
        Assert.Equal(50, afterRevision.GetProperty("achievement").GetDouble(), 6);
        Assert.Equal("INVALID_INPUT", Code(await SetAnnualTargetAsync(_operator, 130)));

        var listed = (await Host.QueryAsAsync(_pimpinan, """{ agreements(year: 2026, unit: "REHSOS") { unit { code } revision state date revisedOn reason targets { target } } }"""))
            .Ok().GetProperty("agreements");
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal([100.0, 120.0], listed.EnumerateArray().Select(a => a.GetProperty("targets")[0].GetProperty("target").GetDouble()));
        Assert.Equal("refocusing anggaran", listed[1].GetProperty("reason").GetString());
        Assert.Equal("FORBIDDEN", Code(await Host.QueryAsAsync(_otherOperator, """{ agreements(year: 2026, unit: "PEMULIHAN") { revision } }""")));
        Assert.Equal(0, (await Host.QueryAsAsync(_otherOperator, "{ agreements(year: 2026) { revision } }")).Ok().GetProperty("agreements").GetArrayLength());

        // A year whose fourth triwulan is closed keeps its PK as it was.
        (await Host.QueryAsync("mutation { runRollup(year: 2025, quarter: 4) { revision } }")).Ok();
        Assert.StartsWith("year:", Assert.Single((await Host.QueryAsAsync(_kabid,
            "mutation { establishAgreement(unit: \"PEMULIHAN\", year: 2025, date: \"2025-01-06\") { revision } }")).ErrorMessages));

        var audit = (await Host.QueryAsync("""{ auditTrail(unit: "PEMULIHAN") { action user } }""")).Ok().GetProperty("auditTrail").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("user").GetString())).ToList();
        Assert.Equal(2, audit.Count(e => e == ("perjanjian kinerja ditetapkan", "kabid-rehsos")));
        Assert.Contains(("perubahan perjanjian kinerja dibuka", "kabid-rehsos"), audit);
    }

    [Fact]
    public async Task Given_budget_lines_Then_entries_are_checked_the_year_above_the_pagu_is_flagged_and_a_closed_triwulan_is_kept()
    {
        const string set = "mutation($i: BudgetLineInput!) { setBudgetLine(input: $i) { code pagu indicators { code } } }";
        object Line(string code = "1.06.02.2.01", double pagu = 1_250_000_000, string[]? indicators = null, string name = "Rehabilitasi sosial dasar") =>
            new { i = new { unit = "PEMULIHAN", year = 2026, code, name, pagu, indicators = indicators ?? ["PEMULIHAN-1"] } };

        Assert.Equal("FORBIDDEN", Code(await Host.QueryAsAsync(_otherOperator, set, Line())));
        Assert.Equal("FORBIDDEN", Code(await Host.QueryAsAsync(_pimpinan, set, Line())));
        Assert.StartsWith("input.code:", Assert.Single((await Host.QueryAsAsync(_operator, set, Line(code: "1.06 02"))).ErrorMessages));
        Assert.StartsWith("input.pagu:", Assert.Single((await Host.QueryAsAsync(_operator, set, Line(pagu: 1e13))).ErrorMessages));
        Assert.StartsWith("input.pagu:", Assert.Single((await Host.QueryAsAsync(_operator, set, Line(pagu: -5))).ErrorMessages));
        Assert.StartsWith("input.name:", Assert.Single((await Host.QueryAsAsync(_operator, set, Line(name: "  "))).ErrorMessages));
        Assert.StartsWith("input.indicators[0]:", Assert.Single((await Host.QueryAsAsync(_operator, set, Line(indicators: ["PELAYANAN-1"]))).ErrorMessages));
        var made = (await Host.QueryAsAsync(_operator, set, Line())).Ok().GetProperty("setBudgetLine");
        Assert.Equal(1_250_000_000, made.GetProperty("pagu").GetDouble());

        const string spend = "mutation($q: Int!, $a: Float!) { recordBudgetRealization(input: { unit: \"PEMULIHAN\", year: 2026, code: \"1.06.02.2.01\", quarter: $q, amount: $a }) "
            + "{ realizations realized serapan warning } }";
        Assert.StartsWith("input.amount:", Assert.Single((await Host.QueryAsAsync(_operator, spend, new { q = 1, a = -1.0 })).ErrorMessages));
        Assert.StartsWith("input.quarter:", Assert.Single((await Host.QueryAsAsync(_operator, spend, new { q = 5, a = 1.0 })).ErrorMessages));
        (await Host.QueryAsAsync(_operator, spend, new { q = 1, a = 500_000_000.0 })).Ok();
        var over = (await Host.QueryAsAsync(_operator, spend, new { q = 2, a = 800_000_000.0 })).Ok().GetProperty("recordBudgetRealization");
        Assert.Equal(1_300_000_000, over.GetProperty("realized").GetDouble());
        Assert.Equal(104, over.GetProperty("serapan").GetDouble(), 9);
        Assert.Contains("melebihi pagu", over.GetProperty("warning").GetString());

        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        Assert.StartsWith("input.quarter:", Assert.Single((await Host.QueryAsAsync(_operator, spend, new { q = 1, a = 1.0 })).ErrorMessages));
        Assert.StartsWith("code:", Assert.Single((await Host.QueryAsAsync(_operator,
            "mutation { removeBudgetLine(unit: \"PEMULIHAN\", year: 2026, code: \"1.06.02.2.01\") { code } }")).ErrorMessages));

        var lines = (await Host.QueryAsAsync(_kabid, "{ budgetLines(year: 2026) { unit { code } code realizations realized(quarter: 1) serapan(quarter: 1) } }"))
            .Ok().GetProperty("budgetLines");
        var line = Assert.Single(lines.EnumerateArray());
        Assert.Equal([500_000_000.0, 800_000_000.0], line.GetProperty("realizations").EnumerateArray().Take(2).Select(r => r.GetDouble()));
        Assert.Equal(40, line.GetProperty("serapan").GetDouble(), 9);
        Assert.Equal("FORBIDDEN", Code(await Host.QueryAsAsync(_otherOperator, """{ budgetLines(year: 2026, unit: "PEMULIHAN") { code } }""")));
    }

    [Fact]
    public async Task Given_a_Renstra_target_Then_a_period_overlapping_it_is_refused_and_the_years_within_read_it()
    {
        const string set = "mutation($f: Int!, $t: Int!, $v: Float!) { setRenstraTarget(indicator: \"PEMULIHAN-1\", fromYear: $f, toYear: $t, target: $v) { fromYear toYear target } }";
        Assert.Equal("FORBIDDEN", Code(await Host.QueryAsAsync(_otherOperator, set, new { f = 2025, t = 2029, v = 500.0 })));
        Assert.StartsWith("toYear:", Assert.Single((await Host.QueryAsAsync(_operator, set, new { f = 2025, t = 2024, v = 500.0 })).ErrorMessages));
        Assert.StartsWith("toYear:", Assert.Single((await Host.QueryAsAsync(_operator, set, new { f = 2020, t = 2029, v = 500.0 })).ErrorMessages));
        Assert.StartsWith("target:", Assert.Single((await Host.QueryAsAsync(_operator, set, new { f = 2025, t = 2029, v = 2e12 })).ErrorMessages));
        (await Host.QueryAsAsync(_operator, set, new { f = 2025, t = 2029, v = 500.0 })).Ok();
        Assert.StartsWith("fromYear:", Assert.Single((await Host.QueryAsAsync(_operator, set, new { f = 2027, t = 2031, v = 700.0 })).ErrorMessages));
        Assert.Equal(650, (await Host.QueryAsAsync(_operator, set, new { f = 2025, t = 2029, v = 650.0 })).Ok()
            .GetProperty("setRenstraTarget").GetProperty("target").GetDouble());

        var inPlan = (await Host.QueryAsync("""{ renstraTargets(year: 2026, unit: "REHSOS") { indicator { code } target } }""")).Ok().GetProperty("renstraTargets");
        Assert.Equal("PEMULIHAN-1", Assert.Single(inPlan.EnumerateArray()).GetProperty("indicator").GetProperty("code").GetString());
        Assert.Equal(0, (await Host.QueryAsync("{ renstraTargets(year: 2030) { target } }")).Ok().GetProperty("renstraTargets").GetArrayLength());
    }

    /// <summary>A workbook of one sheet: the first row the header, a string a text cell, a double a number cell.</summary>
    private static string Workbook(params object?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var package = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var book = package.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheet = book.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c] switch
                    {
                        null => new DocumentFormat.OpenXml.Spreadsheet.Cell { CellReference = reference },
                        double d => new DocumentFormat.OpenXml.Spreadsheet.Cell
                        {
                            CellReference = reference, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.Number,
                            CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(d),
                        },
                        var text => new DocumentFormat.OpenXml.Spreadsheet.Cell
                        {
                            CellReference = reference, DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                            InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text.ToString()!)),
                        },
                    });
                }
                data.Append(row);
            }
            sheet.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            book.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets()).Append(
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = book.GetIdOfPart(sheet), SheetId = 1, Name = "Anggaran" });
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static readonly object?[] Header = ["Kode", "Nama", "Pagu", "Indikator", "Realisasi TW I", "Realisasi TW II", "Realisasi TW III", "Realisasi TW IV"];

    private Task<GraphQLAnswer> ImportBudgetAsync(string token, string content, string fileName = "anggaran.xlsx") => Host.QueryAsAsync(token,
        "mutation($c: String!, $f: String!) { importBudget(unit: \"PEMULIHAN\", year: 2026, fileName: $f, contentBase64: $c) { added changed unchanged lines { code pagu realizations } } }",
        new { c = content, f = fileName });

    [Fact]
    public async Task Given_the_budget_workbook_Then_it_is_imported_whole_or_not_at_all_and_downloads_as_it_was_stored()
    {
        var good = Workbook(Header,
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "1.250.000.000", "PEMULIHAN-1", 150_000_000.5, "Rp 200.000.000", null, null],
            ["1.06.02.2.02", "Pembinaan eks penyakit sosial", 310_500_000.0, "", null, null, null, null]);
        Assert.Equal("FORBIDDEN", Code(await ImportBudgetAsync(_otherOperator, good)));

        var bad = await ImportBudgetAsync(_operator, Workbook(Header,
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar", "1.2345", "PEMULIHAN-1", null, null, null, null],
            ["1.06.02.2.02", "Pembinaan", 5_000.0, "PELAYANAN-1", null, null, null, null],
            ["1.06.02.2.02", "Pembinaan lagi", 5_000.0, "", "12.34.5", null, null, null],
            ["1.06.02.2.04", "Bukan anggaran", 5_000.0, "", null, null, null, "2e13"],
            ["1.06.02.2.05", "Nama\u009Btersembunyi", 5_000.0, "", null, null, null, null]));
        Assert.Equal("INVALID_INPUT", Code(bad));
        var reasons = bad.ErrorMessages.Single();
        Assert.Contains("file: baris 2, kolom Pagu: '1.2345' bukan jumlah rupiah", reasons);
        Assert.Contains("file: baris 3, kolom Indikator: PELAYANAN-1 milik unit PELAYANAN", reasons);
        Assert.Contains("file: baris 4, kolom Realisasi TW I: '12.34.5' bukan jumlah rupiah", reasons);
        Assert.Contains("file: baris 5, kolom Realisasi TW IV: '2e13' bukan jumlah rupiah", reasons);
        Assert.Contains("file: baris 6, kolom Nama: nama program, kegiatan atau sub-kegiatan memuat karakter kendali U+009B", reasons);
        Assert.Equal(0, (await Host.QueryAsync("{ budgetLines(year: 2026) { code } }")).Ok().GetProperty("budgetLines").GetArrayLength());

        var imported = (await ImportBudgetAsync(_operator, good)).Ok().GetProperty("importBudget");
        Assert.Equal(2, imported.GetProperty("added").GetInt32());
        var first = imported.GetProperty("lines")[0];
        Assert.Equal(1_250_000_000, first.GetProperty("pagu").GetDouble());
        Assert.Equal([150_000_000.5, 200_000_000.0], first.GetProperty("realizations").EnumerateArray().Take(2).Select(r => r.GetDouble()));
        Assert.Equal(310_500_000, imported.GetProperty("lines")[1].GetProperty("pagu").GetDouble());

        // The workbook downloaded holds what is stored, as numbers; imported back it changes nothing.
        var download = await Kinerja.Tests.Reports.Reports.GetAsync(Host, "/reports/anggaran.xlsx?year=2026&unit=PEMULIHAN", _operator);
        Assert.Equal(200, download.Status);
        using (var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(download.Content), false))
        {
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book));
            var cells = book.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .ToDictionary(c => c.CellReference!.Value!);
            Assert.Equal("1250000000", cells["C2"].CellValue!.Text);
            Assert.Equal("150000000.5", cells["E2"].CellValue!.Text);
            Assert.Equal("PEMULIHAN-1", cells["D2"].InnerText);
        }
        var again = (await ImportBudgetAsync(_operator, Convert.ToBase64String(download.Content))).Ok().GetProperty("importBudget");
        Assert.Equal((0, 0, 2), (again.GetProperty("added").GetInt32(), again.GetProperty("changed").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(403, (await Kinerja.Tests.Reports.Reports.GetAsync(Host, "/reports/anggaran.xlsx?year=2026&unit=PEMULIHAN", _otherOperator)).Status);

        // A closed triwulan's realisation is kept: the same figure passes, another is refused and nothing of the file is stored.
        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        var closed = await ImportBudgetAsync(_operator, Workbook(Header,
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar (perubahan)", "1.250.000.000", "PEMULIHAN-1", 175_000_000.0, null, null, null]));
        Assert.Contains("file: baris 2, kolom Realisasi TW I: triwulan I tahun 2026 sudah ditutup", Assert.Single(closed.ErrorMessages));
        Assert.Equal("Rehabilitasi Sosial Dasar", (await Host.QueryAsync("""{ budgetLines(year: 2026, unit: "PEMULIHAN") { name } }"""))
            .Ok().GetProperty("budgetLines")[0].GetProperty("name").GetString());
        var renamed = (await ImportBudgetAsync(_operator, Workbook(Header,
            ["1.06.02.2.01", "Rehabilitasi Sosial Dasar (perubahan)", "1.250.000.000", "PEMULIHAN-1", 150_000_000.5, null, "90.000.000,25", null])))
            .Ok().GetProperty("importBudget");
        Assert.Equal(1, renamed.GetProperty("changed").GetInt32());
        Assert.Equal(90_000_000.25, renamed.GetProperty("lines")[0].GetProperty("realizations")[2].GetDouble());
    }
}
