using Microsoft.AspNetCore.HttpOverrides;
using System.Net;

namespace Kinerja.Host.Web;

/// <summary>What every answer carries against other sites, and where a request really comes from behind a proxy.</summary>
internal static class HeadersHosting
{
    public const string KnownProxiesSetting = "Kinerja:Proxy:KnownProxies";
    public const string KnownNetworksSetting = "Kinerja:Proxy:KnownNetworks";

    // Scripts from the host only, never inline; styles may be inline (GraphiQL's and the printed reports' own, the app's
    // computed ones), which runs no code. No page may be framed by another site.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The client's address is taken from X-Forwarded-For only when the request comes from a proxy the office names
    /// (Kinerja:Proxy:KnownProxies, addresses; Kinerja:Proxy:KnownNetworks, CIDR), never by default: a client cannot
    /// choose the address its sign-in failures are counted under.
    /// </summary>
    public static void AddProxies(this WebApplicationBuilder builder)
    {
        var proxies = List(builder.Configuration[KnownProxiesSetting]).Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{KnownProxiesSetting}: '{p}' bukan alamat IP")).ToList();
        var networks = List(builder.Configuration[KnownNetworksSetting]).Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{KnownNetworksSetting}: '{n}' bukan jaringan CIDR, mis. 10.0.0.0/24")).ToList();
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return;
        }
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default: here only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    /// <summary>First in the pipeline: every answer, a refusal or a file included, gets the headers.</summary>
    public static void UseProxiesAndHeaders(this WebApplication app)
    {
        // With no proxy named, ASP.NET Core's middleware would believe X-Forwarded-For from anyone: it is left out.
        if (app.Services.GetService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>()?.Value is { } options
            && options.ForwardedHeaders != ForwardedHeaders.None)
        {
            app.UseForwardedHeaders();
        }
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
    }

    private static IEnumerable<string> List(string? setting) =>
        (setting ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
