using System.Collections.Concurrent;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Shared.GraphQL;

public static class ResolveContextExtensions
{
    /// <summary>A service of the request's scope.</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("Permintaan GraphQL tanpa layanan."))
        .GetRequiredService<T>();

    /// <summary>
    /// A load shared by every node of a request that asks for the same key (the tree of a year, for the parents
    /// and children of sixty indicators): one load per request and key, not one query per node. The host gives
    /// each request a <see cref="ConcurrentDictionary{TKey,TValue}"/> as its user context, since resolvers run in parallel.
    /// Queries only: a mutation loads afresh for each field.
    /// </summary>
    public static Task<T> LoadOncePerRequest<TKey, T>(this IResolveFieldContext context, string loader, TKey key, Func<TKey, Task<T>> load)
        where TKey : notnull
    {
        if (context.Operation.Operation == GraphQLParser.AST.OperationType.Mutation)
        {
            return load(key); // a mutation's fields change data one after another: what one read must not answer the next
        }
        var perRequest = (ConcurrentDictionary<string, object?>)context.UserContext;
        var loads = (ConcurrentDictionary<TKey, Task<T>>)perRequest.GetOrAdd(loader, _ => new ConcurrentDictionary<TKey, Task<T>>())!;
        return loads.GetOrAdd(key, load);
    }
}
