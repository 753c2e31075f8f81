using System.Diagnostics;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kinerja.Gateway;

/// <summary>
/// What the logs say of a request: every line logged while it runs carries its account (never a password or token) and,
/// for GraphQL, its operation, beside the trace id of ASP.NET Core's own scope (shown with
/// <c>Logging:Console:FormatterName=json</c> and <c>Logging:Console:FormatterOptions:IncludeScopes=true</c>); a request
/// slower than <c>Kinerja:SlowRequestMs</c> (1000 by default) is logged with its operation.
/// </summary>
public static partial class RequestLog
{
    public const string SlowSetting = "Kinerja:SlowRequestMs";

    /// <summary>Where the gateway leaves the name of the operation a request ran, for the slow-request line.</summary>
    public const string OperationItem = "kinerja.operation";

    public static void UseRequestLog(this WebApplication app)
    {
        var slow = app.Configuration.GetValue(SlowSetting, 1000);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Kinerja.Requests");
        app.Use(async (http, next) =>
        {
            using var scope = log.BeginScope(new Dictionary<string, object?> { ["Account"] = Caller.From(http.User).ToString() });
            var started = Stopwatch.GetTimestamp();
            await next(http);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (elapsed > slow)
            {
                log.LogWarning("Permintaan lambat: {Method} {Path} operasi {Operation} selesai dalam {ElapsedMs:0} ms (batas {SlowRequestMs} ms, {Status})",
                    http.Request.Method, http.Request.Path.Value, http.Items[OperationItem] as string ?? "-", elapsed, slow, http.Response.StatusCode);
            }
        });
    }

    /// <summary>A GraphQL operation's name as asked or as its document names it (<c>query DaftarIndikator { ... }</c>); null when it has none.</summary>
    internal static string? OperationName(string? operationName, string query) =>
        operationName ?? (NamedOperation().Match(query) is { Success: true } named ? named.Groups[1].Value : null);

    /// <summary>The scope of a GraphQL operation, named by <see cref="OperationName"/>.</summary>
    internal static IDisposable? BeginOperation(HttpContext http, string? name)
    {
        var operation = name ?? KinerjaMetrics.Unnamed;
        http.Items[OperationItem] = operation;
        return http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kinerja.GraphQL")
            .BeginScope(new Dictionary<string, object?> { ["Operation"] = operation });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)")]
    private static partial System.Text.RegularExpressions.Regex NamedOperation();
}
