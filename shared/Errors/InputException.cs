using GraphQL;

namespace Kinerja.Shared.Errors;

/// <summary>A field of a request and why it was refused, in Bahasa Indonesia.</summary>
public sealed record FieldError(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}

/// <summary>
/// Bad input, refused before anything is stored. Its message names every field and its reason; GraphQL
/// answers it as an error with code INVALID_INPUT and the fields under <c>extensions.fields</c>.
/// </summary>
public sealed class InputException : ExecutionError
{
    public InputException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
        Code = "INVALID_INPUT";
        Extensions = new Dictionary<string, object?>
        {
            ["fields"] = errors.Select(e => new Dictionary<string, object?> { ["field"] = e.Field, ["reason"] = e.Reason }).ToList(),
        };
    }

    public InputException(string field, string reason) : this([new FieldError(field, reason)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
