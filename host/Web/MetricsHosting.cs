using System.Diagnostics.Metrics;
using System.Net;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Security;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Kinerja.Host.Web;

/// <summary>
/// <c>/metrics</c> for Prometheus, where Kinerja:Metrics:Enabled is true: ASP.NET Core's HTTP server metrics, the
/// runtime's (heap, GC, working set, thread pool) and Kinerja's own (<see cref="KinerjaMetrics"/>), through OpenTelemetry. Answered to an address of
/// Kinerja:Metrics:AllowedAddresses (loopback by default; behind a proxy the client's address as
/// <see cref="HeadersHosting"/> takes it from X-Forwarded-For) and to an administrator's token, to nobody else.
/// </summary>
internal static class MetricsHosting
{
    public const string EnabledSetting = "Kinerja:Metrics:Enabled";
    public const string AllowedAddressesSetting = "Kinerja:Metrics:AllowedAddresses";
    public const string Path = "/metrics";

    private const string DefaultAllowed = "127.0.0.1,::1";
    private const string RuntimeMeter = "System.Runtime";

    public static void AddKinerjaMetrics(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return;
        }
        builder.Services.AddSingleton(new AllowedAddresses(AllowedNetworks(builder.Configuration)));
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kinerja")) // target_info's service_name
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(KinerjaMetrics.MeterName)
                // The runtime's own (heap, GC, working set, threads): the process's, whichever host reads it.
                .AddMeter(RuntimeMeter)
                // Each scrape reads the counts of its moment; only the monitor and administrators may scrape.
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        // Meters are seen process-wide: only this host's (made by its own factory) are exported, so that hosts sharing a
        // process (the tests') do not count each other's requests; and the runtime's, which are the process's anyway.
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, provider) =>
        {
            var own = services.GetRequiredService<IMeterFactory>();
            provider.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own) || instrument.Meter.Name == RuntimeMeter ? null : MetricStreamConfiguration.Drop);
        });
    }

    public static void MapKinerjaMetrics(this WebApplication app)
    {
        if (app.Services.GetService<AllowedAddresses>() is not { } allowed)
        {
            // Not the web app's page: a scraper pointed at a host without metrics hears that there are none.
            app.Map(Path, () => Results.NotFound());
            return;
        }
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use((http, next) =>
        {
            var caller = Caller.From(http.User);
            if (allowed.Contains(http.Connection.RemoteIpAddress) || caller.IsAdmin)
            {
                return next(http);
            }
            // No body: the refusal says nothing of what is counted.
            http.Response.Headers.CacheControl = "no-store";
            if (caller.IsSignedIn)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
            return Task.CompletedTask;
        }), optionsName: null);
    }

    private static bool Enabled(IConfiguration configuration) => configuration[EnabledSetting] switch
    {
        null or "" => false,
        var text when bool.TryParse(text, out var enabled) => enabled,
        var text => throw new InvalidOperationException($"{EnabledSetting}: '{text}' bukan true atau false"),
    };

    private static List<System.Net.IPNetwork> AllowedNetworks(IConfiguration configuration) =>
        (configuration[AllowedAddressesSetting] ?? DefaultAllowed)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Contains('/')
                ? System.Net.IPNetwork.TryParse(entry, out var network)
                    ? network
                    : throw new InvalidOperationException($"{AllowedAddressesSetting}: '{entry}' bukan jaringan CIDR, mis. 10.0.0.0/24")
                : IPAddress.TryParse(entry, out var address)
                    ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
                    : throw new InvalidOperationException($"{AllowedAddressesSetting}: '{entry}' bukan alamat IP atau jaringan CIDR"))
            .ToList();

    /// <summary>The addresses answered without a token.</summary>
    private sealed class AllowedAddresses(List<System.Net.IPNetwork> networks)
    {
        public bool Contains(IPAddress? address)
        {
            if (address is null)
            {
                return false;
            }
            // A dual-stack socket shows an IPv4 client as ::ffff:a.b.c.d.
            var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            return networks.Exists(n => n.Contains(plain));
        }
    }
}
