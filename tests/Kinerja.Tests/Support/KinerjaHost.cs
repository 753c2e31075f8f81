using System.Net.Http.Json;
using System.Text.Json;
using Autofac;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Kinerja.Shared.Data;
using Kinerja.Shared.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kinerja.Tests.Support;

/// <summary>
/// The real host, spoken to over HTTP, on its real database: a SQLite file in a data directory of the
/// test's own, or on PostgreSQL a database of the throwaway server that belongs to that data directory
/// (hosts started on one data directory share one database on either engine).
/// </summary>
/// <remarks>
/// Without a data directory the host makes a temporary one that goes with it:
/// <c>await using var host = new KinerjaHost(engine: engine);</c>. Give one (a <see cref="TempDirectory"/>) only
/// when it must outlive the host: a restart, or two hosts on one database. For a host that xunit starts and stops,
/// see <see cref="FreshHost"/> (a new one for each test) and <see cref="SharedHost"/> (one for a test class).
/// </remarks>
public sealed class KinerjaHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<ContainerBuilder>? _container;
    private TempDirectory? _ownDirectory;

    /// <param name="dataDirectory">The data directory; none for a temporary one of the host's own, deleted with it.</param>
    /// <param name="now">The instant the host's clock starts at (it runs at the real pace from there): a year whose triwulan
    /// have ended can be rolled up.</param>
    public KinerjaHost(string? dataDirectory = null, string? modules = null, Action<ContainerBuilder>? container = null,
        IReadOnlyDictionary<string, string?>? settings = null, DatabaseEngine engine = DatabaseEngine.Sqlite, DateTimeOffset? now = null)
    {
        if (dataDirectory is null)
        {
            _ownDirectory = new TempDirectory();
            dataDirectory = _ownDirectory.Path;
        }
        DataDirectory = dataDirectory;
        Engine = engine;
        _container = now is { } start
            ? builder => { builder.RegisterInstance<TimeProvider>(new ShiftedClock(start)); container?.Invoke(builder); }
            : container;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        foreach (var (key, value) in DatabaseSettings(dataDirectory, engine))
        {
            _settings[key] = value;
        }
        if (modules is not null)
        {
            _settings["Kinerja:Modules"] = modules;
        }
        // The heap's bound is a host process's own; here one test process runs many hosts at once (HostProcess tests keep it).
        _settings.TryAdd("Kinerja:Memory:HeapLimitMegabytes", "0");
    }

    public string DataDirectory { get; }

    public DatabaseEngine Engine { get; }

    /// <summary>The settings that put a host on the data directory's database, for a host started in-process or as a process.</summary>
    public static IReadOnlyDictionary<string, string?> DatabaseSettings(string dataDirectory, DatabaseEngine engine) =>
        engine == DatabaseEngine.PostgreSql
            ? new Dictionary<string, string?>
            {
                ["Kinerja:DataDirectory"] = dataDirectory,
                ["Kinerja:Database:Provider"] = "PostgreSQL",
                ["ConnectionStrings:Kinerja"] = TestPostgres.DatabaseFor(dataDirectory),
            }
            : new Dictionary<string, string?> { ["Kinerja:DataDirectory"] = dataDirectory };

    /// <summary>The same settings as command-line switches, for <see cref="HostProcess"/>.</summary>
    public static string[] DatabaseSwitches(string dataDirectory, DatabaseEngine engine) =>
        DatabaseSettings(dataDirectory, engine).Select(s => $"--{s.Key}={s.Value}").ToArray();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches Program before Build(), where modules and the database are chosen.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
    }

    /// <summary>Called last by both Dispose and DisposeAsync, once the host has stopped: its own data directory goes then.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Interlocked.Exchange(ref _ownDirectory, null)?.Dispose();
        }
    }

    private volatile bool _started;

    /// <summary>
    /// WebApplicationFactory throws a NullReferenceException disposing a host whose start failed, which would hide why the
    /// start failed (the exception the test body is leaving with): a host that never started has nothing to stop.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (NullReferenceException) when (!_started)
        {
            Interlocked.Exchange(ref _ownDirectory, null)?.Dispose();
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (_container is not null)
        {
            builder.ConfigureContainer(_container);
        }
        var host = base.CreateHost(builder);
        // Tests count a request's statements and read what it read: the background warm-up is over first.
        host.Services.GetService<Kinerja.Host.Modules.WarmUpService>()?.Finished.GetAwaiter().GetResult();
        _started = true;
        return host;
    }

    public const string TestPassword = "kata-sandi-uji-yang-panjang";
    private string? _adminToken;

    /// <summary>Posts a GraphQL request to /graphql as an administrator and returns the whole answer.</summary>
    public async Task<GraphQLAnswer> QueryAsync(string query, object? variables = null) =>
        await QueryAsAsync(_adminToken ??= await SignInAsync("admin-uji", Roles.Admin, null), query, variables);

    /// <summary>Posts a GraphQL request with the given bearer token, or none.</summary>
    public async Task<GraphQLAnswer> QueryAsAsync(string? token, string query, object? variables = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLAnswer((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>Makes an account as the command line does, with the tests' password.</summary>
    public Task CreateAccountAsync(string userName, IReadOnlyList<string> roles, string? unit) =>
        Services.GetRequiredService<Kinerja.Modules.Accounts.AccountService>().CreateAsync(Caller.CommandLine,
            new Kinerja.Modules.Accounts.AccountInput { Username = userName, Password = TestPassword, Roles = [.. roles], Unit = unit }, CancellationToken.None);

    /// <summary>An account of the given role and unit (made if missing), signed in through login over HTTP.</summary>
    public async Task<string> SignInAsync(string userName, string role, string? unit)
    {
        try
        {
            await CreateAccountAsync(userName, [role], unit);
        }
        catch (Kinerja.Shared.Errors.InputException e) when (e.Message.Contains("sudah ada"))
        {
            // Made earlier: a failed login first would count against the client's address.
        }
        var login = await QueryAsAsync(null, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
            new { u = userName, p = TestPassword });
        return login.Ok().GetProperty("login").GetProperty("token").GetString()!;
    }
}

public sealed record GraphQLAnswer(int StatusCode, JsonElement Root, string Body)
{
    public JsonElement Data => Root.GetProperty("data");

    public bool HasErrors => Root.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0;

    public IReadOnlyList<string> ErrorMessages => HasErrors
        ? Root.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList()
        : [];

    /// <summary>The data, after checking the answer has no errors.</summary>
    public JsonElement Ok()
    {
        Assert.False(HasErrors, Body);
        return Data;
    }
}

/// <summary>A data directory that disappears with the test.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kinerja-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
