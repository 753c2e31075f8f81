using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Kinerja.Shared.GraphQL;

public static class ResolveContextExtensions
{
    /// <summary>A service of the request's scope.</summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("Permintaan GraphQL tanpa layanan."))
        .GetRequiredService<T>();
}
