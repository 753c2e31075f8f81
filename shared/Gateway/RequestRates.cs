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
/// hundred bytes): one that says it is larger is refused before a byte of its body is read, and one sent without a
/// length fails as soon as it is read past that. Without an account nothing but a login or a public read can be asked,
/// so nobody unknown makes the host read megabytes.
/// </summary>
internal static class AnonymousBodies
{
    public const string Setting = "Kinerja:Security:AnonymousMaxRequestBytes";

    public static void UseAnonymousBodyLimit(this WebApplication app)
    {
        var limit = app.Configuration.GetValue(Setting, 16 * 1024);
        var message = $"Permintaan tanpa akun paling besar {limit} bita ({Setting}); masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...";
        app.Use(async (http, next) =>
        {
            if (Caller.From(http.User).IsSignedIn || http.Request.ContentLength == 0
                || http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
            {
                await next(http);
                return;
            }
            if (http.Request.ContentLength is null)
            {
                // Counted as it is read rather than read here first: nothing is held for a body the endpoint never reads.
                http.Request.Body = new CappedBody(http.Request.Body, limit, message);
                await next(http);
                return;
            }
            if (http.Request.ContentLength <= limit)
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
            await Refusals.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "BODY_TOO_LARGE", message, http.RequestAborted);
        });
    }

    /// <summary>A body without a length, failing as a body over the limit (413) once more than the limit has been read.</summary>
    private sealed class CappedBody(Stream inner, long limit, string message) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Counted(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException(message, StatusCodes.Status413PayloadTooLarge) : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
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
