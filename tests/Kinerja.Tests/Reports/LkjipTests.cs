using System.Text.Json;
using Kinerja.Shared.Data;
using Kinerja.Tests.Support;
using static Kinerja.Tests.Reports.Reports;

namespace Kinerja.Tests.Reports;

/// <summary>
/// The LKjIP draft over HTTP from the real host, on the README's sample data with a Renstra, the Kepala Dinas's PK established
/// and DPA lines with their realisation: the .docx passes OpenXmlValidator (its charts' embedded workbooks too), and every figure
/// it prints, in its tables and in its charts, is what the API answers (iku, agreements, renstraTargets, budgetLines), written
/// the Indonesian way by a formatter of the test's own.
/// </summary>
public abstract class LkjipTests(DatabaseEngine engine) : FreshHost(engine)
{
    public sealed class OnSqlite() : LkjipTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : LkjipTests(DatabaseEngine.PostgreSql);

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Amounts chosen so no serapan falls on a midpoint of its second decimal (850/1600 = 53,125 %): the test's formatter (N2) and
    // the reports' (#,##0.00) round such a midpoint apart.
    protected override async Task SeedAsync()
    {
        await ReportSample.LoadAsync(Host);
        (await Host.QueryAsync("""
            mutation {
              r1: setRenstraTarget(indicator: "IKU-1", fromYear: 2025, toYear: 2029, target: 90) { target }
              r2: setRenstraTarget(indicator: "IKU-2", fromYear: 2025, toYear: 2029, target: 75) { target }
              r3: setRenstraTarget(indicator: "IKU-3", fromYear: 2025, toYear: 2029, target: 95) { target }
              pk: establishAgreement(unit: "DINSOS", year: 2026, date: "2026-01-05") { state }
              b1: setBudgetLine(input: { unit: "DINSOS", year: 2026, code: "1.06.01", name: "Program penunjang urusan pemerintahan daerah kabupaten/kota",
                                         pagu: 2000000000, indicators: [] }) { code }
              b2: setBudgetLine(input: { unit: "REHSOS", year: 2026, code: "1.06.04.2.01", name: "Rehabilitasi sosial dasar penyandang disabilitas terlantar",
                                         pagu: 1250000000, indicators: ["REHSOS-1"] }) { code }
              b3: setBudgetLine(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.04.2.01.0003", name: "Pemulihan eks penyandang penyakit sosial",
                                         pagu: 350000000, indicators: ["PEMULIHAN-1"] }) { code }
              a1: recordBudgetRealization(input: { unit: "DINSOS", year: 2026, code: "1.06.01", quarter: 1, amount: 400000000 }) { code }
              a2: recordBudgetRealization(input: { unit: "REHSOS", year: 2026, code: "1.06.04.2.01", quarter: 1, amount: 300000000 }) { code }
              a3: recordBudgetRealization(input: { unit: "REHSOS", year: 2026, code: "1.06.04.2.01", quarter: 2, amount: 460000000 }) { code }
              a4: recordBudgetRealization(input: { unit: "PEMULIHAN", year: 2026, code: "1.06.04.2.01.0003", quarter: 1, amount: 100000000 }) { code }
            }
            """)).Ok();
    }

    private async Task<Download> LkjipAsync(string query = "?year=2026", string? token = null)
    {
        var download = await GetAsync(Host, "/reports/lkjip.docx" + query, token ?? await AdminTokenAsync(Host));
        Assert.True(download.Status == 200, $"{download.Status} {download.Text}");
        return download;
    }

    private async Task<JsonElement> IkuAsync(int year, int? quarter = null, bool cumulative = false)
    {
        var period = quarter is null ? "" : $", quarter: {quarter}, cumulative: {(cumulative ? "true" : "false")}";
        return (await Host.QueryAsync("{ iku(year: " + year + period + ") { indicator { code name goal lessIsBetter targetReading(year: 2026) } target value achievement predicate } }"))
            .Ok().GetProperty("iku");
    }

    private static string Figure(JsonElement value, string field, bool percent = false) => Indonesia(Number(value, field), percent: percent);

    // Whole rupiah, as the DPA writes them: Rp 1.250.000.000.
    private static string Rupiah(double? x) => x is { } v ? "Rp " + v.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) : "-";

    private static string Predicate(JsonElement value) => value.GetProperty("predicate").GetString() ?? "-";

    [Fact]
    public async Task Given_the_sample_Then_the_LKjIP_is_a_valid_docx_whose_IKU_figures_tables_and_charts_are_what_the_API_answers()
    {
        // Triwulan I closed, then IKU-1 made less-is-better: its TW I stays the snapshot's, the year is computed anew, in the API and the LKjIP alike.
        (await Host.QueryAsync("mutation { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        (await Host.QueryAsync("mutation { setPolarity(indicator: \"IKU-1\", lessIsBetter: true) { code } }")).Ok();
        var download = await LkjipAsync();
        var year = await IkuAsync(2026);
        var past = (await IkuAsync(2025)).EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetProperty("code").GetString()!);
        var renstra = (await Host.QueryAsync("""{ renstraTargets(year: 2026, unit: "DINSOS") { indicator { code } fromYear toYear target } }"""))
            .Ok().GetProperty("renstraTargets").EnumerateArray().ToDictionary(r => r.GetProperty("indicator").GetProperty("code").GetString()!);

        // Kept as the test's artefact beside the reports' pictures, to open in Word or LibreOffice.
        var folder = Path.Combine(Repository.Root, "TestResults", "reports");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"lkjip-2026-{Engine.ToString().ToLowerInvariant()}.docx"), download.Content);

        Assert.StartsWith(Docx, download.ContentType);
        Assert.Equal("lkjip-2026.docx", download.FileName);
        Assert.Equal("no-store", download.CacheControl);
        var book = new DocxBook(download.Content);
        Assert.True(book.ValidationErrors.Count == 0, string.Join("\n", book.ValidationErrors));
        Assert.Equal("LKjIP Dinas Sosial Kabupaten Gresik Tahun 2026", book.Title);
        Assert.Equal(["IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA", "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP"],
            book.Headings(1));
        Assert.Contains("4.1 Simpulan", book.Headings(2));
        Assert.Contains("4.2 Langkah di Masa Mendatang", book.Headings(2));
        Assert.Contains("halaman", book.Footer);

        // Bab III: the Pengukuran Kinerja, a row per IKU under its sasaran strategis, beside last year and the Renstra.
        var pengukuran = book.TableAfter("Tabel 3.1 Pengukuran Kinerja tahun 2026");
        Assert.Equal(["No", "Indikator Kinerja", "Satuan", "Tahun 2025", "Tahun 2026", "Renstra 2025-2029"], pengukuran.Rows[0].Where(c => c != "").ToList());
        Assert.Equal(["Realisasi", "Target", "Realisasi", "Capaian", "Predikat", "Target akhir", "Capaian"], pengukuran.Rows[1].Where(c => c != "").ToList());
        Assert.Equal(4, year.GetArrayLength());
        foreach (var iku in year.EnumerateArray())
        {
            var indicator = iku.GetProperty("indicator");
            var code = indicator.GetProperty("code").GetString()!;
            var row = pengukuran.Row(1, indicator.GetProperty("name").GetString()!);
            var plan = renstra.TryGetValue(code, out var p) ? p.GetProperty("target").GetDouble() : (double?)null;
            var value = Number(iku, "value");
            Assert.Equal(
                [
                    "%", Figure(past[code], "value"), Figure(iku, "target"), Figure(iku, "value"), Figure(iku, "achievement", percent: true), Predicate(iku),
                    Indonesia(plan), Indonesia(value is { } v && plan is { } t ? (indicator.GetProperty("lessIsBetter").GetBoolean() ? 2 * t - v : v) / t * 100 : null, percent: true),
                ],
                row.Skip(2));
            Assert.Contains($"Sasaran strategis", pengukuran.Rows.Single(r => r.Count == 1 && r[0].EndsWith(indicator.GetProperty("goal").GetString()!))[0]);
        }
        Assert.Contains(year.EnumerateArray(), i => Number(i, "achievement") is not null);
        Assert.Contains("Indikator ini makin kecil makin baik.", book.Text);
        Assert.Contains(pengukuran.Rows, r => r.Count > 9 && r[9] != "-");

        // Each IKU: its triwulan as its target reads them, in a table and in a chart of the same figures.
        var sample = await Host.QueryAsync("""{ analyses(year: 2026, unit: "DINSOS") { indicator faktorPendukung faktorPenghambat upayaTindakLanjut } }""");
        var analyses = sample.Ok().GetProperty("analyses").EnumerateArray().ToDictionary(a => a.GetProperty("indicator").GetString()!);
        Assert.Equal(4, book.Charts.Count);
        var n = 0;
        foreach (var iku in year.EnumerateArray())
        {
            var indicator = iku.GetProperty("indicator");
            var code = indicator.GetProperty("code").GetString()!;
            var perQuarter = indicator.GetProperty("targetReading").GetString() == "PER_QUARTER";
            var quarters = new List<JsonElement>();
            for (var q = 1; q <= 4; q++)
            {
                quarters.Add((await IkuAsync(2026, q, cumulative: !perQuarter)).EnumerateArray()
                    .Single(v => v.GetProperty("indicator").GetProperty("code").GetString() == code));
            }
            if (code == "IKU-1")
            {
                // The closed triwulan answers its snapshot's capaian, measured as more-is-better when it was frozen.
                Assert.Equal(Number(quarters[0], "value")!.Value / Number(quarters[0], "target")!.Value * 100, Number(quarters[0], "achievement")!.Value, 6);
            }
            var labels = perQuarter ? new[] { "TW I", "TW II", "TW III", "TW IV" } : ["TW I", "s.d. TW II", "s.d. TW III", "s.d. TW IV"];
            var table = book.TableAfter($"Tabel 3.{n + 2} Target dan realisasi {code} per triwulan tahun 2026");
            for (var q = 0; q < 4; q++)
            {
                Assert.Equal([Figure(quarters[q], "target"), Figure(quarters[q], "value"), Figure(quarters[q], "achievement", percent: true), Predicate(quarters[q])],
                    table.Row(0, labels[q]).Skip(1));
            }
            Assert.Equal([Figure(iku, "target"), Figure(iku, "value"), Figure(iku, "achievement", percent: true), Predicate(iku)],
                table.Row(0, "Tahun 2026").Skip(1));

            var chart = book.Charts[n];
            Assert.Equal($"{code}: target dan realisasi 2026", chart.Title);
            Assert.Equal(labels, chart.Categories);
            Assert.Equal(["Target", "Realisasi"], chart.Series.Select(s => s.Name));
            Assert.Equal(quarters.Select(v => Number(v, "target")), chart.Series[0].Values);
            Assert.Equal(quarters.Select(v => Number(v, "value")), chart.Series[1].Values);
            Assert.Empty(chart.WorkbookErrors);
            Assert.Contains($"Gambar 3.{n + 1} Target dan realisasi {code} per triwulan tahun 2026", book.Text);

            var analysis = analyses[code];
            foreach (var (label, field) in new[]
            {
                ("Faktor pendukung:", "faktorPendukung"), ("Faktor penghambat:", "faktorPenghambat"), ("Upaya tindak lanjut:", "upayaTindakLanjut"),
            })
            {
                Assert.Contains($"{label} {analysis.GetProperty(field).GetString()}", book.Text);
            }
            n++;
        }
    }

    [Fact]
    public async Task Given_the_sample_Then_Bab_I_and_II_hold_the_catalog_s_Dinas_and_the_established_PK_of_the_Kepala_Dinas()
    {
        var book = new DocxBook((await LkjipAsync()).Content);
        var units = (await Host.QueryAsync("{ units { code name tugas fungsi } }")).Ok().GetProperty("units").EnumerateArray().ToList();
        var agreement = Assert.Single((await Host.QueryAsync(
                """{ agreements(year: 2026, unit: "DINSOS") { unit { code } name state date targets { indicator { code name } target } } }"""))
            .Ok().GetProperty("agreements").EnumerateArray(), a => a.GetProperty("unit").GetProperty("code").GetString() == "DINSOS");

        var dinas = units.Single(u => u.GetProperty("code").GetString() == "DINSOS");
        var tugas = dinas.GetProperty("tugas").GetString()!;
        Assert.Contains($"Dinas Sosial Kabupaten Gresik mempunyai tugas {char.ToLowerInvariant(tugas[0])}{tugas[1..]}", book.Text);
        Assert.All(dinas.GetProperty("fungsi").EnumerateArray(), f => Assert.Contains(f.GetString()!, book.Text));
        var structure = book.TableAfter("Susunan organisasi");
        Assert.All(units, u => Assert.Contains(structure.Rows, r => r[0] == u.GetProperty("name").GetString()));
        Assert.Equal(["Dinas Sosial Kabupaten Gresik", "Kepala Dinas Sosial Kabupaten Gresik", "Dra. Siti Aminah, M.Si."], structure.Rows[1]);

        Assert.Equal("DITETAPKAN", agreement.GetProperty("state").GetString());
        Assert.Contains("Perjanjian Kinerja Kepala Dinas Sosial Kabupaten Gresik tahun 2026 (PK awal) ditetapkan tanggal 5 Januari 2026 oleh "
            + "Dra. Siti Aminah, M.Si., Kepala Dinas Sosial Kabupaten Gresik, selaku pihak pertama, dan Fandi Akhmad Yani, S.E., Bupati Gresik, "
            + "selaku pihak kedua.", book.Text);
        var pk = book.TableAfter("Tabel 2.2 Perjanjian Kinerja tahun 2026");
        foreach (var target in agreement.GetProperty("targets").EnumerateArray())
        {
            Assert.Equal([target.GetProperty("indicator").GetProperty("name").GetString()!, "%", Indonesia(Number(target, "target"))],
                pk.Row(2, target.GetProperty("indicator").GetProperty("name").GetString()!).Skip(2));
        }
        Assert.Contains("didukung pagu DPA tahun 2026 sebesar Rp 3.600.000.000 (3 baris; rinciannya pada Bab III)", book.Text);

        var plan = book.TableAfter("Tabel 2.1 Target akhir Rencana Strategis");
        Assert.Equal(["%", "2025-2029", "90,00"], plan.Row(1, "Persentase rehabilitasi terhadap jumlah PMKS").Skip(2));
        Assert.Equal(["%", "-", "-"], plan.Row(1, "Persentase Lembaga Kesejahteraan Sosial yang di bina").Skip(2));
    }

    [Fact]
    public async Task Given_DPA_lines_Then_Bab_III_prints_each_with_its_pagu_realisation_and_serapan_and_the_efficiency_of_each_IKU()
    {
        var book = new DocxBook((await LkjipAsync()).Content);
        var lines = (await Host.QueryAsync("{ budgetLines(year: 2026) { unit { name } code name pagu realized serapan indicators { code } } }"))
            .Ok().GetProperty("budgetLines").EnumerateArray().ToList();
        var rules = (await Host.QueryAsync("{ tree(year: 2026) { indicator { code } numerator denominator } }")).Ok().GetProperty("tree").EnumerateArray()
            .ToDictionary(r => r.GetProperty("indicator").GetProperty("code").GetString()!,
                r => new[] { r.GetProperty("numerator").GetString(), r.GetProperty("denominator").GetString() }
                    .OfType<string>().Where(rule => rule.Contains(':') && !rule.StartsWith("base:", StringComparison.Ordinal))
                    .SelectMany(rule => rule[(rule.IndexOf(':') + 1)..].Split(',')).ToList());
        var year = await IkuAsync(2026);

        var budget = book.TableAfter("Tabel 3.6 Realisasi anggaran tahun 2026");
        Assert.Equal(3, lines.Count);
        foreach (var line in lines)
        {
            var row = budget.Row(1, line.GetProperty("code").GetString()!);
            Assert.Equal(
                [
                    line.GetProperty("name").GetString()!,
                    line.GetProperty("indicators").GetArrayLength() == 0
                        ? "-"
                        : string.Join(", ", line.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString())),
                    Rupiah(Number(line, "pagu")), Rupiah(Number(line, "realized")), Indonesia(Number(line, "serapan"), percent: true),
                ],
                row.Skip(2));
            Assert.Contains(budget.Rows, r => r.Count == 1 && r[0] == line.GetProperty("unit").GetProperty("name").GetString());
        }
        var pagu = lines.Sum(l => l.GetProperty("pagu").GetDouble());
        var spent = lines.Sum(l => l.GetProperty("realized").GetDouble());
        Assert.Equal(["Jumlah", "", Rupiah(pagu), Rupiah(spent), Indonesia(spent / pagu * 100, percent: true)],
            budget.Rows[^1].Skip(2));
        Assert.Contains($"Pagu DPA Dinas Sosial Kabupaten Gresik tahun 2026 sebesar {Rupiah(pagu)}, terealisasi {Rupiah(spent)} sampai triwulan II", book.Text);

        // A line serves an IKU when it serves the IKU or an indicator below it in the year's pohon kinerja; it is counted whole for each.
        var efficiency = book.TableAfter("Tabel 3.7 Capaian kinerja dan serapan anggaran per IKU tahun 2026");
        var served = 0;
        foreach (var iku in year.EnumerateArray())
        {
            var code = iku.GetProperty("indicator").GetProperty("code").GetString()!;
            var below = new HashSet<string>();
            var open = new Stack<string>([code]);
            while (open.TryPop(out var c))
            {
                if (below.Add(c))
                {
                    rules.GetValueOrDefault(c)?.ForEach(open.Push);
                }
            }
            var serving = lines.Where(l => l.GetProperty("indicators").EnumerateArray().Any(i => below.Contains(i.GetProperty("code").GetString()!))).ToList();
            var label = $"{code}: {iku.GetProperty("indicator").GetProperty("name").GetString()}";
            if (serving.Count == 0)
            {
                Assert.DoesNotContain(efficiency.Rows, r => r.Count > 1 && r[1] == label);
                continue;
            }
            served++;
            var linePagu = serving.Sum(l => l.GetProperty("pagu").GetDouble());
            var lineSpent = serving.Sum(l => l.GetProperty("realized").GetDouble());
            var serapan = lineSpent / linePagu * 100;
            var achievement = Number(iku, "achievement");
            var points = achievement is { } a ? a - serapan : (double?)null;
            Assert.Equal(
                [
                    Indonesia(achievement, percent: true), Rupiah(linePagu), Rupiah(lineSpent), Indonesia(serapan, percent: true), Indonesia(points),
                ],
                efficiency.Row(1, label).Skip(2));
        }
        Assert.True(served >= 1, "contoh seharusnya memberi paling sedikit satu IKU dengan anggaran");
    }

    [Fact]
    public async Task Given_the_read_rule_and_bad_parameters_Then_the_LKjIP_is_refused_as_other_reports_are()
    {
        var seksi = await Host.SignInAsync("op-pemulihan", "operator", "PEMULIHAN");
        var pimpinan = await Host.SignInAsync("kadis", "pimpinan", "DINSOS");

        Assert.Equal(403, (await GetAsync(Host, "/reports/lkjip.docx?year=2026", seksi)).Status);
        Assert.Equal(401, (await GetAsync(Host, "/reports/lkjip.docx?year=2026", null)).Status);
        Assert.Empty(new DocxBook((await LkjipAsync(token: pimpinan)).Content).ValidationErrors);
        foreach (var (query, field, reason) in new[]
        {
            ("/reports/lkjip.pdf?year=2026", "format", "pilih format docx"),
            ("/reports/lkjip.docx?year=2026&quarter=2", "quarter", "LKjIP melaporkan setahun penuh"),
            ("/reports/lkjip.docx?year=2026&unit=REHSOS", "unit", "LKjIP adalah laporan Dinas (DINSOS)"),
            ("/reports/lkjip.docx", "year", "tahun wajib diisi"),
        })
        {
            var refused = await GetAsync(Host, query, await AdminTokenAsync(Host));
            Assert.Equal(400, refused.Status);
            Assert.Contains(refused.Json.GetProperty("fields").EnumerateArray(),
                f => f.GetProperty("field").GetString() == field && f.GetProperty("reason").GetString()!.Contains(reason));
        }
    }

    [Fact]
    public async Task Given_no_plan_yet_Then_the_draft_says_what_is_missing_and_stays_valid()
    {
        // A year with nothing entered: no Renstra, no PK, no DPA, no analysis; the draft says so and keeps its headings.
        var book = new DocxBook((await LkjipAsync("?year=2031")).Content);

        Assert.True(book.ValidationErrors.Count == 0, string.Join("\n", book.ValidationErrors));
        Assert.Contains("Perjanjian Kinerja Kepala Dinas Sosial tahun 2031 belum ditetapkan di Kinerja (DRAF)", book.Text);
        Assert.Contains("Baris DPA tahun 2031 belum dicatat di Kinerja", book.Text);
        Assert.Contains("Target Renstra yang memuat tahun 2031 belum dicatat", book.Text);
        Assert.Contains("Faktor pendukung: [belum diisi", book.Text);
        Assert.Equal(4, book.Charts.Count);
        Assert.All(book.Charts, c => Assert.Empty(c.WorkbookErrors));
        Assert.Contains(book.Lines, l => l.Style == "Hint");
    }
}
