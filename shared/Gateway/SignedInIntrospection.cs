using GraphQL.Validation;
using GraphQLParser.AST;
using Kinerja.Shared.Security;

namespace Kinerja.Gateway;

/// <summary>
/// The schema is read (introspection: <c>__schema</c>, <c>__type</c>) with an account only: what the API offers, down to
/// its descriptions, is for the office's own people and tools, not for anyone who finds the address.
/// </summary>
internal sealed class SignedInIntrospection : ValidationRuleBase
{
    public static readonly SignedInIntrospection Instance = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLField>((field, context) =>
    {
        if ((field.Name.Value == "__schema" || field.Name.Value == "__type") && !Caller.From(context.User).IsSignedIn)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                "skema API hanya dapat dibaca dengan akun; masuk dengan login dan kirim tokennya", field) { Code = "UNAUTHENTICATED" });
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
