using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using Kinerja.Shared.Modules;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Kinerja.Gateway;

/// <summary>
/// How many requests an account may send a minute (Kinerja:RateLimit:PermitsPerMinute, 0 for no limit), to /graphql,
/// /reports and /registers together; requests without an account count by client address. Over the limit, 429 with a
/// Retry-After.
/// </summary>
internal static class RequestRates
{
    public const string Policy = "per-account";

    public static void AddRequestRates(this WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("Kinerja:RateLimit:PermitsPerMinute", 600);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, http =>
            {
                var caller = Caller.From(http.User);
                var key = caller.IsSignedIn ? $"akun:{caller.UserName}" : $"alamat:{http.Connection.RemoteIpAddress}";
                return perMinute <= 0
                    ? RateLimitPartition.GetNoLimiter(key)
                    : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                var seconds = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.Response.Headers.RetryAfter = seconds;
                await Refusals.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "RATE_LIMITED",
                    $"Terlalu banyak permintaan: paling banyak {perMinute} permintaan per menit per akun (Kinerja:RateLimit:PermitsPerMinute); coba lagi dalam {seconds} detik.",
                    cancellationToken);
            };
        });
    }
}

/// <summary>
/// A request without an account may carry at most Kinerja:Security:AnonymousMaxRequestBytes (16 KiB; a login is a few
/// hundred bytes): a larger one is refused before a byte of its body is read, and one sent without a length is read
/// into memory only up to that size. Without an account nothing but a login or a public read can be asked, so nobody
/// unknown makes the host read megabytes.
/// </summary>
internal static class AnonymousBodies
{
    public const string Setting = "Kinerja:Security:AnonymousMaxRequestBytes";

    public static void UseAnonymousBodyLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue(Setting, 16 * 1024);
        app.Use(async (http, next) =>
        {
            if (Caller.From(http.User).IsSignedIn || http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            {
                await next(http);
                return;
            }
            var tooLarge = http.Request.ContentLength > limit;
            if (!tooLarge && http.Request.ContentLength is null)
            {
                // Read here, at most one byte past the limit, so that what runs next reads it from memory.
                var body = new byte[limit + 1];
                var read = 0;
                while (read < body.Length && await http.Request.Body.ReadAsync(body.AsMemory(read), http.RequestAborted) is > 0 and var n)
                {
                    read += n;
                }
                tooLarge = read > limit;
                http.Request.Body = new MemoryStream(body, 0, read, writable: false);
            }
            if (!tooLarge)
            {
                await next(http);
                return;
            }
            // A token was sent but refused (expired, say): what the client must do is sign in again.
            if (http.Items[SignIn.FailureItem] is string why)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                await Refusals.WriteAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED",
                    $"{why}: permintaan ini memerlukan akun; masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...", http.RequestAborted);
                return;
            }
            await Refusals.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE",
                $"Permintaan tanpa akun paling besar {limit} bita ({Setting}); masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...",
                http.RequestAborted);
        });
    }
}

/// <summary>The answer to a request refused before its endpoint runs, in the shape its clients read (<see cref="RefusalBody"/>).</summary>
internal static class Refusals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext http, int status, string code, string message, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (http.GetEndpoint()?.Metadata.GetMetadata<RefusalBody>() is { } shape)
        {
            await JsonSerializer.SerializeAsync(http.Response.Body, shape.For(message), Json, cancellationToken);
            return;
        }
        await http.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(http.Response.Body,
            new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] }, cancellationToken);
    }
}
