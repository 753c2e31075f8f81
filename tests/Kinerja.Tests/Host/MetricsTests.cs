using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Tests.Host;

/// <summary>/metrics scraped after a known mix of requests shows the counts of that mix.</summary>
public abstract partial class MetricsTests(DatabaseEngine engine)
{
    public sealed class OnSqlite() : MetricsTests(DatabaseEngine.Sqlite);

    public sealed class OnPostgreSql() : MetricsTests(DatabaseEngine.PostgreSql);

    private static readonly Dictionary<string, string?> Enabled = new() { ["Kinerja:Metrics:Enabled"] = "true" };

    // The last day of the year: every triwulan of 2026 has ended and may be rolled up.
    private static readonly DateTimeOffset YearEnd = new(2026, 12, 31, 12, 0, 0, TimeSpan.FromHours(7));

    private const string PmksFile = """
        NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai
        3525015203850001,Siti Aminah,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
        3525015203850002,Sri Wahyuni,P,1985-03-12,Cerme Kidul,Cerme,Fakir Miskin,2025-01-10,
        3525060107900002,Ahmad Fauzi,L,1990-07-01,Boboh,Kota Lama,Fakir Miskin,2024-05-01,
        """;

    [Fact]
    public async Task Given_a_known_mix_of_requests_Then_the_scrape_shows_its_counts()
    {
        await using var host = new KinerjaHost(engine: engine, settings: Enabled, now: YearEnd);
        var admin = await host.SignInAsync("admin-metrik", Roles.Admin, null);
        var other = await host.SignInAsync("op-metrik", Roles.Operator, "PEMULIHAN");

        // Three reads of one kept shape: the first learns it, the second keeps its answer, the third is answered from it.
        for (var i = 0; i < 3; i++)
        {
            (await host.QueryAsAsync(admin, "query Triwulan { quarters(year: 2026) { quarter closed } }")).Ok();
        }
        Assert.True((await host.QueryAsAsync(admin, "query Rusak { tidakAda }")).HasErrors);
        (await host.QueryAsAsync(admin, "mutation Rollup { runRollup(year: 2026, quarter: 1) { revision } }")).Ok();
        // Refused: a closed triwulan, a negative count, another unit's indicator.
        const string Entry = """mutation Isi($q: Int!, $v: Float!) { isian: recordRealization(input: { indicator: "KELEMBAGAAN-1", year: 2026, quarter: $q, value: $v }) { status } }""";
        Assert.Contains("ditutup", string.Join(" ", (await host.QueryAsAsync(admin, Entry, new { q = 1, v = 5 })).ErrorMessages), StringComparison.OrdinalIgnoreCase);
        Assert.True((await host.QueryAsAsync(admin, Entry, new { q = 2, v = -1 })).HasErrors);
        Assert.True((await host.QueryAsAsync(other, Entry, new { q = 2, v = 5 })).HasErrors);
        using (var client = host.CreateClient())
        using (var upload = new HttpRequestMessage(HttpMethod.Post, "/registers/pmks"))
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(PmksFile)), "file", "pmks.csv" } };
            upload.Content = form;
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var answer = await client.SendAsync(upload);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        var version = await host.Services.GetRequiredService<IDataVersion>().CurrentAsync(CancellationToken.None);

        // The last request's own metrics are recorded as its answer goes out: read until they are there.
        var scrape = await Eventually.MatchesAsync(async () => Scrape.Parse(await GetTextAsync(host, admin)),
            s => s.Sum("kinerja_graphql_operations_total") == 10 && s.Sum("http_server_request_duration_seconds_count", ("http_route", "/graphql")) == 10,
            "ten GraphQL operations counted by Kinerja and by ASP.NET Core");

        Assert.Equal(2, scrape.Sum("kinerja_graphql_operations_total", ("operation", "(tanpa nama)"), ("outcome", "ok"))); // the two logins
        Assert.Equal(3, scrape.Sum("kinerja_graphql_operations_total", ("operation", "Triwulan"), ("outcome", "ok")));
        Assert.Equal(1, scrape.Sum("kinerja_graphql_operations_total", ("operation", "Rusak"), ("outcome", "invalid")));
        Assert.Equal(1, scrape.Sum("kinerja_graphql_operations_total", ("operation", "Rollup"), ("outcome", "ok")));
        Assert.Equal(3, scrape.Sum("kinerja_graphql_operations_total", ("operation", "Isi"), ("outcome", "error")));
        Assert.Equal(1, scrape.Sum("kinerja_kept_answers_hits_total"));
        // Tagged by the schema's field, not the client's alias.
        Assert.Equal(2, scrape.Sum("kinerja_entries_refused_total", ("field", "recordRealization"), ("code", "INVALID_INPUT")));
        Assert.Equal(1, scrape.Sum("kinerja_entries_refused_total", ("field", "recordRealization"), ("code", "FORBIDDEN")));
        Assert.Equal(0, scrape.Sum("kinerja_entries_refused_total", ("field", "isian")));
        Assert.Equal(1, scrape.Sum("kinerja_rollups_total", ("trigger", "manual"), ("outcome", "done")));
        Assert.Equal(1, scrape.Sum("kinerja_rollups_total"));
        Assert.Equal(1, scrape.Sum("kinerja_rollup_duration_seconds_count", ("trigger", "manual")));
        Assert.True(scrape.Sum("kinerja_rollup_duration_seconds_sum") > 0);
        Assert.Equal(1, scrape.Sum("kinerja_imports_total", ("register", "pmks")));
        Assert.Equal(2, scrape.Sum("kinerja_imports_rows_total", ("register", "pmks"), ("outcome", "accepted")));
        Assert.Equal(1, scrape.Sum("kinerja_imports_rows_total", ("register", "pmks"), ("outcome", "refused")));
        Assert.Equal(0, scrape.Sum("kinerja_writers_queued"));
        Assert.True(scrape.Has("kinerja_writers_queued"), "kinerja_writers_queued is exported");
        Assert.Equal(version, scrape.Sum("kinerja_data_version"));
        Assert.Equal(1, scrape.Sum("http_server_request_duration_seconds_count", ("http_route", "/registers/{register}"), ("http_response_status_code", "200")));
    }

    [Fact]
    public async Task Given_metrics_not_enabled_Then_metrics_is_404_even_to_an_administrator()
    {
        await using var host = new KinerjaHost(engine: engine);
        var admin = await host.SignInAsync("admin-metrik", Roles.Admin, null);

        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Given_an_address_not_allowed_Then_metrics_answers_an_administrator_only_and_refuses_others_without_a_body()
    {
        using var data = new TempDirectory();
        var (host, client) = Serve(data, new Dictionary<string, string?>(Enabled) { ["Kinerja:Metrics:AllowedAddresses"] = "192.0.2.1, 198.51.100.0/24" });
        await using (host)
        using (client)
        {
            var admin = await host.SignInAsync("admin-metrik", Roles.Admin, null);
            var operatorToken = await host.SignInAsync("op-metrik", Roles.Operator, "PEMULIHAN");

            var (anonymous, anonymousBody) = await GetAsync(client, null);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
            Assert.Equal("", anonymousBody);
            var (forged, _) = await GetAsync(client, "bukan.token.sah");
            Assert.Equal(HttpStatusCode.Unauthorized, forged);
            var (refused, refusedBody) = await GetAsync(client, operatorToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused);
            Assert.Equal("", refusedBody);

            var (answered, text) = await GetAsync(client, admin);
            Assert.Equal(HttpStatusCode.OK, answered);
            Assert.True(Scrape.Parse(text).Sum("kinerja_graphql_operations_total") >= 2, text); // the two logins at least
        }
    }

    [Fact]
    public async Task Given_the_default_allowed_addresses_Then_a_loopback_client_is_answered_without_a_token()
    {
        using var data = new TempDirectory();
        var (host, client) = Serve(data, Enabled);
        await using (host)
        using (client)
        {
            var (status, text) = await GetAsync(client, null);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(Scrape.Parse(text).Has("kinerja_data_version"), text);
        }
    }

    [Fact]
    public async Task Given_a_known_proxy_Then_the_forwarded_client_address_decides()
    {
        using var data = new TempDirectory();
        var (host, client) = Serve(data, new Dictionary<string, string?>(Enabled)
        {
            ["Kinerja:Proxy:KnownProxies"] = "127.0.0.1",
            ["Kinerja:Metrics:AllowedAddresses"] = "10.1.0.0/24",
        });
        await using (host)
        using (client)
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, null, forwardedFor: "10.1.0.5")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, null, forwardedFor: "203.0.113.9")).Status);
            // The proxy itself (loopback) is not allowed here.
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(client, null)).Status);
        }
    }

    [Theory]
    [InlineData("Kinerja:Metrics:AllowedAddresses", "kantor-dinas")]
    [InlineData("Kinerja:Metrics:AllowedAddresses", "10.0.0.0/99")]
    [InlineData("Kinerja:Metrics:Enabled", "ya")]
    public async Task Given_an_invalid_metrics_setting_Then_the_host_does_not_start_and_names_the_setting(string setting, string value)
    {
        await using var host = new KinerjaHost(engine: engine, settings: new Dictionary<string, string?>(Enabled) { [setting] = value });

        var refused = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var messages = string.Join(" | ", Chain(refused).Select(e => e.Message));
        Assert.Contains($"{setting}: '{value}'", messages);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>A host on a real loopback port, so that requests have a client address.</summary>
    private (KinerjaHost Host, HttpClient Client) Serve(TempDirectory data, IReadOnlyDictionary<string, string?> settings)
    {
        var host = new KinerjaHost(data.Path, settings: settings, engine: engine);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (host, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string? token, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> GetTextAsync(KinerjaHost host, string token)
    {
        using var client = host.CreateClient();
        var (status, body) = await GetAsync(client, token);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>The samples of a scrape in Prometheus's text format: name, labels and value of each line.</summary>
    private sealed partial class Scrape(List<(string Name, Dictionary<string, string> Labels, double Value)> samples)
    {
        public static Scrape Parse(string text) => new([.. text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value,
                Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))]);

        public bool Has(string name) => samples.Exists(s => s.Name == name);

        /// <summary>The sum of the samples of <paramref name="name"/> that carry every one of <paramref name="labels"/>.</summary>
        public double Sum(string name, params (string Label, string Value)[] labels) => samples
            .Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Sum(s => s.Value);

        public override string ToString() => string.Join("\n", samples.Where(s => s.Name.StartsWith("kinerja_", StringComparison.Ordinal)
            || s.Name == "http_server_request_duration_seconds_count").Select(s => $"{s.Name}{{{string.Join(",", s.Labels.Select(l => $"{l.Key}={l.Value}"))}}} {s.Value}"));

        [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
        private static partial Regex Sample();

        [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
        private static partial Regex Label();
    }
}

/// <summary>What a client can make of the operation tag: a bounded set, whatever names it sends.</summary>
public sealed class OperationTagTests
{
    [Fact]
    public void Given_ever_new_operation_names_Then_past_the_first_200_they_share_one_tag_as_do_names_that_are_not_GraphQL_names()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var tags = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "kinerja.graphql.operations")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, measured, _) =>
            tags.Add(measured.ToArray().Single(t => t.Key == "operation").Value as string ?? "null"));
        listener.Start();
        var metrics = new Kinerja.Shared.Diagnostics.KinerjaMetrics(factory);

        for (var i = 0; i < 250; i++)
        {
            metrics.GraphQLOperation($"Acak{i}", "ok");
        }
        metrics.GraphQLOperation("Acak3", "ok"); // seen among the first: still its own
        metrics.GraphQLOperation(new string('A', 65), "ok");
        metrics.GraphQLOperation("bukan nama; DROP", "ok");
        metrics.GraphQLOperation(null, "ok");

        Assert.Equal(200, tags.Take(250).Distinct().Count(t => t != "(lain)"));
        Assert.Equal(50, tags.Take(250).Count(t => t == "(lain)"));
        Assert.Equal(["Acak3", "(lain)", "(lain)", "(tanpa nama)"], tags.Skip(250));
    }
}
