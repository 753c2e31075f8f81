using Kinerja.Gateway;
using Kinerja.Shared.Modules;

namespace Kinerja.Host.Modules;

internal static class EndpointHosting
{
    /// <summary>The HTTP endpoints of the enabled modules (reports, register uploads), under the rate limit of /graphql.</summary>
    public static void MapModuleEndpoints(this WebApplication app)
    {
        var endpoints = app.RateLimitedEndpoints();
        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(endpoints);
        }
    }
}
