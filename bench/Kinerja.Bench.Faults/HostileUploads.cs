using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Kinerja.Bench.Faults;

/// <summary>
/// Uploads made to hurt others (issue 23), sent to a host process while an operator keeps entering figures: a CSV row of
/// hundreds of thousands of columns, an XLSX whose shared strings expand far past their limit, and a file of about 200 MB
/// whose every row is refused, answered once as JSON and once as CSV. It measures each of the operator's
/// recordRealization waits and the host's resident memory, sampled every 50 ms, phase by phase.
/// </summary>
internal sealed class HostileUploads(string root, Action<bool, string> check)
{
    private const string PmksHeader = "NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n";
    private const string OperatorName = "op-pmi-bench";
    private const string OperatorPassword = "kata-sandi-operator-bench";

    private static readonly string[] Phases = ["idle", "refused file, JSON", "refused file, CSV", "wide CSV row", "expanding XLSX", "after"];

    private readonly Dictionary<string, List<double>> _waits = new();
    private readonly Dictionary<string, long> _peakKilobytes = new();
    private readonly List<string> _failedEntries = [];
    private readonly Dictionary<string, int> _failedByPhase = new();
    private volatile string _phase = "";

    public async Task RunAsync(int refusedMegabytes, int hostileSeconds)
    {
        var data = Path.Combine(root, "hostile");
        var files = Path.Combine(root, "hostile-files");
        Directory.CreateDirectory(files);
        var wide = Path.Combine(files, "lebar.csv");
        var expanding = Path.Combine(files, "mengembang.xlsx");
        var refused = Path.Combine(files, "ditolak.csv");
        WriteWideRow(wide, columns: 400_000);
        WriteExpandingXlsx(expanding, sharedStrings: 20_000_000);
        var refusedRows = WriteRefusedRows(refused, refusedMegabytes * 1024L * 1024);
        Console.WriteLine($"  files: {Path.GetFileName(wide)} {Megabytes(wide)} (one row of 400,000 columns), {Path.GetFileName(expanding)} {Megabytes(expanding)} "
            + $"(20,000,000 shared strings, {20_000_000L * 16 / 1024 / 1024:N0} MB of XML), {Path.GetFileName(refused)} {Megabytes(refused)} ({refusedRows:N0} rows, each refused)");

        await HostProcess.CreateAdminAsync(data);
        await using var host = await HostProcess.StartAsync(data, TimeSpan.FromSeconds(120));
        using var admin = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(30) };
        await GraphQLClient.SignInAsync(admin);
        await GraphQLClient.DataAsync(admin, "mutation($u: String!, $p: String!) { createAccount(input: { username: $u, password: $p, roles: [\"operator\"], unit: \"PMI\" }) { username } }",
            new { u = OperatorName, p = OperatorPassword });
        using var operatorClient = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };
        var login = await GraphQLClient.DataAsync(operatorClient, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = OperatorName, p = OperatorPassword });
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("login").GetProperty("token").GetString());

        using var stop = new CancellationTokenSource();
        var memory = SampleMemoryAsync(host.ProcessId, stop.Token);
        var entries = EnterAsync(operatorClient, stop.Token);
        try
        {
            _phase = "idle";
            await Task.Delay(TimeSpan.FromSeconds(10));
            var idleKilobytes = _peakKilobytes.GetValueOrDefault("idle");

            _phase = "refused file, JSON";
            var json = await UploadAsync(admin, "pmks", refused, "text/csv", accept: "application/json");
            // Read leniently: a build before issue 23 (KINERJA_BENCH_HOST) answers every refusal and no refusedCount.
            var tally = json.Status == 200 ? JsonDocument.Parse(json.Body).RootElement : default;
            check(json.Status == 200 && tally.TryGetProperty("refusedCount", out var count) && count.GetInt64() == refusedRows
                    && tally.GetProperty("refused").GetArrayLength() == 1_000,
                $"{Path.GetFileName(refused)} answered as JSON in {json.Seconds:0.0} s: {json.Bytes:N0} bytes, the first 1,000 of {refusedRows:N0} refusals");

            _phase = "refused file, CSV";
            var csv = await UploadAsync(admin, "pmks", refused, "text/csv", accept: "text/csv");
            check(csv.Status == 200 && csv.Lines == refusedRows + 1,
                $"{Path.GetFileName(refused)} answered as CSV in {csv.Seconds:0.0} s: {csv.Bytes:N0} bytes, {csv.Lines - 1:N0} refused rows");

            _phase = "wide CSV row";
            var wideAnswers = await RepeatAsync(admin, "pmks", wide, "text/csv", hostileSeconds);
            check(wideAnswers.All(a => a.Status == 400 && a.Body.Contains("Kinerja:Registers:MaxColumns", StringComparison.Ordinal)),
                $"{wideAnswers.Count} uploads of {Path.GetFileName(wide)} refused with 400 naming Kinerja:Registers:MaxColumns (each {Times(wideAnswers)})");

            _phase = "expanding XLSX";
            var xlsxAnswers = await RepeatAsync(admin, "pmks", expanding, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", hostileSeconds);
            check(xlsxAnswers.All(a => a.Status == 400 && a.Body.Contains("Kinerja:Registers:MaxSharedStrings", StringComparison.Ordinal)),
                $"{xlsxAnswers.Count} uploads of {Path.GetFileName(expanding)} refused with 400 naming Kinerja:Registers:MaxSharedStrings (each {Times(xlsxAnswers)})");

            _phase = "after";
            await Task.Delay(TimeSpan.FromSeconds(5));
            await stop.CancelAsync();
            await Task.WhenAll(memory, entries);

            Console.WriteLine();
            Console.WriteLine($"  {"phase",-22} {"entries",8} {"failed",7} {"median",9} {"p95",9} {"max",9} {"host RSS peak",14}");
            foreach (var phase in Phases)
            {
                var waits = _waits.GetValueOrDefault(phase) ?? [];
                waits.Sort();
                Console.WriteLine($"  {phase,-22} {waits.Count,8} {_failedByPhase.GetValueOrDefault(phase),7} {Percentile(waits, 0.5),6:N0} ms {Percentile(waits, 0.95),6:N0} ms {(waits.Count > 0 ? waits[^1] : 0),6:N0} ms "
                    + $"{_peakKilobytes.GetValueOrDefault(phase) / 1024.0,10:N0} MB");
            }
            foreach (var phase in Phases[1..^1])
            {
                var waits = _waits.GetValueOrDefault(phase) ?? [];
                var failed = _failedByPhase.GetValueOrDefault(phase);
                check(waits.Count > 0 && failed == 0 && waits.Max() < 1_000,
                    $"{phase}: the operator's longest recordRealization wait is under 1 s ({(waits.Count > 0 ? waits.Max() : 0):N0} ms over {waits.Count} entries, {failed} failed)");
            }
            foreach (var phase in new[] { "refused file, JSON", "refused file, CSV" })
            {
                var rise = (_peakKilobytes.GetValueOrDefault(phase) - idleKilobytes) / 1024.0;
                check(rise < 100, $"{phase}: host memory flat, its peak {rise:N0} MB above idle ({idleKilobytes / 1024.0:N0} MB) for a {Megabytes(refused)} file");
            }
            check(_failedEntries.Count == 0, $"no entry failed{(_failedEntries.Count > 0 ? ": " + string.Join("; ", _failedEntries.Take(3)) : "")}");
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    /// <summary>The operator's entries, one every 200 ms, each timed from sending to its answer.</summary>
    private async Task EnterAsync(HttpClient client, CancellationToken stop)
    {
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var phase = _phase;
            var clock = Stopwatch.StartNew();
            try
            {
                GraphQLClient.Data(await GraphQLClient.PostAsync(client, GraphQLClient.Body(
                    "mutation($v: Float!) { recordRealization(input: { indicator: \"PMI-1\", year: 2027, quarter: 1, value: $v }) { value } }", new { v = i % 1000 })));
                lock (_waits)
                {
                    (_waits.TryGetValue(phase, out var list) ? list : _waits[phase] = []).Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is BenchCheckException or HttpRequestException or TaskCanceledException)
            {
                lock (_failedEntries)
                {
                    _failedEntries.Add($"{phase} after {clock.Elapsed.TotalSeconds:0.0} s: {e.Message}");
                    _failedByPhase[phase] = _failedByPhase.GetValueOrDefault(phase) + 1;
                }
            }
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The host's resident memory (VmRSS) every 50 ms, kept as each phase's peak.</summary>
    private async Task SampleMemoryAsync(int processId, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (ProcStatus.Kilobytes(processId, "VmRSS") is { } rss)
            {
                var phase = _phase;
                lock (_peakKilobytes)
                {
                    _peakKilobytes[phase] = Math.Max(_peakKilobytes.GetValueOrDefault(phase), rss);
                }
            }
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The same upload sent again and again by two clients at once for <paramref name="seconds"/>.</summary>
    private static async Task<List<Answer>> RepeatAsync(HttpClient client, string register, string file, string mediaType, int seconds)
    {
        var answers = new List<Answer>();
        var until = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (until.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var answer = await UploadAsync(client, register, file, mediaType, "application/json");
                lock (answers)
                {
                    answers.Add(answer);
                }
            }
        })));
        return answers;
    }

    private sealed record Answer(int Status, string Body, long Bytes, long Lines, double Seconds);

    /// <summary>One upload from disk; the answer is read as it comes, JSON kept whole, CSV only counted (it may be hundreds of megabytes).</summary>
    private static async Task<Answer> UploadAsync(HttpClient client, string register, string file, string mediaType, string accept)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        using var part = new StreamContent(stream, 1 << 16);
        part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var form = new MultipartFormDataContent { { part, "file", Path.GetFileName(file) } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/registers/{register}") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var kept = new MemoryStream();
        long bytes = 0, lines = 0;
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            if (accept != "text/csv" || kept.Length < 4096)
            {
                kept.Write(buffer, 0, read);
            }
        }
        return new Answer((int)response.StatusCode, Encoding.UTF8.GetString(kept.ToArray()), bytes, lines, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The PMKS header and one row of <paramref name="columns"/> cells: under the 1 MiB a CSV line may take.</summary>
    private static void WriteWideRow(string path, int columns)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(PmksHeader);
        for (var i = 0; i < columns; i++)
        {
            writer.Write("x,");
        }
        writer.Write('\n');
    }

    /// <summary>
    /// A workbook of one cell whose shared-string table holds <paramref name="sharedStrings"/> one-letter texts: a zip of
    /// under a megabyte that expands to hundreds of megabytes of XML, far past Kinerja:Registers:MaxSharedStrings, which
    /// the host finds only by reading up to it.
    /// </summary>
    private static void WriteExpandingXlsx(string path, int sharedStrings)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string Office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }
        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """);
        Part("_rels/.rels", $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{Office}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="{Office}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", $"""<Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{Office}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{Office}/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
        using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        // Without count and uniqueCount: a table that announces too many texts is refused before one is read, so the
        // file that costs the host most is one that does not say.
        strings.Write($"""<sst xmlns="{Main}">""");
        for (var i = 0; i < sharedStrings; i++)
        {
            strings.Write("<si><t>a</t></si>");
        }
        strings.Write("</sst>");
    }

    /// <summary>PMKS rows of about <paramref name="bytes"/> in all, each with a NIK of ten digits: every row is refused.</summary>
    private static long WriteRefusedRows(string path, long bytes)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(PmksHeader);
        long rows = 0;
        for (long written = PmksHeader.Length; written < bytes; rows++)
        {
            var row = $"{3525010000 + rows % 100000:D10},Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,\n";
            writer.Write(row);
            written += row.Length;
        }
        return rows;
    }

    private static string Megabytes(string path) => $"{new FileInfo(path).Length / 1024.0 / 1024.0:N1} MB";

    private static string Times(List<Answer> answers) => answers.Count == 0
        ? "none"
        : $"{answers.Min(a => a.Seconds):0.00}-{answers.Max(a => a.Seconds):0.00} s";

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
