using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using Kinerja.Shared.Formatting;

namespace Kinerja.Gateway;

/// <summary>
/// Text that comes in, in a request's arguments or variables, holds no control character but tab and line breaks: a NUL
/// or an escape stored in an analysis broke the unit's XLSX report for everyone. Refused before anything runs, naming
/// where the text was.
/// </summary>
internal sealed class PlainText : ValidationRuleBase
{
    public static readonly PlainText Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Variables is { } variables)
        {
            foreach (var (name, value) in variables)
            {
                if (Find(value, name) is { } found)
                {
                    Report(context, found.Path, found.Character, context.Operation);
                }
            }
        }
        return new(Literals);
    }

    private static readonly INodeVisitor Literals = new MatchingNodeVisitor<GraphQLArgument>((argument, context) =>
    {
        if (FindLiteral(argument.Value, argument.Name.StringValue) is { } found)
        {
            Report(context, found.Path, found.Character, argument);
        }
    });

    private static (string Path, char Character)? Find(object? value, string path) => value switch
    {
        string text => Disallowed(text) is { } c ? (path, c) : null,
        IDictionary<string, object?> fields => fields.Select(f => Find(f.Value, $"{path}.{f.Key}")).FirstOrDefault(f => f is not null),
        IEnumerable<object?> items => items.Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static (string Path, char Character)? FindLiteral(GraphQLValue value, string path) => value switch
    {
        GraphQLStringValue text => Disallowed((string)text.Value) is { } c ? (path, c) : null,
        GraphQLObjectValue fields => fields.Fields?.Select(f => FindLiteral(f.Value, $"{path}.{f.Name.StringValue}")).FirstOrDefault(f => f is not null),
        GraphQLListValue items => items.Values?.Select((item, i) => FindLiteral(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        _ => null,
    };

    private static char? Disallowed(string text) => ControlText.FirstRefused(text);

    private static void Report(ValidationContext context, string path, char character, ASTNode? node) =>
        context.ReportError(new ValidationError(context.Document.Source, null,
            $"{path}: teks memuat karakter kendali U+{(int)character:X4}; selain tab dan ganti baris, karakter kendali tidak diterima",
            node is null ? [] : [node]) { Code = "INVALID_INPUT" });
}
