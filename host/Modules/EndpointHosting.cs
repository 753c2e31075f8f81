using Kinerja.Shared.Modules;

namespace Kinerja.Host.Modules;

internal static class EndpointHosting
{
    /// <summary>The HTTP endpoints of the enabled modules (reports, ...).</summary>
    public static void MapModuleEndpoints(this WebApplication app)
    {
        foreach (var contributor in app.Services.GetServices<IEndpointContributor>())
        {
            contributor.MapEndpoints(app);
        }
    }
}
