using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using Kinerja.Shared.GraphQL;

namespace Kinerja.Host.GraphQL;

/// <summary>The one schema of the host, made of the parts every enabled module contributes.</summary>
internal sealed class GraphQLGateway
{
    public GraphQLGateway(IEnumerable<IGraphQLContributor> contributors)
    {
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var contributor in contributors)
        {
            contributor.AddQueryFields(query);
            contributor.AddMutationFields(mutation);
        }
        // A root type without fields fails every request, so Mutation is left out when no module adds one.
        Schema = new Schema { Query = query, Mutation = mutation.Fields.Count > 0 ? mutation : null };
        Schema.Initialize();
    }

    public ISchema Schema { get; }
}

internal static class GraphQLHosting
{
    public const string Path = "/graphql";

    public static void AddGraphQLGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GraphQLGateway>();
        builder.Services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // Indonesian text goes out as it is, not as \u escapes.
        builder.Services.AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
    }

    /// <summary>
    /// Serves GraphQL over HTTP without the server package: POST with a JSON body, or GET with
    /// <c>?query=</c> (queries only: a GET must not change anything).
    /// </summary>
    public static void MapGraphQLGateway(this WebApplication app)
    {
        app.MapPost(Path, async (HttpContext http, IGraphQLTextSerializer serializer) =>
        {
            GraphQLRequest? request;
            try
            {
                request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
            }
            catch (JsonException e)
            {
                await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, $"Badan permintaan bukan JSON yang sah: {e.Message}");
                return;
            }
            await ExecuteAsync(http, serializer, request, allowMutation: true);
        });
        app.MapGet(Path, async (HttpContext http, IGraphQLTextSerializer serializer) =>
        {
            var query = http.Request.Query;
            Inputs? variables;
            try
            {
                variables = query["variables"] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0])
                    ? serializer.Deserialize<Inputs>(v[0])
                    : null;
            }
            catch (JsonException e)
            {
                await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, $"Parameter variables bukan JSON yang sah: {e.Message}");
                return;
            }
            var request = new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = variables };
            await ExecuteAsync(http, serializer, request, allowMutation: false);
        });
    }

    private static async Task ExecuteAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLRequest? request, bool allowMutation)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "Permintaan GraphQL harus memuat query.");
            return;
        }
        if (!allowMutation && IsMutation(request.Query, request.OperationName))
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status405MethodNotAllowed, "Mutation hanya dapat dikirim dengan POST.");
            return;
        }

        var gateway = http.RequestServices.GetRequiredService<GraphQLGateway>();
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = gateway.Schema,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            UnhandledExceptionDelegate = context =>
            {
                http.RequestServices.GetRequiredService<ILogger<GraphQLGateway>>()
                    .LogError(context.OriginalException, "Galat tak tertangani pada GraphQL");
                return Task.CompletedTask;
            },
        });
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static bool IsMutation(string query, string? operationName)
    {
        try
        {
            var operations = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLOperationDefinition>();
            return operations.Any(o => o.Operation == OperationType.Mutation
                && (operationName is null || o.Name?.StringValue == operationName));
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException)
        {
            return false; // the executer reports the syntax error
        }
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [new ExecutionError(message)] }, http.RequestAborted);
    }
}
