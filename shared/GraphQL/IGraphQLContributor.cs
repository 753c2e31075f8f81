using GraphQL.Types;

namespace Kinerja.Shared.GraphQL;

/// <summary>
/// A module's part of the one GraphQL schema the host serves. Registered only when the module is enabled,
/// so a disabled module's fields are absent.
/// </summary>
public interface IGraphQLContributor
{
    void AddQueryFields(ObjectGraphType query);

    void AddMutationFields(ObjectGraphType mutation);
}
