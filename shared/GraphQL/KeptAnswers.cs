using GraphQL;
using GraphQL.Builders;

namespace Kinerja.Shared.GraphQL;

/// <summary>
/// Root query fields whose answer is decided by the data version, the arguments and the caller alone (no clock, no
/// login attempts, nothing written without raising the version): the host may answer a request made only of such
/// fields from an answer it keeps for that version and caller, instead of running it again.
/// </summary>
public static class KeptAnswers
{
    public const string Metadata = "kinerja.kept-by-data-version";

    /// <summary>A field worth keeping: it evaluates a year (<c>iku</c>, <c>value</c>) or reads the database.</summary>
    public const string Evaluation = "evaluation";

    /// <summary>A field that may be kept with others but is cheaper to answer than to look up alone (<c>me</c>, the catalog).</summary>
    public const string Alongside = "alongside";

    /// <summary>Marks a root query field as decided by the data version, its arguments and the caller.</summary>
    public static FieldBuilder<TSource, TReturn> KeptByDataVersion<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        Mark(field, Evaluation);

    /// <summary>Marks a root query field decided by its arguments and the caller (or nothing at all) as kept along with others.</summary>
    public static FieldBuilder<TSource, TReturn> KeptAlongside<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        Mark(field, Alongside);

    private static FieldBuilder<TSource, TReturn> Mark<TSource, TReturn>(FieldBuilder<TSource, TReturn> field, string how)
    {
        field.FieldType.WithMetadata(Metadata, how);
        return field;
    }

    /// <summary>Marks a root field any caller may use, signed in or not (login, me): the gateway asks an account for every other.</summary>
    public static FieldBuilder<TSource, TReturn> OpenToAnyone<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.WithMetadata(OpenMetadata, true);
        return field;
    }

    public const string OpenMetadata = "kinerja.open-to-anyone";
}
