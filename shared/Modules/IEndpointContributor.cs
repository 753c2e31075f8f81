using Microsoft.AspNetCore.Routing;

namespace Kinerja.Shared.Modules;

/// <summary>
/// HTTP endpoints a module serves besides its GraphQL part (files to download, say). The host maps them
/// once, behind the same bearer-token authentication as /graphql.
/// </summary>
public interface IEndpointContributor
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
