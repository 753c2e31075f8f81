using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQL.Resolvers;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Kinerja.Shared.Data;
using Kinerja.Shared.Diagnostics;
using Kinerja.Shared.Errors;
using Kinerja.Shared.GraphQL;
using Kinerja.Shared.Security;

namespace Kinerja.Gateway;

/// <summary>Limits on what one request may ask, from configuration (Kinerja:GraphQL:...).</summary>
internal sealed record GraphQLLimits(int MaxDepth, int MaxComplexity, long MaxRequestBytes, TimeSpan TimeLimit)
{
    public static GraphQLLimits From(IConfiguration configuration) => new(
        configuration.GetValue("Kinerja:GraphQL:MaxDepth", 15),
        // The pohon kinerja screen (iku three levels deep with every figure, quarters, sources, me) costs 3,595 and
        // a batch of 20 entries 20,100; a thousand aliased iku (1,003,000) are refused, as are fifty.
        configuration.GetValue("Kinerja:GraphQL:MaxComplexity", 50_000),
        configuration.GetValue("Kinerja:GraphQL:MaxRequestBytes", 64L * 1024 * 1024),
        TimeSpan.FromSeconds(configuration.GetValue("Kinerja:GraphQL:TimeLimitSeconds", 30.0)));
}

/// <summary>
/// The one schema of the host, made of the parts every enabled module contributes. Every root field asks
/// for an account, but for signing in and, where the office publishes its figures, reading.
/// </summary>
internal sealed class GraphQLGateway
{
    public GraphQLGateway(IEnumerable<IGraphQLContributor> contributors, IConfiguration configuration, KinerjaMetrics metrics)
    {
        Metrics = metrics;
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var contributor in contributors)
        {
            contributor.AddQueryFields(query);
            contributor.AddMutationFields(mutation);
        }
        Guard(query, allowAnonymous: configuration.GetValue(SignIn.PublicReadSetting, false));
        Guard(mutation, allowAnonymous: false);
        // A root type without fields fails every request, so Mutation is left out when no module adds one.
        Schema = new Schema { Query = query, Mutation = mutation.Fields.Count > 0 ? mutation : null };
        // GraphiQL and code generators send graphql-js 16's full introspection query, which asks for these.
        Schema.Features.RepeatableDirectives = true;
        Schema.Features.DeprecationOfInputValues = true;
        // Tools read the schema by introspection; it must not count against a request's complexity.
        Schema.WithIntrospectionComplexityImpact(0);
        Schema.Initialize();
        AddMissingIntrospection(Schema);

        Limits = GraphQLLimits.From(configuration);
        ValidationRules = DocumentValidator.CoreRules
            .Append(SignedInIntrospection.Instance)
            .Append(PlainText.Instance)
            .Append(new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = Limits.MaxDepth,
                MaxComplexity = Limits.MaxComplexity,
                // Kinerja's lists are short (60 indicators at most, a handful of contributions): the default
                // factor of 10 a level would refuse an IKU tree read three levels deep.
                DefaultListImpactMultiplier = 3,
            }))
            .ToList();
    }

    public ISchema Schema { get; }

    public GraphQLLimits Limits { get; }

    public IReadOnlyList<IValidationRule> ValidationRules { get; }

    public KinerjaMetrics Metrics { get; }

    /// <summary>Answers of reads kept for the data version (see <see cref="KeptAnswerStore"/>).</summary>
    public KeptAnswerStore Kept { get; } = new();

    /// <summary>
    /// The two parts of graphql-js 16's full introspection that GraphQL.NET 8 lacks even with its features on:
    /// <c>__Type.specifiedByURL</c> (no scalar here names a specification) and <c>includeDeprecated</c> on a
    /// directive's arguments (none is deprecated, so the argument changes nothing).
    /// </summary>
    private static void AddMissingIntrospection(ISchema schema)
    {
        var type = (IObjectGraphType)schema.AllTypes["__Type"]!;
        if (!type.HasField("specifiedByURL"))
        {
            type.AddField(new FieldType
            {
                Name = "specifiedByURL",
                ResolvedType = new StringGraphType(),
                Resolver = new FuncFieldResolver<object?>(_ => null),
            });
        }
        var args = ((IObjectGraphType)schema.AllTypes["__Directive"]!).GetField("args")!;
        if (args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= new QueryArguments();
            args.Arguments.Add(new QueryArgument(new BooleanGraphType()) { Name = "includeDeprecated", DefaultValue = false, ResolvedType = new BooleanGraphType() });
        }
    }

    private static void Guard(ObjectGraphType root, bool allowAnonymous)
    {
        foreach (var field in root.Fields.Where(f => !f.GetMetadata(KeptAnswers.OpenMetadata, false)))
        {
            var inner = field.Resolver!;
            field.Resolver = new FuncFieldResolver<object?>(async context =>
            {
                if (!allowAnonymous && !Caller.From(context.User).IsSignedIn)
                {
                    var why = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext?.Items[SignIn.FailureItem] as string;
                    throw new AccessException("UNAUTHENTICATED",
                        $"{why ?? "tanpa token"}: {field.Name} memerlukan akun; masuk dengan login dan kirim tokennya sebagai Authorization: Bearer ...");
                }
                return await inner.ResolveAsync(context);
            });
        }
    }
}

/// <summary>Marks the request whose change committed, so that an answer cut short after it says the change was stored.</summary>
internal sealed class RequestCommits(IHttpContextAccessor http) : ICommitObserver
{
    public const string Item = "kinerja.change-committed";

    public void Committed()
    {
        if (http.HttpContext is { } request)
        {
            request.Items[Item] = true;
        }
    }
}

public static class GraphQLHosting
{
    public const string Path = "/graphql";

    public static void AddGraphQLGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GraphQLGateway>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ICommitObserver, RequestCommits>();
        builder.AddRequestRates();
        // Kestrel refuses a body over the limit too, also one sent without a Content-Length.
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = GraphQLLimits.From(builder.Configuration).MaxRequestBytes);
        builder.Services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // Indonesian text goes out as it is, not as \u escapes.
        builder.Services.AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer(o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
    }

    /// <summary>Where the modules' own endpoints (reports, register uploads) are mapped: under the per-account rate limit of /graphql, shared with it.</summary>
    public static Microsoft.AspNetCore.Routing.IEndpointRouteBuilder RateLimitedEndpoints(this WebApplication app) => app.MapGroup("").RequireRateLimiting(RequestRates.Policy);

    /// <summary>
    /// Serves GraphQL over HTTP without the server package: POST with a JSON body, or GET with
    /// <c>?query=</c> (queries only: a GET must not change anything).
    /// </summary>
    public static void MapGraphQLGateway(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRequestLog();
        app.UseRateLimiter();
        app.UseAnonymousBodyLimit();
        app.MapPost(Path, async (HttpContext http, IGraphQLTextSerializer serializer, GraphQLGateway gateway) =>
        {
            if (http.Request.ContentLength > gateway.Limits.MaxRequestBytes)
            {
                await WriteRequestErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge,
                    $"Permintaan lebih besar dari batas {gateway.Limits.MaxRequestBytes} bita (Kinerja:GraphQL:MaxRequestBytes).");
                return;
            }
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
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // Without an account the smaller limit of AnonymousBodies is the one passed, and its message says so.
                await WriteRequestErrorAsync(http, serializer, e.StatusCode, Caller.From(http.User).IsSignedIn
                    ? $"Permintaan lebih besar dari batas {gateway.Limits.MaxRequestBytes} bita (Kinerja:GraphQL:MaxRequestBytes)."
                    : e.Message);
                return;
            }
            await ExecuteAsync(http, serializer, request, allowMutation: true);
        }).RequireRateLimiting(RequestRates.Policy);
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
        }).RequireRateLimiting(RequestRates.Policy);
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
        var name = RequestLog.OperationName(request.OperationName, request.Query);
        using var operation = RequestLog.BeginOperation(http, name);
        // The work stops when the client goes away or the time limit passes; a change under way rolls back.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        limit.CancelAfter(gateway.Limits.TimeLimit);
        var outcome = Outcomes.Error; // what an exception that escapes leaves
        try
        {
            ExecutionResult result;
            try
            {
                var kept = gateway.Kept.IsKeptShape(request.Query, request.OperationName);
                if (kept == true && await KeptVersionAsync(http, limit.Token) is { } version)
                {
                    outcome = await AnswerKeptAsync(http, serializer, gateway, request, version, limit.Token);
                    return;
                }
                result = await Execute(http, gateway, request, limit.Token);
                if (kept is null)
                {
                    gateway.Kept.LearnShape(request.Query, request.OperationName, gateway.Schema, result.Document, result.Operation);
                }
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                outcome = Outcomes.Timeout;
                // The limit may pass after a change committed, while its answer was being read: say so.
                var stored = http.Items.ContainsKey(RequestCommits.Item)
                    ? " Perubahan yang sudah selesai TELAH disimpan; baca ulang nilainya."
                    : " Tidak ada yang disimpan.";
                await WriteRequestErrorAsync(http, serializer, StatusCodes.Status503ServiceUnavailable,
                    $"Permintaan dihentikan: melewati batas waktu {gateway.Limits.TimeLimit.TotalSeconds:0.###} detik (Kinerja:GraphQL:TimeLimitSeconds).{stored}");
                return;
            }
            catch (OperationCanceledException)
            {
                outcome = Outcomes.Cancelled;
                return; // the client has gone: nobody reads an answer
            }
            outcome = Outcome(gateway.Metrics, result);
            http.Response.ContentType = "application/json; charset=utf-8";
            await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
        }
        finally
        {
            gateway.Metrics.GraphQLOperation(name, outcome);
        }
    }

    /// <summary>The outcome tags of <see cref="KinerjaMetrics.GraphQLOperation"/>.</summary>
    private static class Outcomes
    {
        public const string Ok = "ok";
        public const string Error = "error";
        public const string Invalid = "invalid";
        public const string Timeout = "timeout";
        public const string Cancelled = "cancelled";
    }

    /// <summary>
    /// How an executed request went, counting the changes it refused: a mutation's root field that answered an
    /// <see cref="InputException"/> or <see cref="AccessException"/> (a deeper error is in reading the answer, not the change).
    /// </summary>
    private static string Outcome(KinerjaMetrics metrics, ExecutionResult result)
    {
        if (!result.Executed)
        {
            return Outcomes.Invalid; // not parsed or not valid: nothing ran
        }
        if (result.Errors is not { Count: > 0 } errors)
        {
            return Outcomes.Ok;
        }
        if (result.Operation is { Operation: OperationType.Mutation } mutation)
        {
            foreach (var error in errors.Where(e => e is InputException or AccessException))
            {
                if (error.Path?.ToList() is [string alias])
                {
                    // The alias is the client's to choose: the tag is the schema's field name.
                    var field = mutation.SelectionSet.Selections.OfType<GraphQLField>()
                        .FirstOrDefault(f => (f.Alias?.Name ?? f.Name).StringValue == alias);
                    metrics.EntryRefused(field?.Name.StringValue ?? KinerjaMetrics.OtherOperation, error.Code ?? Outcomes.Error);
                }
            }
        }
        return Outcomes.Error;
    }

    /// <summary>
    /// A read made only of fields decided by the data version and the caller: the answer kept for the version read
    /// now, or (missing) the request run once for every request that waits for the same key, and kept when it has
    /// no errors and no change committed meanwhile.
    /// </summary>
    private static async Task<string> AnswerKeptAsync(HttpContext http, IGraphQLTextSerializer serializer, GraphQLGateway gateway, GraphQLRequest request,
        long at, CancellationToken cancellationToken)
    {
        var outcome = Outcomes.Ok; // a kept answer has no errors
        var key = KeptAnswerStore.Key(Caller.From(http.User), request.Query!, request.OperationName,
            request.Variables is null ? "" : serializer.Serialize(request.Variables));
        var (waiting, claim) = gateway.Kept.Find(at, key);
        var answer = waiting is null ? null : await waiting.WaitAsync(cancellationToken);
        if (answer is null)
        {
            byte[]? kept = null;
            try
            {
                var result = await Execute(http, gateway, request, cancellationToken);
                outcome = Outcome(gateway.Metrics, result);
                var buffer = new MemoryStream();
                await serializer.WriteAsync(buffer, result, cancellationToken);
                answer = buffer.ToArray();
                if (claim is not null && result.Executed && result.Errors is not { Count: > 0 }
                    && await KeptVersionAsync(http, cancellationToken, again: true) == at)
                {
                    kept = answer;
                }
            }
            finally
            {
                // Waiters must never hang on a claim: unkept, they run the request themselves.
                if (claim is not null)
                {
                    gateway.Kept.Complete(claim, kept);
                }
            }
        }
        else
        {
            gateway.Metrics.KeptAnswerHit();
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = answer.Length;
        await http.Response.Body.WriteAsync(answer, http.RequestAborted);
        return outcome;
    }

    /// <summary>
    /// The data version, or null when it cannot be read: the request then runs as any other and reports its errors the same
    /// way. The first read is the request's own, shared with the check of its token (one statement for a kept answer);
    /// <paramref name="again"/> reads it anew, to learn whether a change committed while the answer was made.
    /// </summary>
    private static async Task<long?> KeptVersionAsync(HttpContext http, CancellationToken cancellationToken, bool again = false)
    {
        try
        {
            return again
                ? await http.RequestServices.GetRequiredService<IDataVersion>().CurrentAsync(cancellationToken)
                : await http.RequestServices.GetRequiredService<RequestDataVersion>().FirstAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static Task<ExecutionResult> Execute(HttpContext http, GraphQLGateway gateway, GraphQLRequest request, CancellationToken cancellationToken) =>
        http.RequestServices.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = gateway.Schema,
            User = http.User,
            ValidationRules = gateway.ValidationRules,
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            RequestServices = http.RequestServices,
            // Shared by resolvers that run in parallel (see ResolveContextExtensions.LoadOncePerRequest).
            UserContext = new System.Collections.Concurrent.ConcurrentDictionary<string, object?>(),
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = context =>
            {
                http.RequestServices.GetRequiredService<ILogger<GraphQLGateway>>()
                    .LogError(context.OriginalException, "Galat tak tertangani pada GraphQL");
                return Task.CompletedTask;
            },
        });

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
