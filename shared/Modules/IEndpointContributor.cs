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

/// <summary>
/// How the clients of an endpoint read a refusal that the host makes before the endpoint runs (too many requests, a
/// body too large for a request without an account): the JSON body for its message. Given as endpoint metadata; an
/// endpoint without one is answered as /graphql answers, with GraphQL's <c>errors</c>.
/// </summary>
public sealed record RefusalBody(Func<string, object> For);
