using System.Globalization;
using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.Transport;
using Kinerja.Shared.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Kinerja.Gateway;

/// <summary>
/// How many requests an account may send to /graphql a minute (Kinerja:RateLimit:PermitsPerMinute, 0 for no
/// limit); requests without an account count by client address. Over the limit, 429 with a Retry-After.
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
                context.HttpContext.Response.ContentType = "application/json; charset=utf-8";
                await context.HttpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>().WriteAsync(context.HttpContext.Response.Body,
                    new ExecutionResult { Errors = [new ExecutionError(
                        $"Terlalu banyak permintaan: paling banyak {perMinute} permintaan per menit per akun (Kinerja:RateLimit:PermitsPerMinute); coba lagi dalam {seconds} detik.")
                        { Code = "RATE_LIMITED" }] },
                    cancellationToken);
            };
        });
    }
}
