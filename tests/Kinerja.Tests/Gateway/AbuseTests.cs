using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using Autofac;
using Kinerja.Modules.Accounts;
using Kinerja.Shared.Security;
using Kinerja.Tests.Support;

namespace Kinerja.Tests.Gateway;

/// <summary>A signed-in account cannot make the host work without end: costs, a budget, a rate, a time limit.</summary>
public sealed class AbuseTests
{
    // The heaviest screen of the front end: the pohon kinerja of a triwulan, three levels with every figure.
    private const string Value = "numerator denominator value target achievement predicate status numeratorRule denominatorRule source denominatorSource verification kecamatan year quarter cumulative";

    private const string PohonKinerja = $$"""
        { me { username roles unit }
          quarters(year: 2026) { quarter closed changedAt revision }
          sources(year: 2026) { code year source }
          iku(year: 2026, quarter: 2, cumulative: true) {
            indicator { code name level kind unit { code name } } {{Value}}
            contributions { indicator { code name level kind } {{Value}}
              contributions { indicator { code name level kind } {{Value}}
                contributions { indicator { code name level kind } {{Value}} } } } } }
        """;

    [Fact]
    public async Task Given_the_default_budget_Then_the_pohon_kinerja_screen_passes_and_a_thousand_aliased_iku_are_refused_before_they_run()
    {
        await using var host = new KinerjaHost();

        (await host.QueryAsync(PohonKinerja)).Ok();

        var aliases = new StringBuilder("{");
        for (var i = 0; i < 1000; i++)
        {
            aliases.Append(System.Globalization.CultureInfo.InvariantCulture, $" a{i}: iku(year: 2026) {{ value }}");
        }
        var refused = await host.QueryAsync(aliases.Append(" }").ToString());

        Assert.False(refused.Root.TryGetProperty("data", out _), refused.Body[..Math.Min(300, refused.Body.Length)]);
        Assert.Contains("complex", Assert.Single(refused.ErrorMessages), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Given_a_rate_limit_Then_an_account_over_it_is_refused_with_429_and_another_account_is_not()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:RateLimit:PermitsPerMinute"] = "3" });
        var busy = await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        var other = await host.SignInAsync("op-verval", Roles.Operator, "VERVAL");

        for (var i = 0; i < 3; i++)
        {
            (await host.QueryAsAsync(busy, "{ me { username } }")).Ok();
        }
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ me { username } }" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", busy);
        using var response = await client.SendAsync(request);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Terlalu banyak permintaan", await response.Content.ReadAsStringAsync());
        (await host.QueryAsAsync(other, "{ me { username } }")).Ok();
    }

    [Fact]
    public async Task Given_a_rate_limit_Then_reports_and_register_uploads_count_with_graphql_for_the_same_account()
    {
        await using var host = new KinerjaHost(settings: new Dictionary<string, string?> { ["Kinerja:RateLimit:PermitsPerMinute"] = "3" });
        var busy = await host.SignInAsync("op-verval", Roles.Operator, "VERVAL");
        var other = await host.SignInAsync("op-pmi", Roles.Operator, "PMI");
        using var client = host.CreateClient();

        async Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return await client.SendAsync(request);
        }

        (await host.QueryAsAsync(busy, "{ me { username } }")).Ok();
        using var upload = await SendAsync(busy, HttpMethod.Post, "/registers/pmks", new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("NIK,Nama,Jenis Kelamin,Tanggal Lahir,Desa,Kecamatan,Kategori PMKS,Tanggal Mulai,Tanggal Selesai\n")), "file", "pmks.csv" },
        });
        Assert.Equal(200, (int)upload.StatusCode);
        using var report = await SendAsync(busy, HttpMethod.Get, "/reports/pengukuran-kinerja.html?year=2026&unit=VERVAL");
        Assert.NotEqual(429, (int)report.StatusCode);

        using var overReports = await SendAsync(busy, HttpMethod.Get, "/reports/pengukuran-kinerja.html?year=2026&unit=VERVAL");
        using var overUploads = await SendAsync(busy, HttpMethod.Post, "/registers/pmks", new MultipartFormDataContent());
        foreach (var over in new[] { overReports, overUploads })
        {
            Assert.Equal(429, (int)over.StatusCode);
            Assert.NotNull(over.Headers.RetryAfter);
            Assert.Contains("Terlalu banyak permintaan", await over.Content.ReadAsStringAsync());
        }
        Assert.Equal(429, (await host.QueryAsAsync(busy, "{ me { username } }")).StatusCode);
        using var otherReport = await SendAsync(other, HttpMethod.Get, "/reports/pengukuran-kinerja.html?year=2026&unit=PMI");
        Assert.NotEqual(429, (int)otherReport.StatusCode);
    }

    [Fact]
    public async Task Given_no_account_Then_a_body_over_16_KiB_is_refused_with_a_length_or_without_one_and_a_login_passes()
    {
        await using var host = new KinerjaHost();
        await host.CreateAccountAsync("op-pmi", [Roles.Operator], "PMI");
        var login = $$"""{"query": "mutation { login(username: \"op-pmi\", password: \"{{KinerjaHost.TestPassword}}\") { token } }"}""";
        var padded = login[..^1] + $", \"operationName\": null{new string(' ', 20_000)}}}";
        using var client = host.CreateClient();

        async Task<(int Status, string Body)> PostAsync(HttpContent content, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var small = await PostAsync(new UnsizedContent(login));
        Assert.Equal(200, small.Status);
        var token = System.Text.Json.JsonDocument.Parse(small.Body).RootElement.GetProperty("data").GetProperty("login").GetProperty("token").GetString();
        foreach (HttpContent content in new HttpContent[] { new StringContent(padded, Encoding.UTF8, "application/json"), new UnsizedContent(padded) })
        {
            var refused = await PostAsync(content);
            Assert.Equal(413, refused.Status);
            Assert.Contains("Kinerja:Security:AnonymousMaxRequestBytes", refused.Body);
        }
        // With an account the body may be as large as any GraphQL request.
        var me = await PostAsync(new UnsizedContent($$"""{"query": "{ me { username } }"{{new string(' ', 20_000)}}}"""), token);
        Assert.Equal(200, me.Status);
        Assert.Contains("op-pmi", me.Body);
    }

    /// <summary>A JSON body sent without a Content-Length, as a client streaming it would.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(string json)
        {
            _bytes = Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>
    /// Holds an entry of PMI-1 or PMI-2 in its change until the request's time limit has passed (the token the change
    /// runs with is cancelled), then lets it give up (PMI-1) or go on to be stored (PMI-2): a request surely over its
    /// limit, cut short on either side of its commit, however fast or slow the machine. Says what it saw in <paramref name="seen"/>.
    /// </summary>
    private sealed class HeldPastTheLimit(IAuditTrail inner, ConcurrentQueue<string> seen) : IAuditTrail
    {
        public async Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken cancellationToken)
        {
            if (entry.Code is not ("PMI-1" or "PMI-2"))
            {
                await inner.RecordAsync(caller, entry, cancellationToken);
                return;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                seen.Enqueue($"{entry.Code} reached after the limit had passed: the test's limit is too short");
            }
            try
            {
                // Ends when the limit cancels the token; two minutes at most, should the limit never reach the change.
                await Task.Delay(TimeSpan.FromMinutes(2), cancellationToken);
                seen.Enqueue($"{entry.Code} not cut short by the time limit");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                seen.Enqueue($"{entry.Code} held until the limit");
                if (entry.Code == "PMI-1")
                {
                    throw;
                }
            }
            await inner.RecordAsync(caller, entry, CancellationToken.None);
        }
    }

    private static string Entry(string indicator) =>
        $$"""mutation { recordRealization(input: { indicator: "{{indicator}}", year: 2026, quarter: 1, value: 3 }) { status } }""";

    [Fact]
    public async Task Given_a_time_limit_Then_a_request_over_it_is_stopped_and_says_whether_its_change_was_stored()
    {
        using var data = new TempDirectory();
        string token;
        // Signed in on a host without the limit: the login is not what is timed here.
        await using (var setup = new KinerjaHost(data.Path))
        {
            token = await setup.SignInAsync("admin-waktu", Roles.Admin, null);
        }
        var seen = new ConcurrentQueue<string>();
        await using var host = new KinerjaHost(data.Path, settings: new Dictionary<string, string?> { ["Kinerja:GraphQL:TimeLimitSeconds"] = "2" },
            container: c => c.Register(x => new HeldPastTheLimit(x.Resolve<AuditTrail>(), seen)).As<IAuditTrail>().SingleInstance());
        (await host.QueryAsAsync(token, Entry("UMPEG-1"))).Ok(); // within the limit: answered as ever

        var beforeCommit = await host.QueryAsAsync(token, Entry("PMI-1"));
        var afterCommit = await host.QueryAsAsync(token, Entry("PMI-2"));

        Assert.Equal(["PMI-1 held until the limit", "PMI-2 held until the limit"], seen);

        // The limit can pass before the change commits or after, while its answer is read: the message must say which,
        // and the stored figure must agree with it.
        foreach (var (answer, indicator, said, status) in new[]
        {
            (beforeCommit, "PMI-1", "Tidak ada yang disimpan", "NO_DATA"),
            (afterCommit, "PMI-2", "TELAH disimpan", "OK"),
        })
        {
            Assert.Equal(503, answer.StatusCode);
            var message = Assert.Single(answer.ErrorMessages);
            Assert.Contains("batas waktu", message);
            Assert.Contains(said, message);
            var value = (await host.QueryAsAsync(token, $$"""{ value(indicator: "{{indicator}}", year: 2026, quarter: 1) { status } }""")).Ok();
            Assert.Equal(status, value.GetProperty("value").GetProperty("status").GetString());
        }
    }
}
