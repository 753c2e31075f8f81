using GraphQL.Types;
using Kinerja.Modules.Cascade.Entry;
using Kinerja.Modules.Cascade.Reading;

namespace Kinerja.Modules.Cascade.GraphQL;

internal sealed class RealizationType : ObjectGraphType<RealizationListing>
{
    public RealizationType()
    {
        Name = "Realization";
        Description = "A realisation as its unit entered it for one triwulan, and where it stands in verification.";
        Field<NonNullGraphType<IndicatorType>>("indicator").Resolve(c => c.Source.Indicator);
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Entry.Year);
        Field<NonNullGraphType<IntGraphType>>("quarter").Resolve(c => c.Source.Entry.Quarter);
        Field<FloatGraphType>("numerator").Description("A PERCENT's numerator, a COUNT's value.").Resolve(c => c.Source.Entry.Numerator);
        Field<FloatGraphType>("denominator").Resolve(c => c.Source.Entry.Denominator);
        Field<NonNullGraphType<StringGraphType>>("state").Description("DIAJUKAN, DIVERIFIKASI or DIKEMBALIKAN.").Resolve(c => c.Source.Entry.State);
        Field<NonNullGraphType<IntGraphType>>("revision")
            .Description("Raised by every change of the entry; verifyRealization and returnRealization name the one the verifikator read.")
            .Resolve(c => c.Source.Entry.Revision);
        Field<StringGraphType>("enteredBy").Resolve(c => c.Source.Entry.EnteredBy);
        Field<StringGraphType>("reviewedBy").Resolve(c => c.Source.Entry.ReviewedBy);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("warnings")
            .Description("What looks wrong but may be right and was stored (a numerator above its denominator, say).")
            .Resolve(c => EntryWarnings.Of(c.Source.Entry));
        Field<StringGraphType>("returnReason").Description("Why a verifikator returned it (DIKEMBALIKAN).").Resolve(c => c.Source.Entry.ReturnReason);
    }
}
